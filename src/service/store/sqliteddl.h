#pragma once

#include "service/common/protocoltypes.h"

// SQLite DDL for mirrored tables. Identifiers must have passed validateSchemaRequest; they are
// quoted all the same, and defaults are re-written as literals, never copied from the request.
namespace ms {

/// "name" TYPE [NOT NULL] [DEFAULT literal]; key columns are always NOT NULL.
QString sqliteColumnDefinition(const ColumnSchema &column, bool isKey);
/// CREATE TABLE "sqlName" (...) STRICT with the schema's columns in order and its primary key.
QString sqliteCreateTable(const TableSchema &schema, const QString &sqlName);
/// The constant default as an SQLite literal (42, 0.5, 'it''s'), or empty when there is none.
QString sqliteDefaultLiteral(const ColumnSchema &column);

} // namespace ms
