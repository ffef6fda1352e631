#include "tokenminter.h"

#include "base64.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
QByteArray jsonPart(const QJsonObject &object)
{
    return toBase64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

QByteArray signJwt(const RsaPrivateKey &key, const QJsonObject &header, const QJsonObject &payload)
{
    const QByteArray signingInput = jsonPart(header) + '.' + jsonPart(payload);
    return signingInput + '.' + toBase64Url(key.sign(signingInput));
}

QByteArray mintToken(const RsaPrivateKey &key, const TokenMintOptions &options)
{
    QJsonObject header{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}};
    if (!options.keyId.isEmpty()) {
        header.insert(u"kid"_s, options.keyId);
        const QByteArray sha1 = QByteArray::fromHex(options.keyId.toLatin1());
        if (sha1.size() == 20)
            header.insert(u"x5t"_s, QString::fromLatin1(toBase64Url(sha1)));
    }

    const QDateTime notBefore =
        options.notBefore.isValid() ? options.notBefore : QDateTime::currentDateTimeUtc();
    const QDateTime expires =
        options.expires.isValid() ? options.expires : notBefore.addSecs(6 * 60);
    QJsonObject payload{
        {u"sub"_s, options.tenant},
        {u"http://schemes.superoffice.net/identity/ctx"_s, options.tenant},
        {u"nbf"_s, notBefore.toSecsSinceEpoch()},
        {u"exp"_s, expires.toSecsSinceEpoch()},
        {u"iss"_s, options.issuer},
        {u"aud"_s, u"spn:"_s + options.applicationId},
    };
    if (!options.nonce.isEmpty())
        payload.insert(u"nonce"_s, options.nonce);
    for (auto it = options.extraClaims.begin(); it != options.extraClaims.end(); ++it)
        payload.insert(it.key(), it.value());
    for (const QString &name : options.omittedClaims)
        payload.remove(name);
    return signJwt(key, header, payload);
}

} // namespace ms
