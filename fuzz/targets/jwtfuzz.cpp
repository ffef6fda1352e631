#include "fuzztargets.h"

#include "service/auth/rsaprivatekey.h"
#include "service/auth/tokenvalidator.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace ms::fuzz {

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(MIRRORSCOPE_FIXTURES_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fuzz: cannot read fixture %s", name);
    return file.readAll();
}

struct JwtContext
{
    TokenValidator validator;
    RsaPrivateKey signer;
};

// The published known-answer setup (PROTOCOL.md): its token is valid at this instant.
const JwtContext &context()
{
    static const JwtContext instance{
        TokenValidator(TokenValidatorConfig{u"123123123123123123"_s,
                                            {Certificate::fromData(fixture("DevNet.crt"))},
                                            std::chrono::seconds(300),
                                            [] {
                                                return QDateTime(QDate(2021, 12, 16), QTime(7, 40),
                                                                 Qt::UTC);
                                            }}),
        RsaPrivateKey::fromText(fixture("DevNet.key"))};
    return instance;
}

} // namespace

int jwt(const uint8_t *data, size_t size)
{
    const JwtContext &ctx = context();
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (input.startsWith('!')) {
        // Past the signature check lies the claim logic: sign whatever header and payload came.
        const qsizetype split = input.indexOf('\n');
        const QByteArray header = input.mid(1, split < 0 ? -1 : split - 1);
        const QByteArray payload = split < 0 ? QByteArray() : input.mid(split + 1);
        const QByteArray::Base64Options url =
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QByteArray signingInput = header.toBase64(url) + '.' + payload.toBase64(url);
        input = signingInput + '.' + ctx.signer.sign(signingInput).toBase64(url);
    }
    for (const bool requireNonce : {false, true}) {
        const TokenValidationResult result = ctx.validator.validate(input, requireNonce);
        if (result.ok && (result.claims.tenant.isEmpty() || !result.claims.expires.isValid()))
            qFatal("fuzz: a token was accepted without a tenant or an expiry");
        if (result.ok && requireNonce && result.claims.nonce.size() != 32)
            qFatal("fuzz: a token was accepted for Authenticate without a proper nonce");
        if (!result.ok && result.error.isEmpty())
            qFatal("fuzz: a token was refused without a reason");
    }
    return 0;
}

} // namespace ms::fuzz
