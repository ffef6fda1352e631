#include "certificate.h"

#include "opensslerror.h"
#include "rsakeydata.h"
#include "rsaprivatekey.h"
#include "service/common/error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QUrl>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr qint64 kMaxFileSize = 1024 * 1024;

using GeneralNamesPtr = OpenSslPtr<GENERAL_NAMES, GENERAL_NAMES_free>;
using X509ExtensionPtr = OpenSslPtr<X509_EXTENSION, X509_EXTENSION_free>;

QString nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 but with UTF-8 left as it is, for display.
    const unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, flags) < 0)
        return {};
    return QString::fromUtf8(bioContents(bio.get()));
}

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm t
    {};
    if (!time || ASN1_TIME_to_tm(time, &t) != 1)
        return {};
    return QDateTime(QDate(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday),
                     QTime(t.tm_hour, t.tm_min, t.tm_sec), Qt::UTC);
}

QString digestHex(const X509 *cert, const EVP_MD *md)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!cert || X509_digest(cert, md, digest, &length) != 1)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), length).toHex().toUpper());
}

// RFC 5952 text: dotted IPv4; IPv6 in lower-case hex with the longest zero run as "::".
QString ipAddressText(const QByteArray &bytes)
{
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.constData());
    if (bytes.size() == 4)
        return u"%1.%2.%3.%4"_s.arg(b[0]).arg(b[1]).arg(b[2]).arg(b[3]);
    quint16 groups[8];
    for (int i = 0; i < 8; ++i)
        groups[i] = quint16(b[2 * i] << 8 | b[2 * i + 1]);
    int bestStart = -1, bestLength = 1; // a single zero group is not compressed
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += u"::"_s;
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(u':'))
            text += u':';
        text += QString::number(groups[i], 16);
    }
    return text;
}

QStringList altNames(const X509 *cert, int type)
{
    QStringList result;
    GeneralNamesPtr names(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names.get(), i);
        if (name->type != type)
            continue;
        const ASN1_STRING *s = type == GEN_DNS ? name->d.dNSName : name->d.iPAddress;
        const QByteArray bytes(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                               ASN1_STRING_length(s));
        if (type == GEN_DNS) {
            result.append(QString::fromLatin1(bytes));
        } else if (bytes.size() == 4 || bytes.size() == 16) {
            result.append(ipAddressText(bytes));
        }
    }
    return result;
}

void addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        throw serverError(u"Cannot add a certificate extension: %1"_s.arg(takeOpenSslErrors()));
}

GeneralNamesPtr subjectAltNames(const QStringList &dnsNames, const QStringList &ipAddresses)
{
    GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    auto append = [&](GENERAL_NAME *name) {
        if (!name || !sk_GENERAL_NAME_push(names.get(), name)) {
            GENERAL_NAME_free(name);
            throw serverError(u"Cannot build subjectAltName: %1"_s.arg(takeOpenSslErrors()));
        }
    };
    for (const QString &dns : dnsNames) {
        const QByteArray ascii = QUrl::toAce(dns);
        if (ascii.isEmpty() || ascii.contains(' '))
            throw clientError(u"\"%1\" is not a valid DNS name for the certificate"_s.arg(dns));
        GENERAL_NAME *name = GENERAL_NAME_new();
        ASN1_IA5STRING *text = ASN1_IA5STRING_new();
        if (!name || !text || !ASN1_STRING_set(text, ascii.constData(), int(ascii.size()))) {
            ASN1_IA5STRING_free(text);
            GENERAL_NAME_free(name);
            throw serverError(u"Out of memory building subjectAltName"_s);
        }
        GENERAL_NAME_set0_value(name, GEN_DNS, text);
        append(name);
    }
    for (const QString &ip : ipAddresses) {
        GENERAL_NAME *name = a2i_GENERAL_NAME(nullptr, nullptr, nullptr, GEN_IPADD,
                                              ip.trimmed().toLatin1().constData(), 0);
        if (!name) {
            takeOpenSslErrors();
            throw clientError(u"\"%1\" is not an IP address (expected e.g. 192.0.2.10 or "
                              u"2001:db8::1, without a scope such as %eth0)"_s.arg(ip));
        }
        append(name);
    }
    return names;
}
} // namespace

Certificate Certificate::fromData(QByteArrayView pemOrDer)
{
    const QByteArray data = pemOrDer.toByteArray();
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty())
        throw clientError(u"No certificate given (the data is empty)"_s);
    X509 *cert = nullptr;
    if (trimmed.startsWith("-----BEGIN ") || trimmed.contains("\n-----BEGIN ")) {
        if (!trimmed.contains("-----BEGIN CERTIFICATE-----")) {
            if (trimmed.contains("PRIVATE KEY-----"))
                throw clientError(u"This is a private key, not a certificate; give the "
                                  u"certificate (.crt/.cer) instead"_s);
            throw clientError(u"This PEM text holds no certificate (no \"BEGIN CERTIFICATE\")"_s);
        }
        BioPtr bio(BIO_new_mem_buf(trimmed.constData(), int(trimmed.size())));
        cert = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
        if (!cert)
            throw clientError(u"The PEM certificate cannot be read (%1); it may be damaged or "
                              u"cut off"_s.arg(takeOpenSslErrors()));
    } else {
        auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
        cert = d2i_X509(nullptr, &bytes, long(data.size()));
        if (!cert)
            throw clientError(u"This is not a certificate: neither PEM (BEGIN CERTIFICATE) nor "
                              u"DER could be read (%1)"_s.arg(takeOpenSslErrors()));
    }
    return Certificate(X509Ref::adopt(cert));
}

