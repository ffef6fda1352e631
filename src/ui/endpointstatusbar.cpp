#include "endpointstatusbar.h"

#include "elidedlabel.h"
#include "endpointcontroller.h"
#include "throughputchart.h"
#include "uiresources.h"

#include "model/throughputmonitor.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
// The rate shown is the mean of the last few seconds: one second alone flickers between
// batches of the Mirroring Task.
constexpr int RateWindowSeconds = 5;
} // namespace

EndpointStatusBar::EndpointStatusBar(EndpointController &endpoint, ThroughputMonitor &monitor,
                                     QWidget *parent)
    : QStatusBar(parent), m_endpoint(endpoint), m_monitor(monitor), m_state(new QLabel(this)),
      m_url(new QLineEdit(this)), m_copy(new QToolButton(this)), m_calls(new QLabel(this)),
      m_lastCall(new ElidedLabel(this)), m_rate(new QLabel(this)),
      m_chart(new ThroughputChart(monitor, this)), m_message(new ElidedLabel(this)),
      m_progress(new QProgressBar(this)), m_noticeTimer(new QTimer(this))
{
    setObjectName(u"endpointStatusBar"_s);
    m_state->setObjectName(u"endpointState"_s);
    m_state->setTextFormat(Qt::RichText);
    m_url->setObjectName(u"endpointUrl"_s);
    m_url->setReadOnly(true);
    m_url->setToolTip(tr("The URL to register as the Mirroring Task's endpoint"));
    m_url->setMinimumWidth(fontMetrics().horizontalAdvance(u"http://127.0.0.1:18080/mirroring"_s));
    m_copy->setObjectName(u"copyUrlButton"_s);
    m_copy->setIcon(icon(u"copy"_s));
    m_copy->setToolTip(tr("Copy the endpoint URL"));
    m_copy->setAutoRaise(true);
    m_calls->setObjectName(u"callsServed"_s);
    m_lastCall->setObjectName(u"lastCall"_s);
    m_rate->setObjectName(u"rowsPerSecond"_s);
    m_message->setObjectName(u"statusMessage"_s);
    m_progress->setObjectName(u"workProgress"_s);
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_message->hide();
    m_progress->hide();
    m_noticeTimer->setSingleShot(true);
    connect(m_noticeTimer, &QTimer::timeout, this, [this] { showNotice({}); });

    // Permanent: a message (an action's outcome) must not hide the endpoint's state. The message
    // has the stretch: it gets the room the permanent widgets leave, and the last call's.
    addWidget(m_message, 1);
    addWidget(m_progress);
    addPermanentWidget(m_state);
    addPermanentWidget(m_url);
    addPermanentWidget(m_copy);
    addPermanentWidget(m_calls);
    addPermanentWidget(m_lastCall);
    addPermanentWidget(m_rate);
    addPermanentWidget(m_chart);

    connect(m_copy, &QToolButton::clicked, this, &EndpointStatusBar::copyUrl);
    connect(&endpoint, &EndpointController::runningChanged, this, &EndpointStatusBar::updateState);
    connect(&endpoint, &EndpointController::callsArrived, this, &EndpointStatusBar::onCalls);
    connect(&monitor, &ThroughputMonitor::changed, this, &EndpointStatusBar::updateRate);
    updateState();
    onCalls({});
    updateRate();
}

QString EndpointStatusBar::stateText() const
{
    return m_state->text();
}

void EndpointStatusBar::updateState()
{
    QString text;
    if (m_endpoint.isRunning()) {
        text = m_endpoint.setup().demoIdentity
                   ? tr("<span style='color:#27ae60'>●</span> Listening (demo identity)")
                   : tr("<span style='color:#27ae60'>●</span> Listening");
        m_url->setText(m_endpoint.url().toString());
        m_url->setMinimumWidth(fontMetrics().horizontalAdvance(m_url->text()) + 16);
    } else if (!m_endpoint.lastError().isEmpty()) {
        text = tr("<span style='color:#c0392b'>●</span> Error: %1")
                   .arg(m_endpoint.lastError().toHtmlEscaped());
        m_url->clear();
    } else {
        text = tr("<span style='color:#7f8c8d'>●</span> Stopped");
        m_url->clear();
    }
    m_state->setText(text);
    m_url->setPlaceholderText(tr("not listening"));
    m_copy->setEnabled(m_endpoint.isRunning());
}

void EndpointStatusBar::onCalls(const QList<CallRecord> &calls)
{
    m_calls->setText(tr("%n call(s) served", nullptr, int(m_endpoint.callsServed())));
    if (calls.isEmpty() && !m_endpoint.lastCallAt().isValid()) {
        m_lastCall->setText(tr("Last call: none"));
        return;
    }
    if (calls.isEmpty())
        return;
    const CallRecord &last = calls.constLast();
    const QString when = QLocale().toString(last.time.toLocalTime().time(), u"HH:mm:ss"_s);
    const QString what = last.operation.isEmpty() ? tr("unreadable request") : last.operation;
    m_lastCall->setText(last.ok ? tr("Last call: %1 %2 %3").arg(when, last.tenant, what)
                                : tr("Last call: %1 %2 %3 failed").arg(when, last.tenant, what));
    m_lastCall->setExtraToolTip(last.error);
}

void EndpointStatusBar::updateRate()
{
    const QList<qint64> samples = m_monitor.samples();
    qint64 sum = 0;
    for (int i = qMax(0, int(samples.size()) - RateWindowSeconds); i < samples.size(); ++i)
        sum += samples.at(i);
    m_rate->setText(tr("%1 rows/s").arg(QLocale().toString(sum / RateWindowSeconds)));
}

void EndpointStatusBar::showProgress(const QString &text, qint64 done, qint64 total)
{
    m_progressText = text.isNull() ? u""_s : text;
    m_progress->show();
    updateMessage();
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
}

void EndpointStatusBar::hideProgress()
{
    m_progressText = QString();
    m_progress->hide();
    updateMessage();
}

void EndpointStatusBar::showNotice(const QString &text, int timeoutMs)
{
    m_notice = text;
    if (timeoutMs > 0 && !text.isEmpty())
        m_noticeTimer->start(timeoutMs);
    else
        m_noticeTimer->stop();
    updateMessage();
}

QString EndpointStatusBar::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void EndpointStatusBar::updateMessage()
{
    const QString text = m_progressText.isNull() ? m_notice : m_progressText;
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    // The last call is in the event log and the tenants pane too; the message is news.
    m_lastCall->setVisible(text.isEmpty());
}

void EndpointStatusBar::copyUrl()
{
    if (!m_url->text().isEmpty())
        QApplication::clipboard()->setText(m_url->text());
}

} // namespace ms::ui
