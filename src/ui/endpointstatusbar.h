#pragma once

#include "service/endpoint/callrecord.h"

#include <QStatusBar>

class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;

namespace ms {
class ThroughputMonitor;
}

namespace ms::ui {

class EndpointController;
class ThroughputChart;

/// The window's status bar: endpoint state (listening / stopped / error), its URL with a Copy
/// button, calls served, the last call, rows per second and the live throughput chart, plus a
/// progress bar for long work (the demo cycle). GUI thread; endpoint and monitor must outlive it.
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

    QString stateText() const;
    QLineEdit *urlEdit() const { return m_url; }

private:
    void updateState();
    void onCalls(const QList<ms::CallRecord> &calls);
    void updateRate();
    void copyUrl();

    EndpointController &m_endpoint;
    ThroughputMonitor &m_monitor;
    QLabel *m_state;
    QLineEdit *m_url;
    QToolButton *m_copy;
    QLabel *m_calls;
    QLabel *m_lastCall;
    QLabel *m_rate;
    ThroughputChart *m_chart;
    QLabel *m_progressText;
    QProgressBar *m_progress;
};

} // namespace ms::ui
