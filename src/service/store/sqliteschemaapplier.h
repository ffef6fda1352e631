#pragma once

#include "service/common/protocoltypes.h"

namespace ms {

class SqliteConnection;
class SqliteMetadata;

/// PROTOCOL.md TableSchema for one SQLite mirror: validates everything, then drops, creates,
/// alters or recreates tables in one transaction. Same thread rules as the connection.
class SqliteSchemaApplier final
{
    Q_DISABLE_COPY_MOVE(SqliteSchemaApplier)
public:
    SqliteSchemaApplier(SqliteConnection &connection, SqliteMetadata &metadata);
    /// All-or-nothing: a refusal (Client) or a failure (Server) leaves the file as it was.
    QList<TableState> apply(const QList<TableSchema> &tables);

private:
    void refuseUnmanagedTables(const QList<TableSchema> &tables);
    void dropTablesNotIn(const QList<TableSchema> &tables);
    TableState applyTable(const TableSchema &table);
    void create(const TableSchema &table);
    void alter(const TableSchema &table, const QList<qsizetype> &added, bool appendedOnly);
    void rebuild(const TableSchema &table, const QList<qsizetype> &added);

    SqliteConnection &m_connection;
    SqliteMetadata &m_metadata;
};

} // namespace ms
