#pragma once

#include "service/endpoint/callrecord.h"

#include <QStatusBar>

class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QToolButton;

namespace ms {
class ThroughputMonitor;
}

namespace ms::ui {

class ElidedLabel;
class EndpointController;
class ThroughputChart;

/// The window's status bar: endpoint state (listening / stopped / error), its URL with a Copy
/// button, calls served, the last call, rows per second and the live throughput chart, plus a
/// message (an action's outcome, long work's progress with a progress bar). While a message
/// shows it takes the last call's place, so that a sentence fits at the window's default size;
/// what still does not fit is elided with the whole text in the tooltip. QStatusBar's own
/// showMessage() is not used for this: it paints over the permanent widgets' room and cuts the
/// text off. GUI thread; endpoint and monitor must outlive it.
class EndpointStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointStatusBar)
public:
    EndpointStatusBar(EndpointController &endpoint, ThroughputMonitor &monitor,
                      QWidget *parent = nullptr);

    /// Shows progress (total 0 = busy indicator) with a text; hideProgress() ends it.
    void showProgress(const QString &text, qint64 done, qint64 total);
    void hideProgress();
    /// Shows a message for timeoutMs (0 = until the next one); progress, while shown, wins.
    void showNotice(const QString &text, int timeoutMs = 0);

    QString stateText() const;
    /// The message shown (progress or notice); empty when none.
    QString messageText() const;
    ElidedLabel *messageLabel() const { return m_message; }
    QLineEdit *urlEdit() const { return m_url; }

private:
    void updateState();
    void onCalls(const QList<ms::CallRecord> &calls);
    void updateRate();
    void copyUrl();
    void updateMessage();

    EndpointController &m_endpoint;
    ThroughputMonitor &m_monitor;
    QLabel *m_state;
    QLineEdit *m_url;
    QToolButton *m_copy;
    QLabel *m_calls;
    ElidedLabel *m_lastCall;
    QLabel *m_rate;
    ThroughputChart *m_chart;
    ElidedLabel *m_message;
    QProgressBar *m_progress;
    QTimer *m_noticeTimer;
    QString m_notice;
    QString m_progressText; ///< null while no progress shows
};

} // namespace ms::ui
