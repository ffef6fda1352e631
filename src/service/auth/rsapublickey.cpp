#include "rsapublickey.h"

#include "certificate.h"
#include "opensslerror.h"
#include "rsakeydata.h"
#include "rsaxml.h"
#include "service/common/error.h"

#include <QCryptographicHash>

#include <openssl/core_names.h>
#include <openssl/pem.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

RsaPublicKey RsaPublicKey::fromText(QByteArrayView text)
{
    const QByteArray trimmed = text.toByteArray().trimmed();
    if (trimmed.isEmpty())
        throw clientError(u"No public key given; paste an RSA public key or a certificate"_s);
    if (trimmed.startsWith('<')) {
        const RsaComponents c = parseRsaXml(trimmed, false);
        return RsaPublicKey(rsaKeyFromComponents(c, KeyPart::Public));
    }
    if (trimmed.contains("-----BEGIN ")) {
        if (trimmed.contains("-----BEGIN CERTIFICATE-----"))
            return Certificate::fromData(trimmed).publicKey();
        if (trimmed.contains("PRIVATE KEY-----"))
            throw clientError(u"This is a private key, not a public key; give the public key or "
                              u"the certificate instead (and keep the private key secret)"_s);
        if (!trimmed.contains(" PUBLIC KEY-----"))
            throw clientError(u"This PEM text holds neither a public key nor a certificate; "
                              u"expected \"BEGIN PUBLIC KEY\", \"BEGIN RSA PUBLIC KEY\" or "
                              u"\"BEGIN CERTIFICATE\""_s);
        PKeyRef key = decodeRsaKey(trimmed, "PEM", KeyPart::Public);
        if (!key)
            throw clientError(u"The PEM public key cannot be read (%1); it may be damaged or "
                              u"cut off, copy it again"_s.arg(takeOpenSslErrors()));
        requireUsableRsaKey(key.get(), u"The public key"_s);
        return RsaPublicKey(std::move(key));
    }
    // Binary: a DER certificate (the usual .cer export) or a DER public key.
    const QByteArray der = text.toByteArray();
    if (der.startsWith('\x30')) {
        try {
            return Certificate::fromData(der).publicKey();
        } catch (const Error &) {
            // not a certificate; try a bare key below
        }
        if (PKeyRef key = decodeRsaKey(der, "DER", KeyPart::Public)) {
            requireUsableRsaKey(key.get(), u"The public key"_s);
            return RsaPublicKey(std::move(key));
        }
        takeOpenSslErrors();
    }
    throw clientError(u"This is not an RSA public key; expected RSA XML (<RSAKeyValue>), PEM "
                      u"(BEGIN PUBLIC KEY) or a certificate"_s);
}

RsaPublicKey RsaPublicKey::fromHandle(EVP_PKEY *key)
{
    if (!key)
        return {};
    requireUsableRsaKey(key, u"The key"_s);
    BIGNUM *d = nullptr;
    const bool hasPrivatePart = EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_D, &d) == 1;
    BN_clear_free(d);
    takeOpenSslErrors(); // the usual answer for a public key is "no such parameter"
    if (hasPrivatePart)
        return RsaPublicKey(publicPartOf(key));
    return RsaPublicKey(PKeyRef::share(key));
}

bool RsaPublicKey::verify(QByteArrayView data, QByteArrayView signature) const
{
    if (!m_key)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx &&
        EVP_DigestVerifyInit(ctx.get(), nullptr, sha256Digest(), nullptr, m_key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(data.data()),
                         size_t(data.size())) == 1;
    if (!ok)
        takeOpenSslErrors(); // a bad signature is an answer, not an error to keep queued
    return ok;
}

QByteArray RsaPublicKey::toPem() const
{
    if (!m_key)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        throw serverError(u"Cannot write a public key as PEM: %1"_s.arg(takeOpenSslErrors()));
    return bioContents(bio.get());
}

QByteArray RsaPublicKey::toDer() const
{
    return m_key ? subjectPublicKeyInfoDer(m_key.get()) : QByteArray();
}

QString RsaPublicKey::toRsaXml() const
{
    return m_key ? formatRsaXml(rsaComponentsOf(m_key.get(), KeyPart::Public)) : QString();
}

QString RsaPublicKey::fingerprint() const
{
    if (!m_key)
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(toDer(), QCryptographicHash::Sha256).toHex());
}

QByteArray RsaPublicKey::modulusBase64() const
{
    return m_key ? rsaComponentsOf(m_key.get(), KeyPart::Public).modulus.toBase64() : QByteArray();
}

int RsaPublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

bool RsaPublicKey::operator==(const RsaPublicKey &other) const
{
    if (!m_key || !other.m_key)
        return !m_key && !other.m_key;
    return EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
}

} // namespace ms
