#pragma once

#include <QWizardPage>

class QComboBox;
class QLineEdit;

namespace ms::ui {

class MessageLabel;
class WizardState;

/// Page 1: which SuperOffice environment, and the application id (client_id). GUI thread;
/// state must outlive the page.
class EnvironmentPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit EnvironmentPage(WizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QComboBox *environmentBox() const { return m_environment; }
    QLineEdit *applicationIdEdit() const { return m_applicationId; }
    MessageLabel *message() const { return m_message; }

private:
    void applicationIdChanged();

    WizardState &m_state;
    QComboBox *m_environment;
    QLineEdit *m_applicationId;
    MessageLabel *m_message;
};

} // namespace ms::ui
