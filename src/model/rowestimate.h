#pragma once

#include <QString>

namespace ms {

class ReaderConnection;

/// The table's rows as the mirror's database guesses them without reading the table (a lookup,
/// never a scan): SQLite's largest rowid, an upper bound once rows were deleted; PostgreSQL's
/// pg_class.reltuples as of the last ANALYZE. -1 when there is no guess (an invalid name, a
/// table never analyzed, a WITHOUT ROWID table, another target). On the connection's thread.
qint64 estimatedRows(const ReaderConnection &db, const QString &table);

} // namespace ms
