#pragma once

// Fixtures, certificates with chosen dates, and PKCS#12 bundles for the wizard's tests.

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <memory>

namespace wizardtest {

using namespace Qt::Literals::StringLiterals;

inline QString fixture(const QString &name)
{
    return QStringLiteral(MIRRORSCOPE_FIXTURES_DIR) + u'/' + name;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

inline QString writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

/// A self-signed certificate for key valid from now + fromDays to now + toDays (negative: past).
inline QByteArray certificatePem(const ms::RsaPrivateKey &key, const QString &commonName,
                                 long fromDays, long toDays)
{
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 4711);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), fromDays * 24 * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), toDays * 24 * 3600);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.handle());
    if (X509_sign(cert.get(), key.handle(), EVP_sha256()) <= 0)
        qFatal("cannot sign a test certificate");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), cert.get());
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

/// A PKCS#12 bundle of certificate and key under passphrase (OpenSSL 3's default algorithms).
inline QByteArray pkcs12(const ms::Certificate &certificate, const ms::RsaPrivateKey &key,
                         const QByteArray &passphrase)
{
    std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(
        PKCS12_create(passphrase.constData(), "mirrorscope test", key.handle(),
                      certificate.handle(), nullptr, 0, 0, 0, 0, 0),
        &PKCS12_free);
    if (!p12)
        qFatal("cannot create a PKCS#12 bundle");
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    i2d_PKCS12_bio(bio.get(), p12.get());
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

} // namespace wizardtest
