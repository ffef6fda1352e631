#include "service/auth/certificate.h"
#include "service/auth/tokenvalidator.h"
#include "service/simulator/cycletokens.h"

#include <QFile>
#include <QTest>

#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {
const QString kAppId = u"123123123123123123"_s;
const QString kTenant = u"Cust4242"_s;

QString fixture(const QString &name)
{
    return QStringLiteral(MIRRORSCOPE_FIXTURES_DIR) + u'/' + name;
}

RsaPrivateKey devNetKey()
{
    QFile file(fixture(u"DevNet.key"_s));
    return file.open(QIODevice::ReadOnly) ? RsaPrivateKey::fromText(file.readAll())
                                          : RsaPrivateKey();
}

TokenMintOptions claims()
{
    TokenMintOptions options;
    options.tenant = kTenant;
    options.applicationId = kAppId;
    return options;
}

// What the endpoint would say of the token at `at`.
TokenValidationResult validateAt(const QString &token, const QDateTime &at)
{
    TokenValidatorConfig config{kAppId, {Certificate::fromFile(fixture(u"DevNet.crt"_s))}};
    config.clockSkew = std::chrono::seconds(0);
    config.clock = [at] {
        return at;
    };
    return TokenValidator(config).validate(token.toLatin1(), /*requireNonce=*/false);
}
} // namespace

class TestCycleTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneTokenUntilItIsOldThenAFreshOne()
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        CycleTokens tokens(devNetKey(), claims(), std::chrono::minutes(6), std::chrono::minutes(3),
                           [&] { return now; });
        const QString first = tokens.token();
        QCOMPARE(tokens.minted(), 1);
        now = now.addSecs(179);
        QCOMPARE(tokens.token(), first);
        QCOMPARE(tokens.minted(), 1);
        // Still valid when sent right at the end of its reuse, with no skew to help it.
        QVERIFY2(validateAt(first, now).ok, qPrintable(validateAt(first, now).error));

        now = now.addSecs(1);
        const QString second = tokens.token();
        QCOMPARE(tokens.minted(), 2);
        QVERIFY(second != first);
        // The fresh one lasts the whole lifetime from now; the old one is past its exp later.
        QVERIFY(validateAt(second, now.addSecs(6 * 60 - 1)).ok);
        QVERIFY(!validateAt(first, now.addSecs(6 * 60 - 1)).ok);
        QCOMPARE(tokens.token(), second);
    }

    void tokensValidateAsTheEndpointChecksThem()
    {
        CycleTokens tokens(devNetKey(), claims());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const TokenValidationResult result = validateAt(tokens.token(), now);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.claims.tenant, kTenant);
        QVERIFY(result.claims.nonce.isEmpty());
    }

    void sharedByThreads()
    {
        // The producer thread and the task's thread ask at the same time: one signature.
        CycleTokens tokens(devNetKey(), claims());
        QString a;
        QString b;
        std::thread other([&] { a = tokens.token(); });
        b = tokens.token();
        other.join();
        QCOMPARE(a, b);
        QCOMPARE(tokens.minted(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCycleTokens)
#include "tst_cycletokens.moc"
