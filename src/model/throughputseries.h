#pragma once

#include <QDateTime>
#include <QList>

namespace ms {

/// Rows received per second over the last Seconds seconds. A plain value, one thread at a time.
class ThroughputSeries final
{
public:
    static constexpr int Seconds = 120;

    /// Adds rows in the second of time (UTC); older than the window is ignored.
    void add(const QDateTime &time, qint64 rows);
    /// Seconds values, oldest first, the last one being the second of now.
    QList<qint64> samples(const QDateTime &now) const;
    /// The largest value of samples(now).
    qint64 peak(const QDateTime &now) const;
    /// Sum of samples(now).
    qint64 total(const QDateTime &now) const;

private:
    qint64 m_newestSecond = 0; ///< seconds since epoch of m_buckets' newest slot; 0 = empty
    QList<qint64> m_buckets = QList<qint64>(Seconds, 0); ///< ring indexed by second % Seconds
    void advanceTo(qint64 second);
};

} // namespace ms
