#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/selftest/authenticateexchange.h"
#include "service/selftest/selftest.h"

#include <QFile>
#include <QSslKey>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(MIRRORSCOPE_FIXTURES_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

ms::SelfTestConfig fixtureConfig()
{
    ms::SelfTestConfig config;
    config.applicationId = u"123123123123123123"_s;
    config.applicationKey = ms::RsaPrivateKey::fromText(fixture(u"app-private-key.xml"_s));
    return config;
}

QSslConfiguration selfSignedTls(ms::Certificate *certificateOut = nullptr)
{
    const auto key = ms::RsaPrivateKey::generate(2048);
    const auto certificate = ms::Certificate::createSelfSigned(
        key, u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s}, 30);
    if (certificateOut)
        *certificateOut = certificate;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificate.toPem(), QSsl::Pem));
    tls.setPrivateKey(QSslKey(key.toPem(), QSsl::Rsa, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

QList<ms::SelfTestStepId> ids(const ms::SelfTestReport &report)
{
    QList<ms::SelfTestStepId> result;
    for (const auto &step : report.steps)
        result.append(step.id);
    return result;
}

QString describe(const ms::SelfTestReport &report)
{
    QString text;
    for (const auto &step : report.steps)
        text += u"[%1 %2] %3\n"_s.arg(ms::selfTestStepTitle(step.id),
                                      step.ok ? u"ok"_s : u"FAILED"_s, step.message);
    return text;
}
} // namespace

class TestSelfTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainHttpRoundTripPassesEveryStepInOrder()
    {
        QList<ms::SelfTestStep> seen;
        const auto report = ms::runSelfTest(
            fixtureConfig(), [&seen](const ms::SelfTestStep &step) { seen.append(step); });
        QVERIFY2(report.passed(false), qPrintable(describe(report)));
        QVERIFY(!report.passed(true)); // a TLS run has one step more
        QCOMPARE(ids(report),
                 (QList{ms::SelfTestStepId::EndpointStarted, ms::SelfTestStepId::TokenAccepted,
                        ms::SelfTestStepId::ApplicationTokenVerified}));
        QCOMPARE(seen.size(), report.steps.size());
        QVERIFY(report.steps[0].message.contains(u"http://127.0.0.1:"_s));
    }

    void tlsRoundTripChecksThePresentedCertificate()
    {
        ms::Certificate certificate;
        auto config = fixtureConfig();
        config.tls = selfSignedTls(&certificate);
        const auto report = ms::runSelfTest(config);
        QVERIFY2(report.passed(true), qPrintable(describe(report)));
        QCOMPARE(ids(report),
                 (QList{ms::SelfTestStepId::EndpointStarted, ms::SelfTestStepId::TlsHandshake,
                        ms::SelfTestStepId::TokenAccepted,
                        ms::SelfTestStepId::ApplicationTokenVerified}));
        QVERIFY(report.steps[0].message.contains(u"https://127.0.0.1:"_s));
        QVERIFY2(report.steps[1].message.contains(certificate.sha256Fingerprint()),
                 qPrintable(report.steps[1].message));
    }

    void aRegisteredPublicKeyOfAnotherPairFailsTheLastStep()
    {
        auto config = fixtureConfig();
        config.registeredPublicKey = ms::RsaPrivateKey::generate(2048).publicKey();
        const auto report = ms::runSelfTest(config);
        QVERIFY(!report.passed(false));
        QCOMPARE(report.steps.size(), 3);
        QVERIFY(report.steps[0].ok);
        QVERIFY(report.steps[1].ok);
        QCOMPARE(report.steps[2].id, ms::SelfTestStepId::ApplicationTokenVerified);
        QVERIFY(!report.steps[2].ok);
        QVERIFY2(report.steps[2].message.contains(u"signature"_s, Qt::CaseInsensitive),
                 qPrintable(report.steps[2].message));
    }

    void theMatchingRegisteredPublicKeyPasses()
    {
        auto config = fixtureConfig();
        config.registeredPublicKey = ms::RsaPublicKey::fromText(fixture(u"app-public-key.xml"_s));
        const auto report = ms::runSelfTest(config);
        QVERIFY2(report.passed(false), qPrintable(describe(report)));
    }

    void noApplicationKeyStopsAtTheFirstStepWithAReason()
    {
        auto config = fixtureConfig();
        config.applicationKey = {};
        const auto report = ms::runSelfTest(config);
        QCOMPARE(report.steps.size(), 1);
        QCOMPARE(report.steps[0].id, ms::SelfTestStepId::EndpointStarted);
        QVERIFY(!report.steps[0].ok);
        QVERIFY(report.steps[0].message.contains(u"application key"_s));
    }

    void postingToAClosedPortReportsTheTransportError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const auto exchange = ms::postAuthenticate(
            QUrl(u"http://127.0.0.1:%1/MirroringClientService.svc"_s.arg(port)), "<x/>",
            QSslCertificate(), std::chrono::seconds(10));
        QVERIFY(!exchange.transportOk);
        QVERIFY(!exchange.transportError.isEmpty());
        QCOMPARE(exchange.httpStatus, 0);
    }
};

QTEST_GUILESS_MAIN(TestSelfTest)
#include "tst_selftest.moc"
