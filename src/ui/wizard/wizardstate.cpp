#include "wizardstate.h"

#include "service/settings/appsettings.h"

namespace ms::ui {

void WizardState::loadFrom(const AppSettings &settings)
{
    m_environment = environmentFromKey(settings.environment()).value_or(Environment::Development);
    m_applicationId = settings.applicationId();
    m_listenAddress = settings.listenAddress();
}

SelfTestConfig WizardState::selfTestConfig() const
{
    SelfTestConfig config;
    config.applicationId = m_applicationId;
    config.applicationKey = m_applicationKey;
    config.registeredPublicKey = m_registeredPublicKey;
    if (const TlsMaterial material = tls(); !material.isNull())
        config.tls = material.serverConfiguration();
    return config;
}

} // namespace ms::ui
