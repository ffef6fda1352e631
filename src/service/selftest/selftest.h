#pragma once

#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"

#include <QList>
#include <QSslConfiguration>
#include <QString>

#include <functional>
#include <optional>

namespace ms {

/// What the self-test needs: the settings the wizard (or the CLI) is about to save.
struct SelfTestConfig
{
    QString applicationId;
    RsaPrivateKey applicationKey;
    /// The key SuperOffice will verify with; null = the public part of applicationKey.
    RsaPublicKey registeredPublicKey;
    std::optional<QSslConfiguration> tls; ///< set: serve HTTPS and expect its certificate
};

enum class SelfTestStepId {
    EndpointStarted,
    TlsHandshake, ///< only with TLS
    TokenAccepted,
    ApplicationTokenVerified,
};

struct SelfTestStep
{
    SelfTestStepId id = SelfTestStepId::EndpointStarted;
    bool ok = false;
    QString message; ///< what was seen, or why it failed, for a person
};

struct SelfTestReport
{
    QList<SelfTestStep> steps;
    /// Every expected step ran and passed.
    bool passed(bool withTls) const;
};

/// One line naming the step ("Endpoint started"), translated.
QString selfTestStepTitle(SelfTestStepId id);

/// Starts a MirroringService and EndpointServer on 127.0.0.1 (a free port, a temporary data
/// directory) trusting only a freshly generated signing certificate, plays SuperOffice with it
/// for one Authenticate round trip, and checks the SignedApplicationToken as the task would.
/// Blocking (runs local event loops); call it on a worker thread, never the GUI thread.
/// onStep is called on the calling thread after each step; the run stops at the first failure.
SelfTestReport runSelfTest(const SelfTestConfig &config,
                           const std::function<void(const SelfTestStep &)> &onStep = {});

} // namespace ms
