#include "tokenvalidator.h"

#include "base64.h"
#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/common/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr qsizetype kMaxTokenSize = 16 * 1024;
constexpr auto kIssuer = "SuperOffice AS"_L1;
constexpr auto kTenantClaim = "http://schemes.superoffice.net/identity/ctx"_L1;

// Values from the token end up in messages; keep them short and printable.
QString shown(const QString &value)
{
    QString text = value.left(64);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u'?';
    }
    return u'"' + text + (value.size() > 64 ? u"…\""_s : u"\""_s);
}

QString utcText(double secondsSinceEpoch)
{
    if (std::fabs(secondsSinceEpoch) > 1e11) // beyond year 5000: not a date anyone meant
        return u"%1 (not a real date)"_s.arg(secondsSinceEpoch, 0, 'f', 0);
    return QDateTime::fromMSecsSinceEpoch(qint64(secondsSinceEpoch * 1000), Qt::UTC)
               .toString(u"yyyy-MM-dd HH:mm:ss"_s) +
           u" UTC"_s;
}

// A correctly signed token may still carry absurd numbers (1e300); converting those to qint64
// is undefined behaviour (found by fuzz_jwt), so they are held to the range utcText shows.
QDateTime utcFromSeconds(double secondsSinceEpoch)
{
    constexpr double kLimit = 1e11;
    const double clamped =
        std::isnan(secondsSinceEpoch) ? -kLimit : std::clamp(secondsSinceEpoch, -kLimit, kLimit);
    return QDateTime::fromSecsSinceEpoch(qint64(clamped), Qt::UTC);
}

QJsonObject decodeJsonObject(QByteArrayView part, const QString &what)
{
    const auto bytes = fromBase64UrlStrict(part);
    if (!bytes)
        throw clientError(u"The token's %1 is not valid base64url; the SignedToken header was "
                          u"damaged on the way"_s.arg(what));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw clientError(u"The token's %1 is not a JSON object; this is not a SuperOffice "
                          u"token"_s.arg(what));
    return doc.object();
}

double numericClaim(const QJsonObject &payload, QLatin1StringView name, const QString &meaning)
{
    const QJsonValue value = payload.value(name);
    if (value.isUndefined())
        throw clientError(u"The token has no %1 claim (%2); SuperOffice tokens always carry one, "
                          u"so this token is not from SuperOffice"_s.arg(name, meaning));
    if (!value.isDouble())
        throw clientError(u"The token's %1 claim (%2) is not a number"_s.arg(name, meaning));
    return value.toDouble();
}

bool audienceMatches(const QJsonValue &aud, const QString &expected)
{
    if (aud.isString())
        return aud.toString() == expected;
    if (!aud.isArray())
        return false;
    const QJsonArray list = aud.toArray();
    return std::any_of(list.begin(), list.end(), [&](const QJsonValue &v) {
        return v.isString() && v.toString() == expected;
    });
}

QString audienceText(const QJsonValue &aud)
{
    if (aud.isString())
        return shown(aud.toString());
    if (aud.isArray())
        return u"the audiences %1"_s.arg(
            shown(QString::fromUtf8(QJsonDocument(aud.toArray()).toJson(QJsonDocument::Compact))));
    return u"no audience"_s;
}

bool isHex(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}
} // namespace

TokenValidator::TokenValidator(TokenValidatorConfig config)
    : m_audience(u"spn:"_s + config.applicationId), m_clockSkew(config.clockSkew),
      m_clock(std::move(config.clock))
{
    for (const Certificate &cert : std::as_const(config.trustedCertificates)) {
        try {
            const QString thumbprint = cert.sha1Thumbprint();
            m_keys.append(
                {cert.publicKey(), thumbprint, QByteArray::fromHex(thumbprint.toLatin1())});
        } catch (const Error &e) {
            qCWarning(lcAuth) << "Skipping a trusted certificate that cannot verify tokens:"
                              << cert.subject() << e.message();
        }
    }
}

QDateTime TokenValidator::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

TokenValidationResult TokenValidator::validate(QByteArrayView compactJwt, bool requireNonce) const
{
    TokenValidationResult result;
    try {
        result.claims = check(compactJwt, requireNonce);
        result.ok = true;
    } catch (const Error &e) {
        result.error = e.message();
        qCDebug(lcAuth) << "SignedToken rejected:" << result.error;
    }
    return result;
}

