#include "selftest.h"

#include "authenticateexchange.h"

#include "service/auth/applicationtoken.h"
#include "service/auth/certificate.h"
#include "service/auth/tokenminter.h"
#include "service/common/error.h"
#include "service/endpoint/endpointserver.h"
#include "service/endpoint/mirroringservice.h"
#include "service/endpoint/tenantslots.h"
#include "service/soap/soapfaulterror.h"
#include "service/soap/soaprequestwriter.h"
#include "service/soap/soapresponsereader.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QCoreApplication>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr auto kTenant = "SelfTest";
constexpr std::chrono::milliseconds kCallTimeout{30000};

// The self-test's lines are shown in the wizard: translated in the context "ms::SelfTest", which
// lupdate learns from the macro (a free tr() wrapper would hide the strings from it).
class SelfTestText
{
    Q_DECLARE_TR_FUNCTIONS(ms::SelfTest)
};

class StepRecorder
{
public:
    StepRecorder(SelfTestReport &report, const std::function<void(const SelfTestStep &)> &onStep)
        : m_report(report), m_onStep(onStep)
    {}
    bool operator()(SelfTestStepId id, bool ok, const QString &message)
    {
        m_report.steps.append({id, ok, message});
        if (m_onStep)
            m_onStep(m_report.steps.last());
        return ok;
    }

private:
    SelfTestReport &m_report;
    const std::function<void(const SelfTestStep &)> &m_onStep;
};

// The in-process endpoint and everything it stands on, in a directory removed afterwards.
struct TestEndpoint
{
    explicit TestEndpoint(const QString &dir, EndpointConfig config)
        : backend(dir), events(dir), registry(dir), slots(backend),
          service(std::move(config), slots, events, registry), server(service)
    {}
    SqliteMirrorBackend backend;
    EventLog events;
    TenantRegistry registry;
    TenantSlots slots;
    MirroringService service;
    EndpointServer server;
};

bool checkAuthenticateAnswer(const AuthenticateExchange &exchange, StepRecorder &record,
                             AuthenticateResponse &response)
{
    if (exchange.httpStatus != 200) {
        return record(SelfTestStepId::TokenAccepted, false,
                      SelfTestText::tr("The endpoint answered HTTP %1 instead of 200.")
                          .arg(exchange.httpStatus));
    }
    try {
        response = readAuthenticateResponse(exchange.body);
    } catch (const SoapFaultError &e) {
        return record(
            SelfTestStepId::TokenAccepted, false,
            SelfTestText::tr("The endpoint answered with a SOAP fault: %1").arg(e.message()));
    } catch (const ms::Error &e) {
        return record(
            SelfTestStepId::TokenAccepted, false,
            SelfTestText::tr("The answer is not an Authenticate response: %1").arg(e.message()));
    }
    if (!response.isSuccessful) {
        return record(
            SelfTestStepId::TokenAccepted, false,
            SelfTestText::tr("The endpoint refused the test token: %1").arg(response.errorMessage));
    }
    return record(
        SelfTestStepId::TokenAccepted, true,
        SelfTestText::tr("The endpoint accepted a token signed by the test signing certificate."));
}
} // namespace

bool SelfTestReport::passed(bool withTls) const
{
    const qsizetype expected = withTls ? 4 : 3;
    if (steps.size() != expected)
        return false;
    for (const SelfTestStep &step : steps) {
        if (!step.ok)
            return false;
    }
    return true;
}

QString selfTestStepTitle(SelfTestStepId id)
{
    switch (id) {
    case SelfTestStepId::EndpointStarted:
        return SelfTestText::tr("Endpoint started");
    case SelfTestStepId::TlsHandshake:
        return SelfTestText::tr("TLS handshake with the chosen certificate");
    case SelfTestStepId::TokenAccepted:
        return SelfTestText::tr("Test token accepted (Authenticate)");
    case SelfTestStepId::ApplicationTokenVerified:
        return SelfTestText::tr("Application token verified with the public key");
    }
    return {};
}

