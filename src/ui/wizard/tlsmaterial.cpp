#include "tlsmaterial.h"

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/common/error.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSslKey>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
constexpr int kSelfSignedDays =
    825; // the longest validity browsers accept for a server certificate
constexpr qint64 kMaxFileSize = 1024 * 1024;

// Translated in the context ms::ui::TlsMaterial; the macro lets lupdate see that context (a free
// TlsMaterialText::tr() wrapper filed its strings under the namespace, where the running program
// never looked).
class TlsMaterialText
{
    Q_DECLARE_TR_FUNCTIONS(ms::ui::TlsMaterial)
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw clientError(TlsMaterialText::tr("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxFileSize)
        throw clientError(
            TlsMaterialText::tr("%1 is too large to be a certificate or key file.").arg(path));
    return file.readAll();
}

// A callback that supplies no passphrase, so that an encrypted key fails instead of prompting.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

bool keyMatchesCertificate(const QByteArray &keyPem, const QSslCertificate &leaf)
{
    const Certificate certificate = Certificate::fromData(leaf.toDer());
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), &BIO_free);
    if (!bio)
        return false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr), &EVP_PKEY_free);
    if (!key)
        throw clientError(TlsMaterialText::tr("The key file holds no readable PEM private key."));
    return X509_check_private_key(certificate.handle(), key.get()) == 1;
}

QSslKey sslKey(const QByteArray &keyPem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}
} // namespace

QByteArray TlsMaterial::certificatePem() const
{
    QByteArray pem;
    for (const QSslCertificate &certificate : chain)
        pem += certificate.toPem();
    return pem;
}

QString TlsMaterial::sha256Fingerprint() const
{
    if (chain.isEmpty())
        return {};
    return QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex().toUpper());
}

QSslConfiguration TlsMaterial::serverConfiguration() const
{
    const QSslKey key = sslKey(privateKeyPem);
    if (chain.isEmpty() || key.isNull())
        throw clientError(TlsMaterialText::tr("The TLS certificate or its key is missing."));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

TlsMaterial generateSelfSignedTls(const QString &hostName)
{
    static const QRegularExpression dnsName(
        u"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"_s);
    QStringList dnsNames{u"localhost"_s};
    if (hostName != u"localhost" && dnsName.match(hostName).hasMatch())
        dnsNames.append(hostName);
    const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    const Certificate certificate = Certificate::createSelfSigned(
        key, dnsNames.last(), dnsNames, {u"127.0.0.1"_s, u"::1"_s}, kSelfSignedDays);
    TlsMaterial material;
    material.chain = QSslCertificate::fromData(certificate.toPem(), QSsl::Pem);
    material.privateKeyPem = key.toPem();
    return material;
}

TlsMaterial tlsFromPem(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    TlsMaterial material;
    material.chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (material.chain.isEmpty()) {
        const auto der = QSslCertificate::fromData(certificatePem, QSsl::Der);
        if (der.isEmpty())
            throw clientError(
                TlsMaterialText::tr("The certificate file holds no PEM or DER certificate."));
        material.chain = der;
    }
    if (keyPem.contains("ENCRYPTED")) {
        throw clientError(TlsMaterialText::tr(
            "The private key is encrypted with a passphrase. Decrypt it first "
            "(openssl pkey -in key.pem -out plain.pem), or import a PKCS#12 file "
            "with its passphrase."));
    }
    if (!keyMatchesCertificate(keyPem, material.chain.first())) {
        throw clientError(TlsMaterialText::tr(
                              "The private key does not belong to the certificate (%1). Choose the "
                              "key file that was created with this certificate.")
                              .arg(material.chain.first().subjectDisplayName()));
    }
    if (sslKey(keyPem).isNull())
        throw clientError(
            TlsMaterialText::tr("The private key is neither RSA nor EC; use an RSA or EC key."));
    material.privateKeyPem = keyPem;
    return material;
}

TlsMaterial tlsFromPkcs12(const QByteArray &data, const QString &passphrase)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QSslKey key;
    QSslCertificate leaf;
    QList<QSslCertificate> authorities;
    if (!QSslCertificate::importPkcs12(&buffer, &key, &leaf, &authorities, passphrase.toUtf8()) ||
        leaf.isNull() || key.isNull()) {
        throw clientError(TlsMaterialText::tr(
            "Cannot open the PKCS#12 file: the passphrase is wrong, or it is not a "
            "PKCS#12 (.p12/.pfx) file with a certificate and its key."));
    }
    TlsMaterial material;
    material.chain = QList<QSslCertificate>{leaf} + authorities;
    material.privateKeyPem = key.toPem();
    return material;
}

bool isPkcs12Path(const QString &path)
{
    return path.endsWith(u".p12"_s, Qt::CaseInsensitive) ||
           path.endsWith(u".pfx"_s, Qt::CaseInsensitive);
}

TlsMaterial loadTlsFiles(const QString &certificatePath, const QString &keyPath,
                         const QString &passphrase)
{
    if (isPkcs12Path(certificatePath))
        return tlsFromPkcs12(readFile(certificatePath), passphrase);
    if (keyPath.isEmpty())
        throw clientError(
            TlsMaterialText::tr("Choose the private key file of the certificate as well."));
    return tlsFromPem(readFile(certificatePath), readFile(keyPath));
}

} // namespace ms::ui
