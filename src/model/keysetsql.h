#pragma once

#include "readertypes.h"

// SQL text for reading a mirrored table in pages by key (never OFFSET deep into a table, except
// as PageStart::Offset's explicit fallback). Identifiers are validated and quoted; every value
// is a bound parameter, in the order of SqlText::binds.
namespace ms {

struct SqlText
{
    QString sql;
    QVariantList binds;
};

/// Throws ms::Error(Client) for an invalid identifier or a filter/sort column out of range.
void validatePageQuery(const PageQuery &query);
/// The order: the sort column (if any), then the key (or the rowid).
QStringList orderColumns(const PageQuery &query);
/// SELECT columns..., order columns... : rows come with their order key after the values.
SqlText pageSql(const PageQuery &query, const PageStart &start, int limit);
SqlText countSql(const PageQuery &query);
/// The order key of rows 0, pageSize, 2*pageSize... in order.
SqlText boundarySql(const PageQuery &query, int pageSize);

} // namespace ms
