#include "keysetsql.h"

#include "columnexpressions.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

bool isSqlServer(const ReaderDialect &dialect)
{
    return dialect.kind == ReaderDialect::Kind::SqlServer;
}

// T-SQL's COUNT(*) is an int, which a table of more than 2^31 rows overflows.
QString countFunction(const ReaderDialect &dialect)
{
    return isSqlServer(dialect) ? u"COUNT_BIG(*)"_s : u"COUNT(*)"_s;
}

QStringList keyColumns(const PageQuery &query)
{
    return query.keyColumns.isEmpty() ? QStringList{QString::fromUtf16(kRowIdColumn)}
                                      : query.keyColumns;
}

QString orderBy(const PageQuery &query, const ReaderDialect &dialect)
{
    QStringList parts;
    for (const QString &column : orderColumns(query))
        parts.append(quotedName(column, dialect) + orderDirection(query.order, dialect));
    return parts.join(u", "_s);
}

// Appends the filters' conditions; empty texts filter nothing. ILIKE on PostgreSQL: SQLite's
// LIKE ignores the case of ASCII letters, and people expect the same on every target (SQL
// Server's LIKE follows the column's collation, case-insensitive on a default installation).
void appendFilters(const PageQuery &query, const ReaderDialect &dialect, QStringList &where,
                   QVariantList &binds)
{
    for (const ColumnFilter &filter : query.filters) {
        if (filter.text.isEmpty())
            continue;
        const QString column = filterExpression(query.columns.at(filter.column), dialect);
        if (filter.text.startsWith(u'=')) {
            where.append(column + u" = ?"_s);
            binds.append(filter.text.mid(1));
        } else {
            const bool postgres = dialect.kind == ReaderDialect::Kind::Postgres;
            where.append(column + (postgres ? u" ILIKE"_s : u" LIKE"_s) + u" ? ESCAPE '\\'"_s);
            binds.append(containsPattern(filter.text, dialect));
        }
    }
}

// The rows whose key comes after the values in the order (at or after when inclusive). Key
// columns are never NULL. Where row values exist: (k1, k2) > (?, ?); T-SQL has none, so there
// k1 > ? OR (k1 = ? AND k2 > ?), each value bound again where it is used.
SqlText keyComparison(const QStringList &keys, const QVariantList &values, bool ascending,
                      bool inclusive, const ReaderDialect &dialect)
{
    const QString strict = ascending ? u">"_s : u"<"_s;
    const QString last = inclusive ? strict + u'=' : strict;
    SqlText out;
    if (!isSqlServer(dialect)) {
        QStringList names, marks;
        for (const QString &key : keys) {
            names.append(quotedName(key, dialect));
            marks.append(keyPlaceholder(key, dialect));
        }
        out.sql = u"(%1) %2 (%3)"_s.arg(names.join(u", "_s), last, marks.join(u", "_s));
        out.binds = values;
        return out;
    }
    QStringList terms;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QStringList parts;
        for (qsizetype j = 0; j <= i; ++j) {
            const QString op = j < i ? u"="_s : (i + 1 == keys.size() ? last : strict);
            parts.append(u"%1 %2 %3"_s.arg(quotedName(keys.at(j), dialect), op,
                                           keyPlaceholder(keys.at(j), dialect)));
            out.binds.append(values.at(j));
        }
        terms.append(parts.size() > 1 ? u'(' + parts.join(u" AND "_s) + u')' : parts.first());
    }
    out.sql = u'(' + terms.join(u" OR "_s) + u')';
    return out;
}

// The rows after (or at) the key in the query's order. NULL sorts first ascending and last
// descending on every target (orderDirection); a comparison with NULL is never true, so NULLs
// are spelled out.
void appendKeyset(const PageQuery &query, const PageStart &start, const ReaderDialect &dialect,
                  QStringList &where, QVariantList &binds)
{
    const bool ascending = query.order == Qt::AscendingOrder;
    const bool inclusive = start.kind == PageStart::Kind::AtOrAfter;
    const QStringList keys = keyColumns(query);
    if (start.key.size() != orderColumns(query).size())
        throw clientError(
            QCoreApplication::translate("ms::KeysetSql", "The page key does not fit the order."));
    if (query.sortColumn < 0) {
        const SqlText keyset = keyComparison(keys, start.key, ascending, inclusive, dialect);
        where.append(keyset.sql);
        binds.append(keyset.binds);
        return;
    }
    const QString &sortColumn = query.columns.at(query.sortColumn);
    const QString sort = quotedName(sortColumn, dialect);
    const QString mark = keyPlaceholder(sortColumn, dialect);
    const QVariant &value = start.key.first();
    const SqlText tuple = keyComparison(keys, start.key.mid(1), ascending, inclusive, dialect);
    if (value.isNull()) {
        where.append(ascending ? u"(%1 IS NOT NULL OR (%1 IS NULL AND %2))"_s.arg(sort, tuple.sql)
                               : u"(%1 IS NULL AND %2)"_s.arg(sort, tuple.sql));
        binds.append(tuple.binds);
        return;
    }
    where.append(ascending
                     ? u"(%1 > %3 OR (%1 = %3 AND %2))"_s.arg(sort, tuple.sql, mark)
                     : u"(%1 < %3 OR %1 IS NULL OR (%1 = %3 AND %2))"_s.arg(sort, tuple.sql, mark));
    binds.append(value);
    binds.append(value);
    binds.append(tuple.binds);
}

