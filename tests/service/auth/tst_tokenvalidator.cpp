#include "service/auth/base64.h"
#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/tokenminter.h"
#include "service/auth/tokenvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kAppId = u"123123123123123123"_s;
const QString kDevNetThumbprint = u"B0AD4C0BFD8913B8040F3E8AD16A91F585222C33"_s;
const QString kNonce = u"9AB41493762B0C5B6E0F1AB35F032B95"_s;
const QDateTime kNow(QDate(2030, 6, 1), QTime(12, 0), Qt::UTC);

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(MIRRORSCOPE_FIXTURES_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

ms::Certificate cert(const char *name)
{
    return ms::Certificate::fromData(fixture(name));
}

ms::TokenValidator validatorAt(const QDateTime &now, QList<ms::Certificate> certs,
                               const QString &appId = kAppId)
{
    return ms::TokenValidator({appId, std::move(certs), std::chrono::seconds(300), [now] {
                                   return now;
                               }});
}

QByteArray part(const QJsonObject &o)
{
    return ms::toBase64Url(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

class TestTokenValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_superOffice = ms::RsaPrivateKey::fromText(fixture("DevNet.key"));
        m_devNet = cert("DevNet.crt");
        QCOMPARE(m_devNet.publicKey(), m_superOffice.publicKey());
    }

    void knownAnswer()
    {
        const QByteArray token = fixture("example-superoffice-token.jwt").trimmed();
        const QDateTime at(QDate(2021, 12, 16), QTime(7, 40), Qt::UTC);
        const auto result = validatorAt(at, {m_devNet}).validate(token, true);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.claims.tenant, u"Cust12020"_s);
        QCOMPARE(result.claims.nonce, kNonce);
        QCOMPARE(result.claims.keyId, kDevNetThumbprint);
        QCOMPARE(result.claims.notBefore.toSecsSinceEpoch(), 1639640381);
        QCOMPARE(result.claims.expires.toSecsSinceEpoch(), 1639640741);
    }

    void knownAnswerExpiredNow()
    {
        const QByteArray token = fixture("example-superoffice-token.jwt").trimmed();
        ms::TokenValidator validator({kAppId, {m_devNet}, std::chrono::seconds(300), {}});
        const auto result = validator.validate(token, true);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(u"The token expired at 2021-12-16 07:45:41 UTC (now 20"_s),
                 qPrintable(result.error));
        QVERIFY(result.error.endsWith(u"check the clock of this machine"_s));
        QVERIFY(!result.error.contains(QString::fromLatin1(token.left(20))));
    }

    void minted()
    {
        const auto result = validate(mint());
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.claims.tenant, u"Cust12020"_s);
        QCOMPARE(result.claims.expires, kNow.addSecs(300));
        QVERIFY(validate(mint(), false).ok);
    }

    void timeRules_data()
    {
        QTest::addColumn<int>("notBefore"); // seconds from now
        QTest::addColumn<int>("expires");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("expired")
            << -600 << -301
            << u"The token expired at 2030-06-01 11:54:59 UTC (now 2030-06-01 12:00:00 UTC)"_s;
        QTest::newRow("expired within skew") << -600 << -299 << QString();
        QTest::newRow("expired at skew") << -600 << -300 << QString();
        QTest::newRow("not yet valid")
            << 301 << 900 << u"The token is not valid before 2030-06-01 12:05:01 UTC"_s;
        QTest::newRow("not yet valid within skew") << 299 << 900 << QString();
    }
    void timeRules()
    {
        QFETCH(int, notBefore);
        QFETCH(int, expires);
        QFETCH(QString, error);
        ms::TokenMintOptions options = defaults();
        options.notBefore = kNow.addSecs(notBefore);
        options.expires = kNow.addSecs(expires);
        const auto result = validate(ms::mintToken(m_superOffice, options));
        QCOMPARE(result.ok, error.isEmpty());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }

    void claimRules_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QStringList>("omitted");
        QTest::addColumn<QString>("error"); // empty: accepted
        const QString ctx = u"http://schemes.superoffice.net/identity/ctx"_s;
        const QJsonObject none;
        QTest::newRow("wrong aud")
            << QJsonObject{{u"aud"_s, u"spn:999"_s}} << QStringList()
            << u"meant for \"spn:999\", not for this application (spn:123123123123123123)"_s;
        QTest::newRow("aud without spn:")
            << QJsonObject{{u"aud"_s, kAppId}} << QStringList() << u"meant for"_s;
        QTest::newRow("aud array containing it")
            << QJsonObject{{u"aud"_s, QJsonArray{u"spn:1"_s, u"spn:"_s + kAppId}}} << QStringList()
            << QString();
        QTest::newRow("aud array without it")
            << QJsonObject{{u"aud"_s, QJsonArray{u"spn:1"_s, 123123123123123123.0}}}
            << QStringList() << u"meant for"_s;
        QTest::newRow("missing aud") << none << QStringList{u"aud"_s} << u"meant for no audience"_s;
        QTest::newRow("wrong iss")
            << QJsonObject{{u"iss"_s, u"Evil AS"_s}} << QStringList() << u"issued by \"Evil AS\""_s;
        QTest::newRow("missing iss") << none << QStringList{u"iss"_s} << u"no iss claim"_s;
        QTest::newRow("ctx traversal")
            << QJsonObject{{ctx, u"../../etc"_s}, {u"sub"_s, u"../../etc"_s}} << QStringList()
            << u"tenant \"../../etc\" is not a valid context identifier"_s;
        QTest::newRow("ctx injection")
            << QJsonObject{{ctx, u"Cust1; drop table x"_s}, {u"sub"_s, u"Cust1; drop table x"_s}}
            << QStringList() << u"is not a valid context identifier"_s;
        QTest::newRow("ctx not a string")
            << QJsonObject{{ctx, 12020}} << QStringList{u"sub"_s} << u"names no tenant"_s;
        QTest::newRow("missing ctx") << none << QStringList{ctx} << u"names no tenant"_s;
        QTest::newRow("sub differs")
            << QJsonObject{{u"sub"_s, u"Cust99"_s}} << QStringList()
            << u"subject (sub) \"Cust99\" differs from its tenant \"Cust12020\""_s;
        QTest::newRow("sub not a string")
            << QJsonObject{{u"sub"_s, 12020}} << QStringList() << u"subject (sub)"_s;
        QTest::newRow("no sub") << none << QStringList{u"sub"_s} << QString();
        QTest::newRow("missing exp") << none << QStringList{u"exp"_s} << u"no exp claim"_s;
        QTest::newRow("missing nbf") << none << QStringList{u"nbf"_s} << u"no nbf claim"_s;
        QTest::newRow("exp as text") << QJsonObject{{u"exp"_s, u"1906632000"_s}} << QStringList()
                                     << u"exp claim (expiry) is not a number"_s;
        QTest::newRow("nbf null") << QJsonObject{{u"nbf"_s, QJsonValue::Null}} << QStringList()
                                  << u"nbf claim (not before) is not a number"_s;
        QTest::newRow("missing nonce") << none << QStringList{u"nonce"_s} << u"no nonce"_s;
        QTest::newRow("nonce 31 chars") << QJsonObject{{u"nonce"_s, kNonce.left(31)}}
                                        << QStringList() << u"not 32 hexadecimal characters"_s;
        QTest::newRow("nonce not hex") << QJsonObject{{u"nonce"_s, QString(32, u'G')}}
                                       << QStringList() << u"not 32 hexadecimal characters"_s;
        QTest::newRow("nonce not a string")
            << QJsonObject{{u"nonce"_s, 42}} << QStringList() << u"no nonce"_s;
        QTest::newRow("nonce lower case")
            << QJsonObject{{u"nonce"_s, kNonce.toLower()}} << QStringList() << QString();
    }
    void claimRules()
    {
        QFETCH(QJsonObject, extra);
        QFETCH(QStringList, omitted);
        QFETCH(QString, error);
        ms::TokenMintOptions options = defaults();
        options.extraClaims = extra;
        options.omittedClaims = omitted;
        const auto result = validate(ms::mintToken(m_superOffice, options));
        QVERIFY2(result.ok == error.isEmpty(), qPrintable(result.error));
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }

    void nonceOnlyWhenRequired()
    {
        ms::TokenMintOptions options = defaults();
        options.nonce.clear();
        const QByteArray token = ms::mintToken(m_superOffice, options);
        QVERIFY(!validate(token, true).ok);
        const auto result = validate(token, false);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.claims.nonce.isEmpty());
    }

    void algorithms()
    {
        const QByteArray payload = part(payloadOf(mint()));
        const QByteArray none = part({{u"alg"_s, u"none"_s}, {u"typ"_s, u"JWT"_s}}) + '.' + payload;
        expectRejected(none + '.', u"algorithm \"none\""_s);
        // The classic confusion attack: HMAC keyed with the certificate's public key text.
        const QByteArray hsInput =
            part({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}) + '.' + payload;
        const QByteArray mac = QMessageAuthenticationCode::hash(
            hsInput, m_devNet.publicKey().toPem(), QCryptographicHash::Sha256);
        expectRejected(hsInput + '.' + ms::toBase64Url(mac), u"algorithm \"HS256\""_s);
        const QByteArray hsCert = QMessageAuthenticationCode::hash(hsInput, fixture("DevNet.crt"),
                                                                   QCryptographicHash::Sha256);
        expectRejected(hsInput + '.' + ms::toBase64Url(hsCert), u"algorithm \"HS256\""_s);
        // RS256-signed, but the header names another algorithm.
        expectRejected(ms::signJwt(m_superOffice, {{u"alg"_s, u"RS512"_s}}, payloadOf(mint())),
                       u"algorithm \"RS512\""_s);
        expectRejected(ms::signJwt(m_superOffice, {{u"alg"_s, u"rs256"_s}}, payloadOf(mint())),
                       u"algorithm \"rs256\""_s);
        expectRejected(ms::signJwt(m_superOffice, {{u"typ"_s, u"JWT"_s}}, payloadOf(mint())),
                       u"algorithm (none given)"_s);
        // And the plain header works when signed the same way.
        QVERIFY(
            validate(ms::signJwt(m_superOffice, {{u"alg"_s, u"RS256"_s}}, payloadOf(mint()))).ok);
    }

    void signatures()
    {
        const QByteArray token = mint();
        const QList<QByteArray> parts = token.split('.');
        QJsonObject payload = payloadOf(token);
        payload.insert(u"http://schemes.superoffice.net/identity/ctx"_s, u"Cust1"_s);
        payload.insert(u"sub"_s, u"Cust1"_s);
        expectRejected(parts[0] + '.' + part(payload) + '.' + parts[2],
                       u"signed by a key that matches not the trusted SuperOffice certificate"_s);

        const auto otherKey = ms::RsaPrivateKey::fromText(fixture("app-private-key.pem"));
        ms::TokenMintOptions options = defaults();
        options.keyId = kDevNetThumbprint;
        expectRejected(ms::mintToken(otherKey, options),
                       u"matches not the trusted SuperOffice certificate (kid "_s +
                           kDevNetThumbprint + u"), or it was altered"_s);

        const auto threeTrusted =
            validatorAt(kNow, {cert("SuperOfficeFederatedLogin.development.crt"),
                               cert("SuperOfficeFederatedLogin.stage.crt"), m_devNet});
        const auto result = threeTrusted.validate(ms::mintToken(otherKey, options), true);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(u"none of the 3 trusted SuperOffice certificates"_s),
                 qPrintable(result.error));
        QVERIFY(!validatorAt(kNow, {}).validate(token, true).error.isEmpty());
        QVERIFY(validatorAt(kNow, {})
                    .validate(token, true)
                    .error.startsWith(u"No SuperOffice certificate is trusted yet"_s));
    }

    void strictEncoding_data()
    {
        const QByteArray token = mint();
        const QList<QByteArray> parts = token.split('.');
        QByteArray signature = parts[2];
        // 256 bytes end in a group of one byte: the last character's low four bits are unused.
        QCOMPARE(signature.size(), 342);
        const char last = signature.back();
        const QByteArray alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        signature.back() = alphabet.at(alphabet.indexOf(last) ^ 1);
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("unused bits set") << parts[0] + '.' + parts[1] + '.' + signature;
        QTest::newRow("padding") << parts[0] + "==." + parts[1] + '.' + parts[2];
        QTest::newRow("standard alphabet")
            << parts[0] + '.' + parts[1] + '.' +
                   QByteArray(parts[2]).replace('-', '+').replace('_', '/');
        QTest::newRow("space inside") << parts[0] + '.' + parts[1] + ". " + parts[2];
        QTest::newRow("four parts") << token + ".x";
        QTest::newRow("two parts") << parts[0] + '.' + parts[1];
        QTest::newRow("garbage") << QByteArray("not.a.jwt");
        QTest::newRow("binary garbage") << QByteArray("\x01\xff\x80.\x00\x02.zz", 10);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray(" \n ");
        QTest::newRow("empty signature") << parts[0] + '.' + parts[1] + '.';
        QTest::newRow("huge") << token + QByteArray(20000, 'A');
    }
    void strictEncoding()
    {
        QFETCH(QByteArray, token);
        const auto result = validate(token);
        QVERIFY(!result.ok);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!result.error.contains(QString::fromLatin1(mint().split('.')[2].left(16))));
    }

    void surroundingWhitespaceIsTolerated()
    {
        QVERIFY(validate("\n  " + mint() + "\n").ok);
        QVERIFY(validate("").error.contains(u"empty"_s));
    }

    void payloadMustBeAnObject()
    {
        const QByteArray input = part({{u"alg"_s, u"RS256"_s}}) + '.' + ms::toBase64Url("[1,2]");
        expectRejected(input + '.' + ms::toBase64Url(m_superOffice.sign(input)),
                       u"payload is not a JSON object"_s);
        const QByteArray header = ms::toBase64Url("\"RS256\"") + '.' + part(payloadOf(mint()));
        expectRejected(header + '.' + ms::toBase64Url(m_superOffice.sign(header)),
                       u"header is not a JSON object"_s);
    }

    void absurdDatesInASignedToken()
    {
        // Found by fuzz_jwt (fuzz/regressions/jwt/): qint64(1e300) was undefined behaviour.
        QJsonObject payload = payloadOf(mint());
        payload[u"exp"_s] = 1e300;
        payload[u"nbf"_s] = -1e300;
        const auto result = validate(ms::signJwt(m_superOffice, {{u"alg"_s, u"RS256"_s}}, payload));
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.claims.expires.isValid() && result.claims.expires.date().year() > 5000);
        QVERIFY(result.claims.notBefore.isValid() && result.claims.notBefore < kNow);
    }

    void severalCertificates()
    {
        const auto validator =
            validatorAt(kNow, {cert("SuperOfficeFederatedLogin.production.crt"), m_devNet});
        const auto result = validator.validate(mint(), true);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.claims.keyId, kDevNetThumbprint);
        QCOMPARE(validator.usableCertificateCount(), 2);
    }

    void wrongKidStillVerifies()
    {
        const auto development = cert("SuperOfficeFederatedLogin.development.crt");
        ms::TokenMintOptions options = defaults();
        options.keyId = development.sha1Thumbprint(); // also sets a matching x5t
        const QByteArray token = ms::mintToken(m_superOffice, options);
        QCOMPARE(QJsonDocument::fromJson(*ms::fromBase64UrlStrict(token.split('.')[0]))
                     .object()
                     .value(u"kid"_s)
                     .toString(),
                 u"16B7FB8C3F9AB06885A800C64E64C97C4AB5E98C"_s);
        const auto validator =
            validatorAt(kNow, {development, cert("SuperOfficeFederatedLogin.stage.crt"), m_devNet});
        const auto result = validator.validate(token, true);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.claims.keyId, kDevNetThumbprint);
    }

    void concurrentUse()
    {
        const auto validator =
            validatorAt(kNow, {cert("SuperOfficeFederatedLogin.stage.crt"), m_devNet});
        const QByteArray good = mint();
        const QByteArray bad = fixture("example-superoffice-token.jwt").trimmed();
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 50; ++i) {
                    if (!validator.validate(good, true).ok || validator.validate(bad, true).ok)
                        ++wrong;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }

private:
    ms::TokenMintOptions defaults() const
    {
        ms::TokenMintOptions options;
        options.tenant = u"Cust12020"_s;
        options.applicationId = kAppId;
        options.nonce = kNonce;
        options.notBefore = kNow.addSecs(-60);
        options.expires = kNow.addSecs(300);
        return options;
    }
    QByteArray mint() const { return ms::mintToken(m_superOffice, defaults()); }
    static QJsonObject payloadOf(const QByteArray &token)
    {
        return QJsonDocument::fromJson(*ms::fromBase64UrlStrict(token.split('.')[1])).object();
    }
    ms::TokenValidationResult validate(const QByteArray &token, bool requireNonce = true) const
    {
        return validatorAt(kNow, {m_devNet}).validate(token, requireNonce);
    }
    void expectRejected(const QByteArray &token, const QString &reason) const
    {
        const auto result = validate(token);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(reason), qPrintable(result.error));
    }

    ms::RsaPrivateKey m_superOffice;
    ms::Certificate m_devNet;
};

QTEST_APPLESS_MAIN(TestTokenValidator)
#include "tst_tokenvalidator.moc"
