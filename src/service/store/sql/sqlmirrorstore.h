#pragma once

#include "service/store/mirrorstore.h"

#include <memory>

namespace ms {

struct SqlServerContext;

/// One tenant's mirror on a SQL server. Not thread-safe: one caller at a time, from any
/// thread; each call uses the calling thread's connection of the shared pool.
class SqlMirrorStore final : public MirrorStore
{
    Q_DISABLE_COPY_MOVE(SqlMirrorStore)
public:
    /// The tenant's container and metadata table must exist (SqlMirrorBackend::open).
    SqlMirrorStore(std::shared_ptr<SqlServerContext> context, QString database, QString tenant);

    QString tenant() const override { return m_tenant; }
    QList<TableState> applySchema(const QList<TableSchema> &tables) override;
    void wipe(const QString &tableName) override;
    std::unique_ptr<RowDataTransaction> beginRowData() override;
    void recordCycleSummary(const QList<TableCounts> &summary) override;
    QList<MirroredTable> tables() override;
    void invalidate(const QStringList &tableNames) override;
    void repopulate(const QStringList &tableNames) override;
    QString location() const override;

private:
    std::shared_ptr<SqlServerContext> m_context;
    QString m_database;
    QString m_tenant;
};

} // namespace ms
