#pragma once

#include "readerdialect.h"

#include <QtCore/qnamespace.h>

// How a name, a column's value, its order key and its filter text are spelled in the readers'
// SQL on each target. Names must have passed isValidSqlIdentifier (keysetsql validates them);
// they are quoted all the same, with the target's own escaping.
namespace ms {

/// SQLite's rowid, the order of a table without a key (SQLite only).
inline constexpr char16_t kRowIdColumn[] = u"_rowid_";

/// "name" on SQLite and PostgreSQL, [name] on SQL Server (a ] doubled); the rowid as is.
QString quotedName(const QString &name, const ReaderDialect &dialect);
/// The table as the readers name it: [dbo].[table] on SQL Server, where the store makes every
/// table (a login's default schema may be another); "table" elsewhere (PostgreSQL's search_path
/// is the tenant's schema).
QString tableReference(const QString &table, const ReaderDialect &dialect);
/// The expression a cell is read through: the protocol's text form for dates and times, 0/1 for
/// booleans, exact text for numeric, decimal and money.
QString valueExpression(const QString &column, const ReaderDialect &dialect);
/// The expression an order key is read through: a value that binds back to the same value.
QString keyExpression(const QString &column, const ReaderDialect &dialect);
/// What a filter matches: the text the cell shows.
QString filterExpression(const QString &column, const ReaderDialect &dialect);
/// The placeholder a key value of the column is compared with: "?", or on SQL Server for a
/// char/varchar column CAST(? AS varchar(8000)), so that the comparison uses the column's own
/// (non-Unicode) sort order, as its ORDER BY does, and not that of the nvarchar QODBC binds.
QString keyPlaceholder(const QString &column, const ReaderDialect &dialect);
/// " ASC" / " DESC", with NULLs first ascending and last descending on every target.
QString orderDirection(Qt::SortOrder order, const ReaderDialect &dialect);
/// The LIKE text matching values that contain text: % _ \ escaped with \, and on SQL Server [
/// too (a character class there).
QString containsPattern(const QString &text, const ReaderDialect &dialect);

} // namespace ms
