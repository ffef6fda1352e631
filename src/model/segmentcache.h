#pragma once

#include <QtGlobal>

#include <map>
#include <optional>
#include <vector>

namespace ms {

/// A sparse cache of rows by row number, held in fixed-size segments (pages) so that a big
/// table keeps only the parts near what was looked at. Not thread-safe: one owner thread.
template <typename T> class SegmentCache final
{
public:
    /// segmentSize rows per segment; at most maxSegments kept (the least recently used go).
    explicit SegmentCache(int segmentSize = 200, int maxSegments = 64)
        : m_segmentSize(segmentSize), m_maxSegments(maxSegments)
    {}

    int segmentSize() const { return m_segmentSize; }
    qint64 segmentOf(qint64 row) const { return row / m_segmentSize; }

    bool contains(qint64 row) const { return find(row) != nullptr; }
    bool hasSegment(qint64 segment) const { return m_segments.count(segment) != 0; }
    /// nullptr when the row is not loaded; valid until the next non-const call.
    const T *find(qint64 row) const
    {
        const auto it = m_segments.find(segmentOf(row));
        if (it == m_segments.end())
            return nullptr;
        const qint64 at = row - it->first * m_segmentSize;
        return at < qint64(it->second.rows.size()) ? &it->second.rows[size_t(at)] : nullptr;
    }
    /// Marks the segment as recently used (call it on reads the view makes).
    void touch(qint64 segment)
    {
        const auto it = m_segments.find(segment);
        if (it != m_segments.end())
            it->second.lastUse = ++m_clock;
    }
    /// Stores the rows of a segment (fewer than segmentSize at the end of the data) and evicts
    /// the least recently used segments beyond maxSegments. Returns the evicted segments.
    std::vector<qint64> insert(qint64 segment, std::vector<T> rows)
    {
        m_segments[segment] = Segment{std::move(rows), ++m_clock};
        std::vector<qint64> evicted;
        while (int(m_segments.size()) > m_maxSegments) {
            auto oldest = m_segments.begin();
            for (auto it = m_segments.begin(); it != m_segments.end(); ++it) {
                if (it->second.lastUse < oldest->second.lastUse)
                    oldest = it;
            }
            evicted.push_back(oldest->first);
            m_segments.erase(oldest);
        }
        return evicted;
    }
    void clear() { m_segments.clear(); }
    int segmentCount() const { return int(m_segments.size()); }
    /// Rows held in all segments.
    qint64 rowCount() const
    {
        qint64 n = 0;
        for (const auto &[index, segment] : m_segments)
            n += qint64(segment.rows.size());
        return n;
    }

private:
    struct Segment
    {
        std::vector<T> rows;
        quint64 lastUse = 0;
    };
    int m_segmentSize;
    int m_maxSegments;
    quint64 m_clock = 0;
    std::map<qint64, Segment> m_segments;
};

} // namespace ms
