#include "service/auth/applicationtoken.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(MIRRORSCOPE_FIXTURES_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

const QString kNonce = u"9AB41493762B0C5B6E0F1AB35F032B95"_s;
const QDateTime kNow(QDate(2021, 12, 16), QTime(7, 40, 31), QTimeZone::utc());
// printf %s NONCE.202112160740 | openssl dgst -sha256 -sign app-private-key.pem | base64 -w0
const QString kKnownSignature =
    u"bZ/nQn+dYUu2iwC0XbNVTdnkqZsGOFaQoG7W2WAucHVBJHDZqafbpCAT4DzOXzH0JuC83B8D7s/"
    u"z+cwv8UIkH45tpG8uug5"
    u"ukARDsJKx1SvRbvK6mg02Nukzil2eTcAoVzshEKZwhU+GSGrH0C2/"
    u"fLFM3Z5gd1XW5zY0NdTeFMTIC4u7H9llYDJcNNeILc"
    u"fKT8t6IZEg2pnl+"
    u"jcWa9iEoNgK4S2mNl6i7zEBF1NHyw8dlzTXvvCJVVRgtC7KuxbclwAimHzmPyf7LRKhPb6IWKBNoGa50"
    u"2IFrupTWAENOz5obFyqz6UuxVfi0Uk35G4UrjlwbLdZHIxQ985cCz7Z3Q=="_s;
} // namespace

class TestApplicationToken : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_key = ms::RsaPrivateKey::fromText(fixture("app-private-key.xml"));
        m_public = ms::RsaPublicKey::fromText(fixture("app-public-key.pem"));
    }

    void format()
    {
        const QString token = ms::signApplicationToken(m_key, kNonce, kNow);
        static const QRegularExpression shape(
            u"^[0-9A-F]{32}\\.[0-9]{12}\\.[A-Za-z0-9+/]+={0,2}$"_s);
        QVERIFY2(shape.match(token).hasMatch(), qPrintable(token));
        QCOMPARE(token, kNonce + u".202112160740."_s + kKnownSignature);
        // A local time is written in UTC all the same.
        const QDateTime oslo = kNow.toTimeZone(QTimeZone(3600));
        QCOMPARE(ms::signApplicationToken(m_key, kNonce, oslo), token);
    }

    void verifies()
    {
        const QString token = ms::signApplicationToken(m_key, kNonce, kNow);
        const auto check = ms::verifyApplicationToken(m_public, kNonce, token, kNow);
        QVERIFY2(check.ok, qPrintable(check.error));
        QVERIFY(check.error.isEmpty());
        const auto other = ms::RsaPublicKey::fromText(fixture("DevNet.crt"));
        const auto wrongKey = ms::verifyApplicationToken(other, kNonce, token, kNow);
        QVERIFY(!wrongKey.ok);
        QVERIFY2(wrongKey.error.contains(u"does not match"_s), qPrintable(wrongKey.error));
    }

    void wrongNonce()
    {
        const QString token = ms::signApplicationToken(m_key, kNonce, kNow);
        const auto check = ms::verifyApplicationToken(m_public, kNonce.toLower(), token, kNow);
        QVERIFY(!check.ok);
        QVERIFY2(check.error.contains(u"nonce"_s), qPrintable(check.error));
        // A token whose nonce part was swapped no longer matches its signature.
        QString swapped = token;
        swapped.replace(0, 32, QString(32, u'A'));
        const auto forged = ms::verifyApplicationToken(m_public, QString(32, u'A'), swapped, kNow);
        QVERIFY(!forged.ok);
        QVERIFY(forged.error.contains(u"does not match"_s));
    }

    void tolerance_data()
    {
        QTest::addColumn<int>("offsetMinutes");
        QTest::addColumn<bool>("ok");
        QTest::newRow("now") << 0 << true;
        QTest::newRow("+15") << 15 << true;
        QTest::newRow("-15") << -15 << true;
        QTest::newRow("+16") << 16 << false;
        QTest::newRow("-16") << -16 << false;
        QTest::newRow("a day") << 24 * 60 << false;
    }
    void tolerance()
    {
        QFETCH(int, offsetMinutes);
        QFETCH(bool, ok);
        const QDateTime signedAt(QDate(2021, 12, 16), QTime(7, 40), QTimeZone::utc());
        const QString token = ms::signApplicationToken(m_key, kNonce, signedAt);
        const auto check = ms::verifyApplicationToken(m_public, kNonce, token,
                                                      signedAt.addSecs(offsetMinutes * 60));
        QCOMPARE(check.ok, ok);
        if (!ok)
            QVERIFY2(check.error.contains(u"check the clocks"_s), qPrintable(check.error));
    }

    void malformed_data()
    {
        const QString token = ms::signApplicationToken(m_key, kNonce, kNow);
        const QStringList parts = token.split(u'.');
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("reason");
        QTest::newRow("two parts") << parts[0] + u'.' + parts[2] << u"NONCE.yyyyMMddHHmm"_s;
        QTest::newRow("four parts") << token + u".x"_s << u"NONCE.yyyyMMddHHmm"_s;
        QTest::newRow("empty") << QString() << u"NONCE.yyyyMMddHHmm"_s;
        QTest::newRow("seconds in time")
            << parts[0] + u".20211216074000."_s + parts[2] << u"not yyyyMMddHHmm"_s;
        QTest::newRow("letters in time")
            << parts[0] + u".2021121607a0."_s + parts[2] << u"not yyyyMMddHHmm"_s;
        QTest::newRow("month 13") << parts[0] + u".202113160740."_s + parts[2]
                                  << u"not yyyyMMddHHmm"_s;
        QTest::newRow("base64url signature")
            << parts[0] + u'.' + parts[1] + u'.' +
                   QString(parts[2]).replace(u'+', u'-').replace(u'/', u'_')
            << u"not standard base64"_s;
        QTest::newRow("padding dropped")
            << parts[0] + u'.' + parts[1] + u'.' + QString(parts[2]).remove(u'=')
            << u"not standard base64"_s;
        QTest::newRow("line break")
            << parts[0] + u'.' + parts[1] + u'.' + parts[2].left(76) + u'\n' + parts[2].mid(76)
            << u"not standard base64"_s;
        QTest::newRow("empty signature")
            << parts[0] + u'.' + parts[1] + u'.' << u"not standard base64"_s;
    }
    void malformed()
    {
        QFETCH(QString, token);
        QFETCH(QString, reason);
        const auto check = ms::verifyApplicationToken(m_public, kNonce, token, kNow);
        QVERIFY(!check.ok);
        QVERIFY2(check.error.contains(reason), qPrintable(check.error));
    }

    void randomNonce()
    {
        const QString a = ms::randomNonce();
        const QString b = ms::randomNonce();
        static const QRegularExpression hex(u"^[0-9A-F]{32}$"_s);
        QVERIFY2(hex.match(a).hasMatch(), qPrintable(a));
        QVERIFY(hex.match(b).hasMatch());
        QVERIFY(a != b);
    }

private:
    ms::RsaPrivateKey m_key;
    ms::RsaPublicKey m_public;
};

QTEST_APPLESS_MAIN(TestApplicationToken)
#include "tst_applicationtoken.moc"