SelfTestReport runSelfTest(const SelfTestConfig &config,
                           const std::function<void(const SelfTestStep &)> &onStep)
{
    SelfTestReport report;
    StepRecorder record(report, onStep);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        record(SelfTestStepId::EndpointStarted, false,
               SelfTestText::tr("Cannot create a temporary directory: %1").arg(dir.errorString()));
        return report;
    }
    // Plays SuperOffice: a key and certificate that exist only for this run.
    RsaPrivateKey signingKey;
    Certificate signingCertificate;
    std::unique_ptr<TestEndpoint> endpoint;
    try {
        if (config.applicationKey.isNull())
            throw clientError(SelfTestText::tr("No application key is set."));
        signingKey = RsaPrivateKey::generate(2048);
        signingCertificate = Certificate::createSelfSigned(
            signingKey, u"MirrorScope self-test signing"_s, {}, {}, 1);
        EndpointConfig endpointConfig;
        endpointConfig.applicationId = config.applicationId;
        endpointConfig.applicationKey = config.applicationKey;
        endpoint = std::make_unique<TestEndpoint>(dir.path(), std::move(endpointConfig));
        endpoint->service.setTrustedCertificates({signingCertificate});
    } catch (const ms::Error &e) {
        record(SelfTestStepId::EndpointStarted, false, e.message());
        return report;
    }

    HttpServerConfig http;
    http.address = QHostAddress(QHostAddress::LocalHost);
    http.port = 0;
    http.tls = config.tls;
    QString error;
    if (!endpoint->server.start(http, &error)) {
        record(SelfTestStepId::EndpointStarted, false,
               SelfTestText::tr("The endpoint could not listen: %1").arg(error));
        return report;
    }
    record(SelfTestStepId::EndpointStarted, true,
           SelfTestText::tr("Listening on %1").arg(endpoint->server.url().toString()));

    QString nonce;
    QByteArray envelope;
    try {
        nonce = randomNonce();
        TokenMintOptions mint;
        mint.tenant = QLatin1StringView(kTenant);
        mint.applicationId = config.applicationId;
        mint.nonce = nonce;
        mint.keyId = signingCertificate.sha1Thumbprint();
        envelope = writeAuthenticateRequest(QString::fromLatin1(mintToken(signingKey, mint)), {});
    } catch (const ms::Error &e) {
        record(SelfTestStepId::TokenAccepted, false,
               SelfTestText::tr("Cannot make a test token: %1").arg(e.message()));
        return report;
    }

    const QSslCertificate expected =
        config.tls ? config.tls->localCertificate() : QSslCertificate();
    const AuthenticateExchange exchange =
        postAuthenticate(endpoint->server.url(), envelope, expected, kCallTimeout);
    endpoint->server.stop();

    if (config.tls) {
        if (!exchange.transportOk) {
            record(SelfTestStepId::TlsHandshake, false,
                   SelfTestText::tr("No TLS connection: %1").arg(exchange.transportError));
            return report;
        }
        if (exchange.peerCertificate != expected) {
            record(SelfTestStepId::TlsHandshake, false,
                   SelfTestText::tr(
                       "The endpoint presented another certificate than the chosen one."));
            return report;
        }
        record(SelfTestStepId::TlsHandshake, true,
               SelfTestText::tr("The endpoint presented the chosen certificate (SHA-256 %1).")
                   .arg(QString::fromLatin1(
                       expected.digest(QCryptographicHash::Sha256).toHex().toUpper())));
    } else if (!exchange.transportOk) {
        record(SelfTestStepId::TokenAccepted, false,
               SelfTestText::tr("The call did not get through: %1").arg(exchange.transportError));
        return report;
    }

    AuthenticateResponse response;
    if (!checkAuthenticateAnswer(exchange, record, response))
        return report;

    const RsaPublicKey publicKey = config.registeredPublicKey.isNull()
                                       ? config.applicationKey.publicKey()
                                       : config.registeredPublicKey;
    const ApplicationTokenCheck check = verifyApplicationToken(
        publicKey, nonce, response.signedApplicationToken, QDateTime::currentDateTimeUtc());
    record(SelfTestStepId::ApplicationTokenVerified, check.ok,
           check.ok ? SelfTestText::tr(
                          "The SignedApplicationToken echoes the nonce and its signature verifies "
                          "with the application's public key.")
                    : check.error);
    return report;
}

} // namespace ms
