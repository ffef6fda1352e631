#include "securitytestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

namespace {

const QByteArray::Base64Options kUrl =
    QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QJsonObject validClaims(const QString &tenant)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return QJsonObject{{u"iss"_s, u"SuperOffice AS"_s},
                       {u"aud"_s, u"spn:"_s + kAppId},
                       {u"http://schemes.superoffice.net/identity/ctx"_s, tenant},
                       {u"sub"_s, tenant},
                       {u"nonce"_s, u"00112233445566778899AABBCCDDEEFF"_s},
                       {u"nbf"_s, double(now - 30)},
                       {u"exp"_s, double(now + 300)}};
}

QByteArray part(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kUrl);
}

QByteArray minted(const std::function<void(ms::TokenMintOptions &)> &change,
                  const ms::RsaPrivateKey &key = superOfficeKey())
{
    ms::TokenMintOptions options;
    options.tenant = u"CustSec"_s;
    options.applicationId = kAppId;
    options.nonce = u"00112233445566778899AABBCCDDEEFF"_s;
    options.notBefore = QDateTime::currentDateTimeUtc().addSecs(-30);
    options.expires = QDateTime::currentDateTimeUtc().addSecs(300);
    options.keyId = superOfficeCert().sha1Thumbprint();
    change(options);
    return ms::mintToken(key, options);
}

} // namespace

