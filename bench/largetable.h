#pragma once

#include "service/common/protocoltypes.h"

#include <QString>

namespace ms::bench {

/// A tenant's SQLite mirror holding LargeTable() with `rows` rows and SmallTable() with a few,
/// made through the store (STRICT tables, metadata rows) and filled through one raw sqlite3
/// transaction: what the window opens when a person browses a big table.
struct LargeMirror
{
    static TableSchema largeTable(); ///< "person": id int key, then 5 mixed columns
    static TableSchema smallTable(); ///< "note": id int key, text
    /// Throws ms::Error.
    static void create(const QString &dataDir, const QString &tenant, qint64 rows);
};

} // namespace ms::bench
