#pragma once

#include "service/common/protocoltypes.h"

namespace ms {

class SqlMetadata;
class SqlSession;

/// PROTOCOL.md TableSchema on a SQL server whose DDL is transactional (PostgreSQL): validates
/// everything, then drops, creates, alters or recreates tables in one transaction. A column
/// added in the middle rebuilds the table (new table, rows copied, old one dropped, renamed), so
/// the schema's column order holds and rows and LSN are kept. Same thread rules as the session.
class SqlSchemaApplier final
{
    Q_DISABLE_COPY_MOVE(SqlSchemaApplier)
public:
    SqlSchemaApplier(SqlSession &session, SqlMetadata &metadata, QString tenant);
    /// All-or-nothing: a refusal (Client) or a failure (Server) leaves the mirror as it was.
    QList<TableState> apply(const QList<TableSchema> &tables);

private:
    void checkNames(const QList<TableSchema> &tables) const;
    void refuseUnmanagedTables(const QList<TableSchema> &tables);
    void dropTablesNotIn(const QList<TableSchema> &tables);
    TableState applyTable(const TableSchema &table);
    void create(const TableSchema &table);
    void rebuild(const TableSchema &table, const QList<qsizetype> &added);
    QString unusedTableName(const QString &stem);

    SqlSession &m_session;
    SqlMetadata &m_metadata;
    QString m_tenant;
};

} // namespace ms