/// Every token rule of PROTOCOL.md against a real serve: each bad token is refused (a fault for
/// data calls, IsSuccessful false for Authenticate), creates no mirror, and serving goes on.
class TestHostileTokens : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QVERIFY(QDir(m_root.path()).mkdir(u"data"_s));
        m_dataDir = m_root.filePath(u"data"_s);
        m_serve = std::make_unique<ServeProcess>(m_dataDir);
        QVERIFY2(m_serve->port() != 0, qPrintable(m_serve->line()));
    }

    void badTokenIsRefusedAndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("reason"); // a word the refusal must contain

        QTest::newRow("expired") << minted([](auto &o) {
            o.notBefore = QDateTime::currentDateTimeUtc().addSecs(-3600);
            o.expires = QDateTime::currentDateTimeUtc().addSecs(-600); // beyond the 5 min skew
        }) << u"expired"_s;
        QTest::newRow("nbf in the future") << minted([](auto &o) {
            o.notBefore = QDateTime::currentDateTimeUtc().addSecs(600);
            o.expires = QDateTime::currentDateTimeUtc().addSecs(1200);
        }) << u"not valid before"_s;
        QTest::newRow("exp missing")
            << minted([](auto &o) { o.omittedClaims = {u"exp"_s}; }) << u"exp"_s;
        QTest::newRow("wrong aud")
            << minted([](auto &o) { o.applicationId = u"999999999"_s; }) << u"meant for"_s;
        QTest::newRow("wrong iss")
            << minted([](auto &o) { o.issuer = u"SuperOffice ASA"_s; }) << u"issued by"_s;

        const QByteArray claims = part(validClaims(u"CustSec"_s));
        QTest::newRow("alg none") << part({{u"alg"_s, u"none"_s}, {u"typ"_s, u"JWT"_s}}) + '.' +
                                         claims + '.'
                                  << u"algorithm"_s;
        QTest::newRow("alg none with a signature")
            << part({{u"alg"_s, u"none"_s}}) + '.' + claims + ".AAAA" << u"algorithm"_s;
        // The classic confusion: HMAC keyed with the public key a verifier already has.
        const QByteArray hsInput =
            part({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}) + '.' + claims;
        for (const QByteArray &hmacKey :
             {superOfficeCert().publicKey().toPem(), superOfficeCert().toPem()}) {
            QTest::newRow(hmacKey.contains("CERTIFICATE") ? "HS256 keyed with the certificate"
                                                          : "HS256 keyed with the public key")
                << hsInput + '.' +
                       QMessageAuthenticationCode::hash(hsInput, hmacKey,
                                                        QCryptographicHash::Sha256)
                           .toBase64(kUrl)
                << u"algorithm"_s;
        }

        const QByteArray good = minted([](auto &) {});
        const QList<QByteArray> parts = good.split('.');
        QJsonObject otherTenant = validClaims(u"CustOther"_s);
        QTest::newRow("tampered payload")
            << parts[0] + '.' + part(otherTenant) + '.' + parts[2] << u"signed by"_s;
        QByteArray flipped = QByteArray::fromBase64(parts[2], kUrl);
        flipped[10] = char(flipped[10] ^ 1);
        QTest::newRow("tampered signature")
            << parts[0] + '.' + parts[1] + '.' + flipped.toBase64(kUrl) << u"signed by"_s;
        QTest::newRow("signed with another key")
            << minted([](auto &) {}, appKey()) << u"signed by"_s;
        QTest::newRow("garbage") << QByteArray("this is not a token") << u"JWT"_s;
        QTest::newRow("garbage with dots") << QByteArray("%%%.$$$.&&&") << u"not"_s;
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("huge") << QByteArray(200000, 'A') << u"bytes long"_s;

        for (const QString &tenant :
             {u"../../escaped"_s, u"Cust/../../escaped"_s, u"Cust1 OR 1=1"_s, u"Cust';drop"_s,
              u"1Cust"_s, u"Cust-1"_s, u"C%1"_s.arg(QString(64, u'x')), u"Cüst"_s}) {
            QTest::newRow(qPrintable(u"bad ctx "_s + tenant.left(24)))
                << minted([&](auto &o) { o.tenant = tenant; }) << u"tenant"_s;
        }
        QTest::newRow("ctx not a string") << minted([](auto &o) {
            o.extraClaims = {{u"http://schemes.superoffice.net/identity/ctx"_s, 12}};
        }) << u"tenant"_s;
        QTest::newRow("sub differs from ctx") << minted([](auto &o) {
            o.extraClaims = {{u"sub"_s, u"CustOther"_s}};
        }) << u"sub"_s;
    }

    void badTokenIsRefusedAndWritesNothing()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, reason);
        const QString signedToken = QString::fromLatin1(token);
        const QStringList rootBefore =
            QDir(m_root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        const QString before = snapshot(m_dataDir);

        const auto schema = rawExchange(
            m_serve->port(),
            soapPost(ms::writeTableSchemaRequest(signedToken, {u"st"_s, {contactSchema()}}),
                     "TableSchema"));
        QVERIFY2(isClientFault(schema), schema.body.constData());
        qInfo("observed: HTTP %d, %s", schema.status, qPrintable(faultString(schema)));
        QVERIFY2(faultString(schema).contains(reason, Qt::CaseInsensitive),
                 qPrintable(faultString(schema)));

        const auto rows = rawExchange(
            m_serve->port(),
            soapPost(ms::writeRowDataRequest(signedToken, {u"st"_s, {contactBatch(1, 3, 3)}}),
                     "RowData"));
        QVERIFY2(isClientFault(rows), rows.body.constData());

        const auto auth = rawExchange(
            m_serve->port(),
            soapPost(ms::writeAuthenticateRequest(signedToken, {u"st"_s}), "Authenticate"));
        QCOMPARE(auth.status, 200);
        const ms::AuthenticateResponse answer = ms::readAuthenticateResponse(auth.body);
        QVERIFY(!answer.isSuccessful);
        QVERIFY(answer.signedApplicationToken.isEmpty());
        QVERIFY(!answer.errorMessage.isEmpty());
        // The reason never echoes the token back (it would land in the task's logs).
        if (token.size() > 20)
            QVERIFY(!auth.body.contains(token.right(20)) && !schema.body.contains(token.right(20)));

        QCOMPARE(snapshot(m_dataDir), before);
        QCOMPARE(QDir(m_root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 rootBefore);
        QVERIFY(stillServes(m_serve->port(), u"CustOk"_s));
    }

    void validTokenIsAcceptedByTheSameServer()
    {
        // The control: the same request with a good token creates the tenant's mirror.
        const auto schema = rawExchange(
            m_serve->port(),
            soapPost(ms::writeTableSchemaRequest(QString::fromLatin1(minted([](auto &) {})),
                                                 {u"st"_s, {contactSchema()}}),
                     "TableSchema"));
        QCOMPARE(schema.status, 200);
        QVERIFY(mirrorFiles(m_dataDir).contains(u"Mirror_CustSec.sqlite3"_s));
    }

private:
    QTemporaryDir m_root;
    QString m_dataDir;
    std::unique_ptr<ServeProcess> m_serve;
};

QTEST_GUILESS_MAIN(TestHostileTokens)
#include "tst_hostiletokens.moc"
