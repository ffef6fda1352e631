#pragma once

#include <QWizardPage>

class QLabel;

namespace ms::ui {

class MessageLabel;
class WizardState;

/// Page 6: what will be saved where; Finish saves (secrets to the keychain or the chosen files,
/// then the settings) after validatePage() returned, and closes the wizard when that succeeded.
/// GUI thread; state must outlive the page.
class SummaryPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(WizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    /// False while the save has not succeeded; starts it on the first call.
    bool validatePage() override;

    bool isSaving() const { return m_saving; }
    bool isSaved() const { return m_saved; }
    QLabel *summary() const { return m_summary; }
    MessageLabel *message() const { return m_message; }

private:
    WizardState &m_state;
    QLabel *m_summary;
    MessageLabel *m_message;
    bool m_saving = false;
    bool m_saved = false;
};

} // namespace ms::ui
