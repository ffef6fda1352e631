#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>

namespace ms::bench {

/// The event-loop latency of the thread it lives on: a precise timer ticks every IntervalMs and
/// each tick's lateness (wall time since the previous tick beyond the interval) is recorded,
/// with the thread's own CPU time in the same stretch, which tells work on the thread apart
/// from waiting for a core on a busy machine, and the time it waited for a core (Linux
/// /proc/thread-self/schedstat; 0 where that does not exist).
class LatencyMeter final
{
    Q_DISABLE_COPY_MOVE(LatencyMeter)
public:
    static constexpr int IntervalMs = 5;

    struct Summary
    {
        qsizetype ticks = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        /// The most CPU time the thread spent between two ticks (its longest turn of work).
        double maxCpuMs = 0;
        /// The largest lateness left after taking away the time the thread spent runnable but
        /// waiting for a CPU in the same stretch (Linux schedstat): what the code itself costs.
        double maxUnexplainedMs = 0;
        /// All the time the thread waited for a CPU while the meter ran.
        double runQueueWaitMs = 0;
    };

    LatencyMeter();
    void start();
    void stop();
    Summary summary() const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_lastCpuNs = 0;
    qint64 m_lastWaitNs = 0;
    qint64 m_firstWaitNs = 0;
    QList<double> m_latenessMs;
    double m_maxCpuMs = 0;
    double m_maxUnexplainedMs = 0;
};

} // namespace ms::bench