TokenClaims TokenValidator::check(QByteArrayView token, bool requireNonce) const
{
    // The SOAP header's text may carry line breaks around the token; inside it nothing is lenient.
    const QByteArrayView jwt = token.trimmed();
    if (jwt.isEmpty())
        throw clientError(u"No SignedToken was sent (the token is empty); the caller must send "
                          u"the SuperOffice SignedToken header"_s);
    if (jwt.size() > kMaxTokenSize)
        throw clientError(u"The SignedToken is %1 bytes long; SuperOffice tokens are far "
                          u"shorter, so this is not one"_s.arg(jwt.size()));
    const qsizetype dot1 = jwt.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : jwt.indexOf('.', dot1 + 1);
    if (dot2 < 0 || jwt.indexOf('.', dot2 + 1) >= 0)
        throw clientError(u"The SignedToken is not a JWT (expected three base64url parts "
                          u"separated by dots)"_s);
    const QByteArrayView signingInput = jwt.first(dot2);
    const QJsonObject header = decodeJsonObject(jwt.first(dot1), u"header"_s);

    const QJsonValue alg = header.value("alg"_L1);
    if (!alg.isString() || alg.toString() != "RS256"_L1)
        throw clientError(u"The token is signed with algorithm %1; only RS256 is accepted, as "
                          u"SuperOffice uses it"_s.arg(alg.isString() ? shown(alg.toString())
                                                                      : u"(none given)"_s));
    const auto signature = fromBase64UrlStrict(jwt.sliced(dot2 + 1));
    if (!signature || signature->isEmpty())
        throw clientError(u"The token's signature part is empty or not valid base64url"_s);

    TokenClaims claims;
    claims.keyId = verifySignature(header, signingInput, *signature);

    // Only now, with the signature checked, is the payload worth reading.
    const QJsonObject payload =
        decodeJsonObject(jwt.sliced(dot1 + 1, dot2 - dot1 - 1), u"payload"_s);

    const QJsonValue iss = payload.value("iss"_L1);
    if (!iss.isString() || iss.toString() != kIssuer)
        throw clientError(u"The token was issued by %1, not by \"SuperOffice AS\""_s.arg(
            iss.isString() ? shown(iss.toString()) : u"nobody (no iss claim)"_s));

    const QJsonValue aud = payload.value("aud"_L1);
    if (!audienceMatches(aud, m_audience))
        throw clientError(u"The token is meant for %1, not for this application (%2); check "
                          u"that the application id (client_id) in the settings is the one "
                          u"SuperOffice knows"_s.arg(audienceText(aud), m_audience));

    const double exp = numericClaim(payload, "exp"_L1, u"expiry"_s);
    const double nbf = numericClaim(payload, "nbf"_L1, u"not before"_s);
    const QDateTime current = now();
    const double nowSeconds = double(current.toMSecsSinceEpoch()) / 1000.0;
    const double skew = double(m_clockSkew.count());
    if (nbf > nowSeconds + skew)
        throw clientError(u"The token is not valid before %1 (now %2); check the clock of this "
                          u"machine"_s.arg(utcText(nbf), utcText(nowSeconds)));
    if (exp < nowSeconds - skew)
        throw clientError(
            u"The token expired at %1 (now %2); check the clock of this machine"_s.arg(
                utcText(exp), utcText(nowSeconds)));

    const QJsonValue ctx = payload.value(kTenantClaim);
    if (!ctx.isString())
        throw clientError(u"The token names no tenant (its %1 claim is missing or not a "
                          u"string)"_s.arg(kTenantClaim));
    claims.tenant = ctx.toString();
    if (!isValidTenantId(claims.tenant))
        throw clientError(u"The token's tenant %1 is not a valid context identifier (a letter, "
                          u"then up to 63 letters, digits or _)"_s.arg(shown(claims.tenant)));
    const QJsonValue sub = payload.value("sub"_L1);
    if (!sub.isUndefined() && (!sub.isString() || sub.toString() != claims.tenant))
        throw clientError(u"The token's subject (sub) %1 differs from its tenant %2"_s.arg(
            sub.isString() ? shown(sub.toString()) : u"is not a string, and"_s,
            shown(claims.tenant)));

    const QJsonValue nonce = payload.value("nonce"_L1);
    if (nonce.isString())
        claims.nonce = nonce.toString();
    if (requireNonce) {
        if (claims.nonce.isEmpty())
            throw clientError(u"The token has no nonce; Authenticate needs one to answer"_s);
        if (claims.nonce.size() != 32 || !isHex(claims.nonce))
            throw clientError(u"The token's nonce %1 is not 32 hexadecimal characters"_s.arg(
                shown(claims.nonce)));
    }
    claims.notBefore = utcFromSeconds(nbf);
    claims.expires = utcFromSeconds(exp);
    return claims;
}

QString TokenValidator::verifySignature(const QJsonObject &header, QByteArrayView signingInput,
                                        const QByteArray &signature) const
{
    if (m_keys.isEmpty())
        throw clientError(u"No SuperOffice certificate is trusted yet; import the certificate of "
                          u"the SuperOffice environment (Development, Stage or Production) that "
                          u"calls you"_s);
    // kid/x5t only choose which key to try first: a wrong hint must not make a good token fail.
    const QString kid = header.value("kid"_L1).toString();
    const auto x5t = fromBase64UrlStrict(header.value("x5t"_L1).toString().toLatin1());
    QList<const TrustedKey *> order;
    for (const TrustedKey &k : m_keys) {
        const bool hinted =
            (!kid.isEmpty() && kid.compare(k.thumbprint, Qt::CaseInsensitive) == 0) ||
            (x5t && !x5t->isEmpty() && *x5t == k.x5t);
        if (hinted)
            order.prepend(&k);
        else
            order.append(&k);
    }
    for (const TrustedKey *k : std::as_const(order)) {
        if (k->key.verify(signingInput, signature))
            return k->thumbprint;
    }
    const QString hint =
        kid.size() <= 64 && isHex(kid) && !kid.isEmpty() ? u" (kid %1)"_s.arg(kid) : QString();
    const QString trusted =
        m_keys.size() == 1
            ? u"the trusted SuperOffice certificate"_s
            : u"none of the %1 trusted SuperOffice certificates"_s.arg(m_keys.size());
    throw clientError(u"The token is signed by a key that matches %1%2, or it was altered on the "
                      u"way; import the certificate of the environment that calls you"_s.arg(
                          m_keys.size() == 1 ? u"not "_s + trusted : trusted, hint));
}

} // namespace ms
