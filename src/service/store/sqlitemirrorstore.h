#pragma once

#include "mirrorstore.h"

#include <memory>

namespace ms {

class SqliteConnection;
class SqliteMetadata;

/// One tenant's mirror in a SQLite file. Not thread-safe: one caller at a time, any thread.
class SqliteMirrorStore final : public MirrorStore
{
    Q_DISABLE_COPY_MOVE(SqliteMirrorStore)
public:
    /// Opens or creates the file and its metadata table. tenant must be a valid tenant id.
    SqliteMirrorStore(QString tenant, const QString &path);
    ~SqliteMirrorStore() override;

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
    /// The named tables (all when empty), each checked to have a metadata row.
    QStringList mirroredTables(const QStringList &tableNames, const QString &operation);
    void deleteAllRows(const QString &tableName);

    QString m_tenant;
    std::unique_ptr<SqliteConnection> m_connection;
    std::unique_ptr<SqliteMetadata> m_metadata;
};

} // namespace ms
