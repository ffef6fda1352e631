#pragma once

#include "service/common/protocoltypes.h"

#include <QDateTime>

#include <memory>

namespace ms {

/// One row of a mirror's metadata table.
struct MirroredTable
{
    QString tableName;
    qint64 lsn = -1;
    QString schemaHash;
    TableSchema schema;   ///< empty when the recorded schema text was edited beyond reading
    QDateTime lastChange; ///< UTC: last schema change, wipe or committed RowData touching it
    qint64 lastInserted = 0, lastUpdated = 0, lastDeleted = 0; ///< the last completed cycle's
    bool operator==(const MirroredTable &) const = default;
};

/// Everything of one RowData call. Same thread rules as the MirrorStore it came from, which
/// must outlive it; no other call on that store until it is committed or destroyed.
class RowDataTransaction : public RowDataSink
{
public:
    /// Applies rows as they stream in; commit() makes all batches, rows and LSNs durable at once
    /// and returns per-table counts (lsn = recorded LSN after the call), in order of first
    /// appearance. Destroying it uncommitted, or after a sink call threw, rolls back.
    virtual QList<TableCounts> commit() = 0;
};

/// One tenant's mirror. Not thread-safe: one caller at a time, from any thread.
/// Every method throws ms::Error: Client for a request the mirror refuses, Server for a storage
/// failure; in both cases the mirror is left as it was before the call.
class MirrorStore
{
public:
    virtual ~MirrorStore() = default;
    virtual QString tenant() const = 0;
    /// PROTOCOL.md TableSchema: all-or-nothing; answers one TableState per table, in order.
    virtual QList<TableState> applySchema(const QList<TableSchema> &tables) = 0;
    /// PROTOCOL.md Wipe: delete all rows, keep the schema, LSN -1.
    virtual void wipe(const QString &tableName) = 0;
    virtual std::unique_ptr<RowDataTransaction> beginRowData() = 0;
    /// ReplicationCompleted: remembers the counts as every table's last cycle (absent ones: 0).
    virtual void recordCycleSummary(const QList<TableCounts> &summary) = 0;
    /// The metadata rows, ordered by table name; LSNs read from the database every time.
    virtual QList<MirroredTable> tables() = 0;
    /// Empty = all: LSN -1 and delete all rows (the next cycle sends everything).
    virtual void invalidate(const QStringList &tableNames) = 0;
    /// Empty = all: the documented hard reset (drop the table and its metadata row).
    virtual void repopulate(const QStringList &tableNames) = 0;
    /// File path (SQLite) or a connection description.
    virtual QString location() const = 0;
};

} // namespace ms
