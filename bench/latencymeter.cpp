#include "latencymeter.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace ms::bench {

namespace {
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

/// Nanoseconds this thread has spent runnable but waiting for a CPU (schedstat's 2nd field).
qint64 runQueueWaitNs()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().split(' ').value(1).toLongLong();
}

double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const auto index = qsizetype(std::ceil(p * double(sorted.size()))) - 1;
    return sorted.at(std::clamp<qsizetype>(index, 0, sorted.size() - 1));
}
} // namespace

LatencyMeter::LatencyMeter()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
}

void LatencyMeter::start()
{
    m_latenessMs.clear();
    m_maxCpuMs = 0;
    m_maxUnexplainedMs = 0;
    m_sinceTick.start();
    m_lastCpuNs = threadCpuNs();
    m_lastWaitNs = m_firstWaitNs = runQueueWaitNs();
    m_timer.start();
}

void LatencyMeter::stop()
{
    m_timer.stop();
}

void LatencyMeter::tick()
{
    const double wallMs = double(m_sinceTick.nsecsElapsed()) / 1e6;
    m_sinceTick.start();
    const double lateness = std::max(0.0, wallMs - IntervalMs);
    m_latenessMs.append(lateness);
    const qint64 cpu = threadCpuNs();
    m_maxCpuMs = std::max(m_maxCpuMs, double(cpu - m_lastCpuNs) / 1e6);
    m_lastCpuNs = cpu;
    const qint64 wait = runQueueWaitNs();
    m_maxUnexplainedMs = std::max(m_maxUnexplainedMs, lateness - double(wait - m_lastWaitNs) / 1e6);
    m_lastWaitNs = wait;
}

LatencyMeter::Summary LatencyMeter::summary() const
{
    QList<double> sorted = m_latenessMs;
    std::sort(sorted.begin(), sorted.end());
    Summary s;
    s.ticks = sorted.size();
    s.p50Ms = percentile(sorted, 0.50);
    s.p99Ms = percentile(sorted, 0.99);
    s.maxMs = sorted.isEmpty() ? 0 : sorted.constLast();
    s.maxCpuMs = m_maxCpuMs;
    s.maxUnexplainedMs = std::max(0.0, m_maxUnexplainedMs);
    s.runQueueWaitMs = double(m_lastWaitNs - m_firstWaitNs) / 1e6;
    return s;
}

} // namespace ms::bench
