#include "throughputmonitor.h"

#include <utility>

namespace ms {

ThroughputMonitor::ThroughputMonitor(QObject *parent) : QObject(parent)
{
    // Ticks every second while the window holds rows, so that the chart scrolls down to zero;
    // an idle series stays quiet.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!std::exchange(m_dirty, false) && m_series.total(QDateTime::currentDateTimeUtc()) == 0)
            return;
        Q_EMIT changed();
    });
    m_tick.start();
}

void ThroughputMonitor::noteCall(const CallRecord &call)
{
    if (call.rows <= 0)
        return;
    m_series.add(call.time.isValid() ? call.time : QDateTime::currentDateTimeUtc(), call.rows);
    m_dirty = true;
}

QList<qint64> ThroughputMonitor::samples() const
{
    return m_series.samples(QDateTime::currentDateTimeUtc());
}

} // namespace ms
