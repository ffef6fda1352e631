#include "rsakeydata.h"

#include "opensslerror.h"
#include "service/common/error.h"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr int kMinimumBits = 1024;

struct ParamName
{
    const char *name;
    QByteArray RsaComponents::*member;
};

constexpr ParamName kPublicParams[] = {
    {OSSL_PKEY_PARAM_RSA_N, &RsaComponents::modulus},
    {OSSL_PKEY_PARAM_RSA_E, &RsaComponents::exponent},
};
constexpr ParamName kPrivateParams[] = {
    {OSSL_PKEY_PARAM_RSA_D, &RsaComponents::d},
    {OSSL_PKEY_PARAM_RSA_FACTOR1, &RsaComponents::p},
    {OSSL_PKEY_PARAM_RSA_FACTOR2, &RsaComponents::q},
    {OSSL_PKEY_PARAM_RSA_EXPONENT1, &RsaComponents::dp},
    {OSSL_PKEY_PARAM_RSA_EXPONENT2, &RsaComponents::dq},
    {OSSL_PKEY_PARAM_RSA_COEFFICIENT1, &RsaComponents::inverseQ},
};

using ParamBldPtr = OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamPtr = OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using DecoderCtxPtr = OpenSslPtr<OSSL_DECODER_CTX, OSSL_DECODER_CTX_free>;
} // namespace

PKeyRef rsaKeyFromComponents(const RsaComponents &c, KeyPart part)
{
    ParamBldPtr builder(OSSL_PARAM_BLD_new());
    std::vector<BnPtr> numbers; // must outlive OSSL_PARAM_BLD_to_param
    auto push = [&](const ParamName &p) {
        const QByteArray &bytes = c.*(p.member);
        numbers.emplace_back(BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()),
                                       int(bytes.size()), nullptr));
        if (!numbers.back() || !OSSL_PARAM_BLD_push_BN(builder.get(), p.name, numbers.back().get()))
            throw serverError(u"Cannot build an RSA key: %1"_s.arg(takeOpenSslErrors()));
    };
    if (!builder)
        throw serverError(u"Out of memory building an RSA key"_s);
    for (const auto &p : kPublicParams)
        push(p);
    if (part == KeyPart::Private) {
        for (const auto &p : kPrivateParams)
            push(p);
    }
    ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
        EVP_PKEY_fromdata(ctx.get(), &raw,
                          part == KeyPart::Private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get()) <= 0)
        throw clientError(u"The RSA key's numbers do not form a key (%1); copy the key again"_s.arg(
            takeOpenSslErrors()));
    PKeyRef key = PKeyRef::adopt(raw);
    PKeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    const int ok =
        part == KeyPart::Private ? EVP_PKEY_check(check.get()) : EVP_PKEY_public_check(check.get());
    if (ok != 1)
        throw clientError(
            u"The RSA key is inconsistent (%1); its numbers do not belong together, "
            u"it may have been edited or mixed with another key"_s.arg(takeOpenSslErrors()));
    requireUsableRsaKey(key.get(), u"The RSA key"_s);
    return key;
}

RsaComponents rsaComponentsOf(EVP_PKEY *key, KeyPart part)
{
    RsaComponents c;
    auto take = [&](const ParamName &p) {
        BIGNUM *raw = nullptr;
        if (!EVP_PKEY_get_bn_param(key, p.name, &raw))
            throw serverError(u"Cannot read the RSA key's %1: %2"_s.arg(QString::fromLatin1(p.name),
                                                                        takeOpenSslErrors()));
        BnPtr bn(raw);
        QByteArray &out = c.*(p.member);
        out.resize(BN_num_bytes(bn.get()));
        BN_bn2bin(bn.get(), reinterpret_cast<unsigned char *>(out.data()));
    };
    for (const auto &p : kPublicParams)
        take(p);
    if (part == KeyPart::Private) {
        for (const auto &p : kPrivateParams)
            take(p);
    }
    return c;
}

PKeyRef decodeRsaKey(QByteArrayView data, const char *inputType, KeyPart part)
{
    EVP_PKEY *raw = nullptr;
    const int selection = part == KeyPart::Private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
    DecoderCtxPtr ctx(OSSL_DECODER_CTX_new_for_pkey(&raw, inputType, nullptr, "RSA", selection,
                                                    nullptr, nullptr));
    if (!ctx)
        return {};
    auto *bytes = reinterpret_cast<const unsigned char *>(data.data());
    size_t length = size_t(data.size());
    if (!OSSL_DECODER_from_data(ctx.get(), &bytes, &length)) {
        EVP_PKEY_free(raw);
        return {};
    }
    return PKeyRef::adopt(raw);
}

void requireUsableRsaKey(EVP_PKEY *key, const QString &what)
{
    if (!EVP_PKEY_is_a(key, "RSA"))
        throw clientError(u"%1 is not an RSA key (it is %2); SuperOffice uses RSA keys"_s.arg(
            what, QString::fromLatin1(EVP_PKEY_get0_type_name(key))));
    if (EVP_PKEY_get_bits(key) < kMinimumBits)
        throw clientError(u"%1 has only %2 bits; at least %3 are required"_s.arg(what)
                              .arg(EVP_PKEY_get_bits(key))
                              .arg(kMinimumBits));
}

QByteArray subjectPublicKeyInfoDer(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0)
        throw serverError(u"Cannot encode a public key: %1"_s.arg(takeOpenSslErrors()));
    QByteArray result(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return result;
}

PKeyRef publicPartOf(EVP_PKEY *key)
{
    const QByteArray der = subjectPublicKeyInfoDer(key);
    auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    EVP_PKEY *pub = d2i_PUBKEY(nullptr, &bytes, long(der.size()));
    if (!pub)
        throw serverError(u"Cannot copy a public key: %1"_s.arg(takeOpenSslErrors()));
    return PKeyRef::adopt(pub);
}

const EVP_MD *sha256Digest()
{
    static const EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!md)
        throw serverError(u"OpenSSL offers no SHA-256; check the OpenSSL installation"_s);
    return md;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, length);
}

} // namespace ms
