#pragma once

#include <QString>

namespace ms {

/// Writes a new demo source database (see SourceDatabase) with about `totalRows` rows spread
/// over the demo tables like a CRM's (many appointments and persons, few countries). The same
/// seed gives the same file content. Most rows predate change tracking (no LSN); the newest
/// ones were inserted with tracking on. Any thread; throws ms::Error.
class DemoSourceGenerator final
{
public:
    explicit DemoSourceGenerator(quint64 seed = 20240131) : m_seed(seed) {}

    /// Replaces any file at `path`.
    void generate(const QString &path, qint64 totalRows) const;

private:
    quint64 m_seed;
};

} // namespace ms
