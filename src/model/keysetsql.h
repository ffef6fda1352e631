#pragma once

#include "readertypes.h"

#include <QHash>

// SQL text for reading a mirrored table in pages by key (never OFFSET deep into a table, except
// as PageStart::Offset's explicit fallback). Identifiers are validated and quoted; every value
// is a bound parameter, in the order of SqlText::binds.
namespace ms {

struct SqlText
{
    QString sql;
    QVariantList binds;
};

/// How the reader's SQL is spelled for the database behind a connection.
struct SqlDialect
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    /// PostgreSQL only: format_type() of the page's table's columns, by name. Picks the
    /// expression that shows a value in the protocol's text form (timestamps with a 'T' and
    /// their own fraction digits, booleans as 0/1, numeric exactly) and the key expression that
    /// comes back as a value that binds back exactly (text rather than a millisecond QDateTime).
    QHash<QString, QString> columnTypes;
};

/// Throws ms::Error(Client) for an invalid identifier or a filter/sort column out of range (and,
/// on PostgreSQL, a table without a primary key).
void validatePageQuery(const PageQuery &query, const SqlDialect &dialect);
void validatePageQuery(const PageQuery &query);
/// The order: the sort column (if any), then the key (or the rowid).
QStringList orderColumns(const PageQuery &query);
/// SELECT columns..., order columns... : rows come with their order key after the values.
SqlText pageSql(const PageQuery &query, const PageStart &start, int limit,
                const SqlDialect &dialect = {});
SqlText countSql(const PageQuery &query, const SqlDialect &dialect = {});
/// The order key of rows 0, pageSize, 2*pageSize... in order.
SqlText boundarySql(const PageQuery &query, int pageSize, const SqlDialect &dialect = {});

} // namespace ms
