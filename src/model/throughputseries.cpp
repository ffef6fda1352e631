#include "throughputseries.h"

#include <algorithm>

namespace ms {
namespace {

qsizetype slot(qint64 second)
{
    return qsizetype(second % ThroughputSeries::Seconds);
}

} // namespace

void ThroughputSeries::advanceTo(qint64 second)
{
    if (m_newestSecond == 0 || second - m_newestSecond >= Seconds) {
        m_buckets.fill(0);
    } else {
        for (qint64 s = m_newestSecond + 1; s <= second; ++s)
            m_buckets[slot(s)] = 0;
    }
    m_newestSecond = second;
}

void ThroughputSeries::add(const QDateTime &time, qint64 rows)
{
    if (!time.isValid() || rows == 0)
        return;
    const qint64 second = time.toSecsSinceEpoch();
    if (second <= 0)
        return;
    if (m_newestSecond == 0 || second > m_newestSecond)
        advanceTo(second);
    else if (second <= m_newestSecond - Seconds)
        return;
    m_buckets[slot(second)] += rows;
}

QList<qint64> ThroughputSeries::samples(const QDateTime &now) const
{
    const qint64 last = now.toSecsSinceEpoch();
    QList<qint64> out;
    out.reserve(Seconds);
    for (qint64 second = last - Seconds + 1; second <= last; ++second) {
        const bool held = m_newestSecond != 0 && second <= m_newestSecond &&
                          second > m_newestSecond - Seconds && second > 0;
        out.append(held ? m_buckets.at(slot(second)) : 0);
    }
    return out;
}

qint64 ThroughputSeries::peak(const QDateTime &now) const
{
    const QList<qint64> values = samples(now);
    return *std::max_element(values.cbegin(), values.cend());
}

qint64 ThroughputSeries::total(const QDateTime &now) const
{
    qint64 sum = 0;
    for (const qint64 value : samples(now))
        sum += value;
    return sum;
}

} // namespace ms
