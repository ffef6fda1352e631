#pragma once

#include "wizardstate.h"

#include <QWizard>

namespace ms::ui {

class ApplicationKeyPage;
class EndpointTlsPage;
class EnvironmentPage;
class SelfTestPage;
class SummaryPage;
class SuperOfficeCertificatePage;

/// "Set up certificates" (issue #6): a thin shell over one page per step. Starts from the saved
/// AppSettings; on Finish the summary page saves to AppSettings and SecretStore before the
/// wizard accepts. GUI thread.
class SetupWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        EnvironmentPageId,
        SuperOfficeCertificatePageId,
        ApplicationKeyPageId,
        EndpointTlsPageId,
        SelfTestPageId,
        SummaryPageId,
    };

    explicit SetupWizard(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SetupWizard)

    WizardState &state() { return m_state; }
    EnvironmentPage *environmentPage() const;
    SuperOfficeCertificatePage *superOfficeCertificatePage() const;
    ApplicationKeyPage *applicationKeyPage() const;
    EndpointTlsPage *endpointTlsPage() const;
    SelfTestPage *selfTestPage() const;
    SummaryPage *summaryPage() const;

private:
    WizardState m_state;
};

} // namespace ms::ui
