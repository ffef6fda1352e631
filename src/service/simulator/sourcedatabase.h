#pragma once

#include "changeset.h"
#include "simsqlite.h"

#include "service/common/protocoltypes.h"
#include "service/soap/wirerowvalues.h"

#include <QHash>
#include <QVariant>

#include <functional>
#include <optional>

namespace ms {

/// A row as the task reads it from the source: storage-class values in schema column order.
struct SourceRow
{
    RowOperation operation = RowOperation::Insert;
    std::optional<qint64> lsn;
    QList<QVariant> values;
};

/// A row as the task sends it: each value already in its wire text (see wirevalue.h).
struct SourceWireRow
{
    RowOperation operation = RowOperation::Insert;
    std::optional<qint64> lsn;
    WireRowValues values;
};

/// The simulated SuperOffice database: a SQLite file holding the CRM tables, their SQL Server
/// schema (table ms_schema), and a change log (ms_changes) that triggers fill with an increasing
/// LSN for every insert, update and delete while tracking is on. Changes older than the change
/// window are pruned, which makes mirrors that are further behind start over.
/// One thread at a time; owns its connection.
class SourceDatabase final
{
public:
    static constexpr int changeWindowDays = 7;

    /// Opens or creates the file; throws ms::Error.
    explicit SourceDatabase(const QString &path);
    Q_DISABLE_COPY_MOVE(SourceDatabase)

    sim::SqliteConnection &connection() { return m_db; }
    const QString &path() const { return m_db.path(); }

    QList<TableSchema> tables();
    TableSchema table(const QString &name);
    bool hasTable(const QString &name);
    /// Creates the SQLite table (affinities from the SQL Server types), its schema rows and its
    /// change triggers.
    void createTable(const TableSchema &schema);
    void dropTable(const QString &name);
    /// A nullable column (or one with a constant default) appended; rows get NULL / the default.
    void addColumn(const QString &table, const ColumnSchema &column, const QVariant &fill = {});
    /// Replaces a table's schema, keeping rows: `convert` maps each old row to the new columns.
    /// Rewriting is not a change of the rows, so it is not logged.
    void rebuildTable(const TableSchema &schema,
                      const std::function<QList<QVariant>(const QList<QVariant> &)> &convert);

    void setTracking(bool enabled);
    qint64 currentLsn();
    /// Every change after this LSN is still in the log; a mirror older than this must start over.
    qint64 oldestValidLsn();
    /// Drops log entries older than the change window (SQL Server's auto-cleanup).
    void pruneChangeLog(qint64 nowSecsSinceEpoch);
    /// Moves every logged change `seconds` into the past (a scenario's "the endpoint was down").
    void ageChangeLog(qint64 seconds);

    void insertRow(const QString &table, const QList<QVariant> &values);
    /// Sets the non-key columns of the row with the key in `values`.
    void updateRow(const QString &table, const QList<QVariant> &values);
    void deleteRow(const QString &table, const QList<QVariant> &keyValues);
    qint64 rowCount(const QString &table);
    /// The `index`th row in key order (0-based), or nullopt.
    std::optional<QList<QVariant>> rowAt(const QString &table, qint64 index);
    std::optional<QList<QVariant>> rowByKeyJson(const QString &table, const QString &keyJson);

    /// Every row in key order as an Insert with the LSN of its last logged change (or nil).
    void forEachRow(const QString &table, const std::function<void(const SourceRow &)> &visit);
    /// The same rows with each value read straight into its wire text (no QVariant, no QString
    /// per value: the cycle's hot path). The row passed to visit is reused for the next, and its
    /// texts are views of SQLite's row: valid only during visit.
    void forEachWireRow(const QString &table,
                        const std::function<void(const SourceWireRow &)> &visit);
    /// The changes after `afterLsn` as sent (see changeset.h).
    QList<SourceRow> changesAfter(const TableSchema &table, qint64 afterLsn);

    /// Copies the whole source into a new file at `path` (a backup).
    void snapshotTo(const QString &path);
    /// Replaces the whole source with the snapshot at `path` (a restore from backup).
    void restoreFrom(const QString &path);

    void begin() { m_db.exec(QStringLiteral("BEGIN")); }
    void commit() { m_db.exec(QStringLiteral("COMMIT")); }

private:
    void createTriggers(const TableSchema &schema);
    QString keyJsonExpression(const TableSchema &schema, const QString &prefix) const;
    void writeSchemaRows(const TableSchema &schema);
    /// Each row of the table in key order: the statement positioned on it (its columns from 0
    /// in schema order) and the LSN of the row's last logged change.
    void scanInKeyOrder(
        const QString &table,
        const std::function<void(const sim::SqliteStatement &, std::optional<qint64>)> &visit);
    sim::SqliteConnection m_db;
    QHash<QString, TableSchema> m_schemas; // ms_schema as read; dropped whenever it is written
};

} // namespace ms
