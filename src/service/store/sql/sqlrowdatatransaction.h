#pragma once

#include "sqlbulkwriter.h"
#include "sqlmetadata.h"
#include "sqlsession.h"

#include "service/store/mirrorstore.h"
#include "service/store/sqlservertype.h"

#include <QHash>
#include <QSet>
#include <QThread>

#include <memory>
#include <unordered_map>

namespace ms {

/// One RowData call on a SQL server mirror, inside one transaction (BEGIN at construction).
/// Rows are gathered into multi-row statements (upserts, deletes) of up to ~1000 rows within the
/// server's limit of bound values; a change of operation, or a key seen again, sends what is
/// gathered first, so that rows apply in order. Lives on the thread that made it: every call
/// must come from that thread (QSqlDatabase connections are per thread). The context must
/// outlive it.
class SqlRowDataTransaction final : public RowDataTransaction
{
    Q_DISABLE_COPY_MOVE(SqlRowDataTransaction)
public:
    SqlRowDataTransaction(SqlServerContext &context, const QString &database, QString tenant);
    ~SqlRowDataTransaction() override;

    void beginBatch(const QString &tableName, const QStringList &columns) override;
    void row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values) override;
    void endBatch(std::optional<qint64> batchLsn) override;
    QList<TableCounts> commit() override;

private:
    struct TableInfo
    {
        QString name;
        TableSchema schema;
        QList<SqlServerType> types; ///< parallel to schema.columns
        qsizetype counts = -1;      ///< index into m_counts
    };
    struct Batch
    {
        const TableInfo *table = nullptr;
        QStringList columns;
        QList<SqlServerType> types;    ///< per batch column
        QList<bool> notNull;           ///< per batch column
        QList<qsizetype> keyPositions; ///< batch column of each key column, in key order
    };
    enum class Pending { None, Upsert, Delete };

    void checkUsable() const;
    template <typename Work> void guarded(Work &&work);
    TableInfo &tableInfo(const QString &tableName);
    Batch makeBatch(const TableInfo &table, const QStringList &columns) const;
    void addUpsert(const QList<CellValue> &values);
    void addDelete(const QList<CellValue> &values);
    void append(Pending kind, const QVariantList &rowValues, const QString &key);
    void flush();
    /// The Client error for a statement of rows the server refused, naming the row if it can.
    /// Rolls the call's transaction back.
    Error refusedRow(bool upsert, qint64 first, int rows, const QVariantList &values,
                     const Error &failure);
    QVariant bound(qsizetype column, const CellValue &value) const;
    [[noreturn]] void refuseRow(const QString &why) const;

    SqlServerContext &m_context;
    QString m_tenant;
    QThread *m_thread;
    SqlSession m_session;
    SqlMetadata m_metadata;
    std::unique_ptr<SqlTransaction> m_transaction;
    std::unique_ptr<SqlBulkWriter> m_bulk; ///< null: multi-row statements only
    std::unordered_map<QString, std::unique_ptr<TableInfo>> m_tables;
    QHash<QString, QSqlQuery> m_statements; ///< by kind, table, columns and row count
    std::optional<Batch> m_batch;           ///< the open batch; none between batches
    bool m_batchHasColumns = false;
    qint64 m_rowNumber = 0; ///< 1-based, within the open batch
    QList<TableCounts> m_counts;

    Pending m_pendingKind = Pending::None;
    QVariantList m_pendingValues;
    int m_pendingRows = 0;
    int m_maxPendingRows = 0;
    qint64 m_pendingFirstRow = 0;
    QSet<QString> m_pendingKeys;

    bool m_failed = false;
    bool m_committed = false;
};

} // namespace ms
