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
    setPage(EnvironmentPageId, new EnvironmentPage(m_state, this));
    setPage(SuperOfficeCertificatePageId, new SuperOfficeCertificatePage(m_state, this));
    setPage(ApplicationKeyPageId, new ApplicationKeyPage(m_state, this));
    setPage(EndpointTlsPageId, new EndpointTlsPage(m_state, this));
    setPage(SelfTestPageId, new SelfTestPage(m_state, this));
    setPage(SummaryPageId, new SummaryPage(m_state, this));
    setButtonText(QWizard::FinishButton, tr("&Save"));
    resize(760, 640);
}

EnvironmentPage *SetupWizard::environmentPage() const
{
    return static_cast<EnvironmentPage *>(page(EnvironmentPageId));
}

SuperOfficeCertificatePage *SetupWizard::superOfficeCertificatePage() const
{
    return static_cast<SuperOfficeCertificatePage *>(page(SuperOfficeCertificatePageId));
}

ApplicationKeyPage *SetupWizard::applicationKeyPage() const
{
    return static_cast<ApplicationKeyPage *>(page(ApplicationKeyPageId));
}

EndpointTlsPage *SetupWizard::endpointTlsPage() const
{
    return static_cast<EndpointTlsPage *>(page(EndpointTlsPageId));
}

SelfTestPage *SetupWizard::selfTestPage() const
{
    return static_cast<SelfTestPage *>(page(SelfTestPageId));
}

SummaryPage *SetupWizard::summaryPage() const
{
    return static_cast<SummaryPage *>(page(SummaryPageId));
}

} // namespace ms::ui
