#pragma once

#include "mirrorstore.h"
#include "sqliteconnection.h"
#include "sqlitestatement.h"
#include "sqlitevaluebinder.h"

#include <QHash>

#include <memory>
#include <unordered_map>

namespace ms {

class SqliteMetadata;

/// One RowData call on a SQLite mirror, inside one write transaction (BEGIN IMMEDIATE at
/// construction). Same thread rules as the connection and metadata, which must outlive it.
class SqliteRowDataTransaction final : public RowDataTransaction
{
    Q_DISABLE_COPY_MOVE(SqliteRowDataTransaction)
public:
    SqliteRowDataTransaction(SqliteConnection &connection, SqliteMetadata &metadata);
    ~SqliteRowDataTransaction() override;

    void beginBatch(const QString &tableName, const QStringList &columns) override;
    void row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values) override;
    bool takesUtf8Values() const override { return true; }
    void rowUtf8(RowOperation op, std::optional<qint64> lsn,
                 const QList<Utf8CellValue> &values) override;
    void endBatch(std::optional<qint64> batchLsn) override;
    QList<TableCounts> commit() override;

private:
    struct TableInfo;
    struct BatchStatements;

    void checkUsable() const;
    TableInfo &tableInfo(const QString &tableName);
    std::unique_ptr<BatchStatements> prepareBatch(const TableInfo &table,
                                                  const QStringList &columns);
    // Value: CellValue or Utf8CellValue.
    template <typename Value> void applyRow(RowOperation op, const QList<Value> &values);
    template <typename Value> void applyUpsert(const QList<Value> &values);
    template <typename Value> void applyDelete(const QList<Value> &values);
    [[noreturn]] void refuseValue(qsizetype column, const QString &text) const;
    [[noreturn]] void refuseRow(const QString &why) const;

    SqliteConnection &m_connection;
    SqliteMetadata &m_metadata;
    SqliteTransaction m_transaction;
    std::unordered_map<QString, std::unique_ptr<TableInfo>> m_tables;
    /// Keyed by table and column list: the statements are reused by every batch of that shape.
    std::unordered_map<QString, std::unique_ptr<BatchStatements>> m_statements;
    const TableInfo *m_batchTable = nullptr; ///< the open batch's table; null between batches
    BatchStatements *m_batch = nullptr;      ///< null in a batch without columns (no rows allowed)
    qsizetype m_batchCounts = -1;            ///< index into m_counts of the open batch's table
    qint64 m_rowNumber = 0;                  ///< 1-based, within the open batch
    QList<TableCounts> m_counts;
    std::optional<SqliteStatement> m_setLsn;
    bool m_failed = false;
    bool m_committed = false;
};

} // namespace ms
