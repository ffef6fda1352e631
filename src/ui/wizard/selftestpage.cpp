#include "selftestpage.h"

#include "messagelabel.h"
#include "wizardstate.h"

#include "service/common/error.h"

#include <QFutureWatcher>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

SelfTestPage::SelfTestPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent), m_state(state), m_steps(new QListWidget(this)),
      m_message(new MessageLabel(this)), m_again(new QPushButton(tr("&Run again"), this))
{
    setTitle(tr("Self-test"));
    setSubTitle(tr("The endpoint starts with these settings on 127.0.0.1, and a test signing key, "
                   "trusted for this test only, plays SuperOffice in an Authenticate round trip."));
    m_steps->setWordWrap(true);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_again, 0, Qt::AlignLeft);
    connect(m_again, &QPushButton::clicked, this, &SelfTestPage::start);
}

void SelfTestPage::initializePage()
{
    start();
}

void SelfTestPage::cleanupPage()
{
    // Going back drops the run under way; its answer would describe old choices.
    delete m_run;
    m_run = nullptr;
    m_running = false;
}

bool SelfTestPage::isComplete() const
{
    return !m_running && m_report.passed(m_withTls);
}

void SelfTestPage::start()
{
    delete m_run;
    m_run = new QObject(this);
    m_steps->clear();
    m_report = {};
    m_running = true;
    m_again->setEnabled(false);
    m_message->showProgress(tr("Running the self-test\u2026"));
    Q_EMIT completeChanged();

    SelfTestConfig config;
    try {
        config = m_state.selfTestConfig();
    } catch (const ms::Error &e) {
        addStep({SelfTestStepId::EndpointStarted, false, e.message()});
        finish();
        return;
    }
    m_withTls = config.tls.has_value();
    auto *watcher = new QFutureWatcher<SelfTestStep>(m_run);
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this,
            [this, watcher](int index) { addStep(watcher->resultAt(index)); });
    connect(watcher, &QFutureWatcherBase::finished, this, &SelfTestPage::finish);
    watcher->setFuture(QtConcurrent::run([config](QPromise<SelfTestStep> &promise) {
        runSelfTest(config, [&promise](const SelfTestStep &step) { promise.addResult(step); });
    }));
}

void SelfTestPage::addStep(const SelfTestStep &step)
{
    m_report.steps.append(step);
    auto *item = new QListWidgetItem(style()->standardIcon(step.ok ? QStyle::SP_DialogApplyButton
                                                                   : QStyle::SP_DialogCancelButton),
                                     selfTestStepTitle(step.id) + u"\n"_s + step.message, m_steps);
    item->setForeground(step.ok ? QColor(0x1b, 0x7a, 0x2f) : QColor(0xb3, 0x26, 0x1e));
}

void SelfTestPage::finish()
{
    m_running = false;
    m_again->setEnabled(true);
    if (m_report.passed(m_withTls)) {
        m_message->showVerdict({Verdict::Kind::Accepted, tr("The self-test passed.")});
    } else {
        m_message->showVerdict(
            {Verdict::Kind::Refused,
             tr("The self-test failed at the red step. Go back and change what it "
                "names, then run it again.")});
    }
    Q_EMIT completeChanged();
}

} // namespace ms::ui