QString whereClause(const QStringList &where)
{
    return where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);
}

} // namespace

void validatePageQuery(const PageQuery &query, const ReaderDialect &dialect)
{
    const auto fail = [](const char *text, const QString &arg) {
        throw clientError(QCoreApplication::translate("ms::KeysetSql", text).arg(arg));
    };
    if (!isValidSqlIdentifier(query.table))
        fail("The table name %1 is not a valid identifier.", query.table);
    if (query.columns.isEmpty())
        fail("The table %1 has no columns to show.", query.table);
    for (const QString &column : query.columns + query.keyColumns) {
        if (!isValidSqlIdentifier(column))
            fail("The column name %1 is not a valid identifier.", column);
    }
    if (query.sortColumn >= query.columns.size())
        fail("There is no column %1 to sort by.", QString::number(query.sortColumn));
    for (const ColumnFilter &filter : query.filters) {
        if (filter.column < 0 || filter.column >= query.columns.size())
            fail("There is no column %1 to filter.", QString::number(filter.column));
    }
    // SQLite falls back to the rowid; a server's table has no stable row order without a key.
    if (dialect.kind != ReaderDialect::Kind::Sqlite && query.keyColumns.isEmpty())
        fail("The table %1 has no primary key to page by.", query.table);
}

void validatePageQuery(const PageQuery &query)
{
    validatePageQuery(query, {});
}

QStringList orderColumns(const PageQuery &query)
{
    QStringList columns;
    if (query.sortColumn >= 0)
        columns.append(query.columns.at(query.sortColumn));
    columns.append(keyColumns(query));
    return columns;
}

SqlText pageSql(const PageQuery &query, const PageStart &start, int limit,
                const ReaderDialect &dialect)
{
    validatePageQuery(query, dialect);
    // Aliased: ORDER BY "score" would otherwise be ambiguous between the value and its key.
    QStringList select;
    for (const QString &column : query.columns)
        select.append(u"%1 AS ms_c%2"_s.arg(valueExpression(column, dialect)).arg(select.size()));
    for (const QString &column : orderColumns(query))
        select.append(u"%1 AS ms_c%2"_s.arg(keyExpression(column, dialect)).arg(select.size()));
    const bool offset = start.kind == PageStart::Kind::Offset;
    const bool top = isSqlServer(dialect) && !offset;
    SqlText out;
    // T-SQL: TOP (?) comes first in the text, and so first among the binds.
    if (top)
        out.binds.append(qlonglong(limit));
    QStringList where;
    appendFilters(query, dialect, where, out.binds);
    if (start.kind == PageStart::Kind::After || start.kind == PageStart::Kind::AtOrAfter)
        appendKeyset(query, start, dialect, where, out.binds);
    out.sql = u"SELECT %1%2 FROM %3%4 ORDER BY %5"_s.arg(
        top ? u"TOP (?) "_s : QString(), select.join(u", "_s), tableReference(query.table, dialect),
        whereClause(where), orderBy(query, dialect));
    if (isSqlServer(dialect)) {
        if (offset) {
            out.sql += u" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY"_s;
            out.binds.append(qlonglong(start.offset));
            out.binds.append(qlonglong(limit));
        }
        return out;
    }
    out.sql += u" LIMIT ?"_s;
    out.binds.append(qlonglong(limit));
    if (offset) {
        out.sql += u" OFFSET ?"_s;
        out.binds.append(qlonglong(start.offset));
    }
    return out;
}

SqlText countSql(const PageQuery &query, const ReaderDialect &dialect)
{
    validatePageQuery(query, dialect);
    SqlText out;
    QStringList where;
    appendFilters(query, dialect, where, out.binds);
    out.sql = u"SELECT %1 FROM %2%3"_s.arg(
        countFunction(dialect), tableReference(query.table, dialect), whereClause(where));
    return out;
}

SqlText boundarySql(const PageQuery &query, int pageSize, const ReaderDialect &dialect)
{
    validatePageQuery(query, dialect);
    QStringList inner, outer;
    const QStringList order = orderColumns(query);
    for (qsizetype i = 0; i < order.size(); ++i) {
        inner.append(u"%1 AS ms_k%2"_s.arg(keyExpression(order.at(i), dialect)).arg(i));
        outer.append(u"ms_k%1"_s.arg(i));
    }
    SqlText out;
    QStringList where;
    appendFilters(query, dialect, where, out.binds);
    // The derived table's alias: PostgreSQL before 16 requires one.
    out.sql = u"SELECT %1 FROM (SELECT %2, row_number() OVER (ORDER BY %3) AS ms_rn FROM %4%5) "
              u"AS ms_b WHERE (ms_rn - 1) % ? = 0 ORDER BY ms_rn"_s.arg(
                  outer.join(u", "_s), inner.join(u", "_s), orderBy(query, dialect),
                  tableReference(query.table, dialect), whereClause(where));
    out.binds.append(qlonglong(pageSize));
    return out;
}

SqlText rowCountSql(const QString &table, const ReaderDialect &dialect)
{
    if (!isValidSqlIdentifier(table))
        throw clientError(QCoreApplication::translate(
                              "ms::KeysetSql", "The table name %1 is not a valid identifier.")
                              .arg(table));
    return {u"SELECT %1 FROM %2"_s.arg(countFunction(dialect), tableReference(table, dialect)), {}};
}

} // namespace ms