Certificate Certificate::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw clientError(
            u"Cannot open the certificate file %1: %2"_s.arg(path, file.errorString()));
    if (file.size() > kMaxFileSize)
        throw clientError(
            u"The file %1 is too large to be a certificate (%2 bytes)"_s.arg(path).arg(
                file.size()));
    const QByteArray data = file.readAll();
    try {
        return fromData(data);
    } catch (const Error &e) {
        throw clientError(u"%1: %2"_s.arg(path, e.message()));
    }
}

Certificate Certificate::createSelfSigned(const RsaPrivateKey &key, const QString &commonName,
                                          const QStringList &dnsNames,
                                          const QStringList &ipAddresses, int days)
{
    if (key.isNull())
        throw clientError(u"A certificate needs a key; none was given"_s);
    if (commonName.trimmed().isEmpty())
        throw clientError(
            u"The certificate needs a common name (the host name users connect to)"_s);
    if (days < 1)
        throw clientError(u"The certificate must be valid for at least one day"_s);
    GeneralNamesPtr altNames = subjectAltNames(dnsNames, ipAddresses);

    X509Ref cert = X509Ref::adopt(X509_new());
    X509 *x = cert.get();
    unsigned char serial[16];
    if (!x || RAND_bytes(serial, sizeof serial) != 1)
        throw serverError(u"Cannot create a certificate: %1"_s.arg(takeOpenSslErrors()));
    serial[0] &= 0x7f; // a positive serial number of at most 20 octets (RFC 5280)
    BnPtr serialBn(BN_bin2bn(serial, sizeof serial, nullptr));
    const QByteArray cn = commonName.toUtf8();
    X509_NAME *name = X509_get_subject_name(x);
    const bool ok =
        X509_set_version(x, X509_VERSION_3) == 1 && serialBn &&
        BN_to_ASN1_INTEGER(serialBn.get(), X509_get_serialNumber(x)) &&
        X509_gmtime_adj(X509_getm_notBefore(x), -3600) && // tolerate clocks a little behind
        X509_time_adj_ex(X509_getm_notAfter(x), days, 0, nullptr) &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.constData()),
                                   int(cn.size()), -1, 0) == 1 &&
        X509_set_issuer_name(x, name) == 1 && X509_set_pubkey(x, key.handle()) == 1 &&
        (sk_GENERAL_NAME_num(altNames.get()) == 0 ||
         X509_add1_ext_i2d(x, NID_subject_alt_name, altNames.get(), 0, X509V3_ADD_DEFAULT) == 1);
    if (!ok)
        throw serverError(u"Cannot create a certificate: %1"_s.arg(takeOpenSslErrors()));
    addExtension(x, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(x, NID_key_usage, "critical,digitalSignature,keyEncipherment");
    addExtension(x, NID_ext_key_usage, "serverAuth");
    addExtension(x, NID_subject_key_identifier, "hash");
    if (X509_sign(x, key.handle(), sha256Digest()) <= 0)
        throw serverError(u"Cannot sign the certificate: %1"_s.arg(takeOpenSslErrors()));
    return Certificate(std::move(cert));
}

QString Certificate::subject() const
{
    return m_cert ? nameText(X509_get_subject_name(m_cert.get())) : QString();
}

QString Certificate::issuer() const
{
    return m_cert ? nameText(X509_get_issuer_name(m_cert.get())) : QString();
}

QString Certificate::commonName() const
{
    if (!m_cert)
        return {};
    const X509_NAME *name = X509_get_subject_name(m_cert.get());
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int length =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (length < 0)
        return {};
    const QString result = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return result;
}

QDateTime Certificate::notBefore() const
{
    return m_cert ? toDateTime(X509_get0_notBefore(m_cert.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_cert ? toDateTime(X509_get0_notAfter(m_cert.get())) : QDateTime();
}

bool Certificate::isExpiredAt(const QDateTime &time) const
{
    return time > notAfter();
}

bool Certificate::isValidAt(const QDateTime &time) const
{
    return !isNull() && time >= notBefore() && time <= notAfter();
}

QStringList Certificate::dnsNames() const
{
    return m_cert ? altNames(m_cert.get(), GEN_DNS) : QStringList();
}

QStringList Certificate::ipAddresses() const
{
    return m_cert ? altNames(m_cert.get(), GEN_IPADD) : QStringList();
}

QString Certificate::sha1Thumbprint() const
{
    static const EVP_MD *const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    return m_cert && sha1 ? digestHex(m_cert.get(), sha1) : QString();
}

QString Certificate::sha256Fingerprint() const
{
    return m_cert ? digestHex(m_cert.get(), sha256Digest()) : QString();
}

RsaPublicKey Certificate::publicKey() const
{
    if (!m_cert)
        return {};
    EVP_PKEY *key = X509_get0_pubkey(m_cert.get());
    if (!key)
        throw clientError(
            u"The certificate's public key cannot be read: %1"_s.arg(takeOpenSslErrors()));
    return RsaPublicKey::fromHandle(key);
}

QByteArray Certificate::toPem() const
{
    if (!m_cert)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), m_cert.get()) != 1)
        throw serverError(u"Cannot write the certificate as PEM: %1"_s.arg(takeOpenSslErrors()));
    return bioContents(bio.get());
}

QByteArray Certificate::toDer() const
{
    if (!m_cert)
        return {};
    unsigned char *der = nullptr;
    const int length = i2d_X509(m_cert.get(), &der);
    if (length <= 0)
        throw serverError(u"Cannot encode the certificate: %1"_s.arg(takeOpenSslErrors()));
    QByteArray result(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return result;
}

bool Certificate::operator==(const Certificate &other) const
{
    if (!m_cert || !other.m_cert)
        return !m_cert && !other.m_cert;
    return X509_cmp(m_cert.get(), other.m_cert.get()) == 0;
}

} // namespace ms
