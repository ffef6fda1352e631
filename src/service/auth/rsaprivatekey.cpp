#include "rsaprivatekey.h"

#include "opensslerror.h"
#include "rsakeydata.h"
#include "rsaxml.h"
#include "service/common/error.h"

#include <openssl/pem.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

RsaPrivateKey RsaPrivateKey::fromText(QByteArrayView text)
{
    const QByteArray trimmed = text.toByteArray().trimmed();
    if (trimmed.isEmpty())
        throw clientError(u"No private key given; paste the application's RSA private key"_s);
    if (trimmed.startsWith('<'))
        return RsaPrivateKey(rsaKeyFromComponents(parseRsaXml(trimmed, true), KeyPart::Private));
    if (!trimmed.contains("-----BEGIN "))
        throw clientError(u"This is not an RSA private key; expected RSA XML (<RSAKeyValue>) or "
                          u"PEM (BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY)"_s);
    if (trimmed.contains("-----BEGIN CERTIFICATE-----"))
        throw clientError(u"This is a certificate, not a private key; give the application's "
                          u"private key (RSA XML or PEM)"_s);
    if (trimmed.contains("ENCRYPTED"))
        throw clientError(u"This private key is encrypted with a passphrase; decrypt it first "
                          u"(openssl pkey -in key.pem -out plain.pem)"_s);
    if (!trimmed.contains("-----BEGIN PRIVATE KEY-----") &&
        !trimmed.contains("-----BEGIN RSA PRIVATE KEY-----"))
        throw clientError(u"This PEM text holds no private key; expected \"BEGIN PRIVATE KEY\" "
                          u"or \"BEGIN RSA PRIVATE KEY\""_s);
    PKeyRef key = decodeRsaKey(trimmed, "PEM", KeyPart::Private);
    if (!key)
        throw clientError(u"The PEM private key cannot be read (%1); it may be damaged, cut off, "
                          u"or not an RSA key, copy it again"_s.arg(takeOpenSslErrors()));
    requireUsableRsaKey(key.get(), u"The private key"_s);
    return RsaPrivateKey(std::move(key));
}

RsaPrivateKey RsaPrivateKey::generate(int bits)
{
    if (bits < 1024 || bits > 16384)
        throw clientError(u"Cannot make a %1-bit RSA key; choose 1024 to 16384 bits"_s.arg(bits));
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits));
    if (!key)
        throw serverError(u"RSA key generation failed: %1"_s.arg(takeOpenSslErrors()));
    return RsaPrivateKey(PKeyRef::adopt(key));
}

QByteArray RsaPrivateKey::sign(QByteArrayView data) const
{
    if (!m_key)
        throw serverError(u"No application private key is loaded; import one first"_s);
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t length = 0;
    auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, sha256Digest(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, bytes, size_t(data.size())) != 1)
        throw serverError(u"Cannot sign with the private key: %1"_s.arg(takeOpenSslErrors()));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes, size_t(data.size())) != 1)
        throw serverError(u"Cannot sign with the private key: %1"_s.arg(takeOpenSslErrors()));
    signature.truncate(qsizetype(length));
    return signature;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    return m_key ? RsaPublicKey::fromHandle(m_key.get()) : RsaPublicKey();
}

QByteArray RsaPrivateKey::toPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1)
        throw serverError(u"Cannot write the private key as PEM: %1"_s.arg(takeOpenSslErrors()));
    return bioContents(bio.get());
}

QString RsaPrivateKey::toRsaXml() const
{
    return m_key ? formatRsaXml(rsaComponentsOf(m_key.get(), KeyPart::Private)) : QString();
}

int RsaPrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

} // namespace ms
