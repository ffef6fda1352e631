#pragma once

#include "service/selftest/selftest.h"

#include <QWizardPage>

class QListWidget;
class QPushButton;

namespace ms::ui {

class MessageLabel;
class WizardState;

/// Page 5: runs runSelfTest with the wizard's choices on a worker thread when shown, lists each
/// step green or red with its reason as it finishes; Next waits for a passing run. GUI thread;
/// state must outlive the page.
class SelfTestPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit SelfTestPage(WizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    void start();
    bool isRunning() const { return m_running; }
    const SelfTestReport &report() const { return m_report; }
    QListWidget *stepList() const { return m_steps; }
    MessageLabel *message() const { return m_message; }

private:
    void addStep(const SelfTestStep &step);
    void finish();

    WizardState &m_state;
    QListWidget *m_steps;
    MessageLabel *m_message;
    QPushButton *m_again;
    SelfTestReport m_report;
    bool m_withTls = false;
    bool m_running = false;
    QObject *m_run = nullptr; ///< parent of the running run's watcher; replaced per run
};

} // namespace ms::ui
