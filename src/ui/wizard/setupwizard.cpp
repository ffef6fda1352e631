#include "setupwizard.h"

#include "applicationkeypage.h"
#include "endpointtlspage.h"
#include "environmentpage.h"
#include "selftestpage.h"
#include "summarypage.h"
#include "superofficecertificatepage.h"

#include "service/settings/appsettings.h"

namespace ms::ui {

SetupWizard::SetupWizard(QWidget *parent) : QWizard(parent)
{
    setWindowTitle(tr("Set up certificates"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    m_state.loadFrom(AppSettings());
    setPage(Environment, new EnvironmentPage(m_state, this));
    setPage(SuperOfficeCertificate, new SuperOfficeCertificatePage(m_state, this));
    setPage(ApplicationKey, new ApplicationKeyPage(m_state, this));
    setPage(EndpointTls, new EndpointTlsPage(m_state, this));
    setPage(SelfTest, new SelfTestPage(m_state, this));
    setPage(Summary, new SummaryPage(m_state, this));
    setButtonText(QWizard::FinishButton, tr("&Save"));
    resize(760, 640);
}

EnvironmentPage *SetupWizard::environmentPage() const
{
    return static_cast<EnvironmentPage *>(page(Environment));
}

SuperOfficeCertificatePage *SetupWizard::superOfficeCertificatePage() const
{
    return static_cast<SuperOfficeCertificatePage *>(page(SuperOfficeCertificate));
}

ApplicationKeyPage *SetupWizard::applicationKeyPage() const
{
    return static_cast<ApplicationKeyPage *>(page(ApplicationKey));
}

EndpointTlsPage *SetupWizard::endpointTlsPage() const
{
    return static_cast<EndpointTlsPage *>(page(EndpointTls));
}

SelfTestPage *SetupWizard::selfTestPage() const
{
    return static_cast<SelfTestPage *>(page(SelfTest));
}

SummaryPage *SetupWizard::summaryPage() const
{
    return static_cast<SummaryPage *>(page(Summary));
}

} // namespace ms::ui
