#pragma once

#include "benchdata.h"

namespace ms::bench {

struct Measurement
{
    QString name;
    qint64 rows = 0;
    qint64 bytes = 0; ///< what MB/s is computed over
    double seconds = 0;
    double rowsPerSecond() const { return seconds > 0 ? rows / seconds : 0; }
    double megabytesPerSecond() const { return seconds > 0 ? bytes / seconds / 1e6 : 0; }
};

/// (a) The physical limit: the rows inserted with the sqlite3 C API into tables with the
/// mirror's own DDL (read from `ddlSource`, a mirror file the store created), with the store's
/// pragmas, one prepared statement per table, one transaction. The values are converted to
/// their storage class before the clock starts: only the inserts are timed.
Measurement measureRawInsert(const BenchData &data, const QString &ddlSource,
                             const QString &targetPath);

} // namespace ms::bench
