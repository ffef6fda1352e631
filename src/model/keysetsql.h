#pragma once

#include "readerdialect.h"
#include "readertypes.h"

// SQL text for reading a mirrored table in pages by key (never OFFSET deep into a table, except
// as PageStart::Offset's explicit fallback), on SQLite, PostgreSQL and SQL Server (T-SQL: TOP,
// and the key comparison spelt out, as it has no row values). Identifiers are validated and
// quoted; every value is a bound parameter, in the order of SqlText::binds.
namespace ms {

/// Throws ms::Error(Client) for an invalid identifier or a filter/sort column out of range (and,
/// on PostgreSQL and SQL Server, a table without a primary key).
void validatePageQuery(const PageQuery &query, const ReaderDialect &dialect);
void validatePageQuery(const PageQuery &query);
/// The order: the sort column (if any), then the key (or the rowid).
QStringList orderColumns(const PageQuery &query);
/// SELECT columns..., order columns... : rows come with their order key after the values.
SqlText pageSql(const PageQuery &query, const PageStart &start, int limit,
                const ReaderDialect &dialect = {});
SqlText countSql(const PageQuery &query, const ReaderDialect &dialect = {});
/// The order key of rows 0, pageSize, 2*pageSize... in order.
SqlText boundarySql(const PageQuery &query, int pageSize, const ReaderDialect &dialect = {});
/// All rows of a table (the tenant and table lists); throws ms::Error(Client) for an invalid name.
SqlText rowCountSql(const QString &table, const ReaderDialect &dialect = {});

} // namespace ms
