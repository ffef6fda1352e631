#pragma once

#include "readerdialect.h"

#include <QStringList>

#include <optional>

// The statements a ReaderConnection runs besides the pages (keysetsql): its session setup, the
// tenant's metadata rows, the tables present and their column types, and the guard around the
// Query pane's text. One function per statement, a branch per target, so that the exact text of
// each is testable without a server. location: PostgreSQL's tenant schema, "dbo" on SQL Server.
namespace ms {

/// Run once after the connection opened (SQLite: none; its guards are in the open options).
QStringList sessionSetupSql(ReaderDialect::Kind kind, const QString &location);
/// tablename, schemahash, lsn, schemajson, lastchange (UTC ISO text), lastinserted,
/// lastupdated, lastdeleted of the tenant's metadata table as the store writes it, ordered by
/// the table name's code points.
SqlText metadataSql(ReaderDialect::Kind kind, const QString &tenant);
/// The names of the tables in location; nullopt on SQLite (QSqlDatabase::tables() answers).
std::optional<SqlText> presentTablesSql(ReaderDialect::Kind kind, const QString &location);
/// Column name and type name of the table in location (the ReaderDialect::columnTypes);
/// nullopt on SQLite, whose cells need no conversion.
std::optional<SqlText> columnTypesSql(ReaderDialect::Kind kind, const QString &location,
                                      const QString &table);
/// Before and after the text typed into the Query pane: empty on SQLite.
QString beginUserStatementSql(ReaderDialect::Kind kind);
QString endUserStatementSql(ReaderDialect::Kind kind);

} // namespace ms
