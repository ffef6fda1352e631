#pragma once

#include "service/endpoint/callrecord.h"
#include "throughputseries.h"

#include <QObject>
#include <QTimer>

namespace ms {

/// The status bar's throughput: a ThroughputSeries fed by noteCall, announcing changes at most
/// once per second with changed(). GUI thread only.
class ThroughputMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputMonitor)
public:
    explicit ThroughputMonitor(QObject *parent = nullptr);

    /// Counts the call's rows (RowData) at its time.
    void noteCall(const CallRecord &call);
    const ThroughputSeries &series() const { return m_series; }
    /// samples() of the series at now.
    QList<qint64> samples() const;

Q_SIGNALS:
    void changed();

private:
    ThroughputSeries m_series;
    QTimer m_tick;
    bool m_dirty = false;
};

} // namespace ms
