#include "applicationtoken.h"

#include "base64.h"
#include "opensslerror.h"
#include "service/common/error.h"

#include <openssl/rand.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
const QString kTimestampFormat = u"yyyyMMddHHmm"_s;

ApplicationTokenCheck failed(QString error)
{
    return {false, std::move(error)};
}
} // namespace

QString signApplicationToken(const RsaPrivateKey &key, const QString &nonce,
                             const QDateTime &utcNow)
{
    const QString signedPart = nonce + u'.' + utcNow.toUTC().toString(kTimestampFormat);
    return signedPart + u'.' + QString::fromLatin1(key.sign(signedPart.toUtf8()).toBase64());
}

ApplicationTokenCheck verifyApplicationToken(const RsaPublicKey &key, const QString &expectedNonce,
                                             const QString &token, const QDateTime &now,
                                             std::chrono::minutes tolerance)
{
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3)
        return failed(u"The application token is not of the form NONCE.yyyyMMddHHmm.SIGNATURE"_s);
    const QString &nonce = parts[0];
    const QString &timestamp = parts[1];
    if (nonce != expectedNonce)
        return failed(u"The application token answers another nonce than the one sent; it "
                      u"belongs to another request"_s);
    const bool digitsOnly = std::all_of(timestamp.begin(), timestamp.end(),
                                        [](QChar c) { return c >= u'0' && c <= u'9'; });
    QDateTime stamped;
    if (timestamp.size() == 12 && digitsOnly) {
        stamped = QDateTime::fromString(timestamp, kTimestampFormat);
        stamped.setTimeSpec(Qt::UTC);
    }
    if (!stamped.isValid())
        return failed(
            u"The application token's time \"%1\" is not yyyyMMddHHmm"_s.arg(timestamp.left(20)));
    const qint64 offsetSeconds = std::abs(now.secsTo(stamped));
    if (offsetSeconds > std::chrono::seconds(tolerance).count())
        return failed(u"The application token was made at %1 UTC, more than %2 minutes from now "
                      u"(%3 UTC); check the clocks of both machines"_s
                          .arg(stamped.toString(u"yyyy-MM-dd HH:mm"_s))
                          .arg(tolerance.count())
                          .arg(now.toUTC().toString(u"yyyy-MM-dd HH:mm"_s)));
    const auto signature = fromBase64Strict(parts[2].toLatin1());
    if (!signature || signature->isEmpty())
        return failed(u"The application token's signature is not standard base64"_s);
    if (!key.verify((nonce + u'.' + timestamp).toUtf8(), *signature))
        return failed(u"The application token's signature does not match the application's "
                      u"public key; the endpoint signs with another private key than the one "
                      u"SuperOffice has for this application"_s);
    return {true, {}};
}

QString randomNonce()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw serverError(u"No random numbers for a nonce: %1"_s.arg(takeOpenSslErrors()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex().toUpper());
}

} // namespace ms
