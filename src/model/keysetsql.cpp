#include "keysetsql.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

const QString RowId = u"_rowid_"_s;

QString quoted(const QString &name)
{
    return name == RowId ? name : quoteIdentifier(name);
}

QStringList keyColumns(const PageQuery &query)
{
    return query.keyColumns.isEmpty() ? QStringList{RowId} : query.keyColumns;
}

QString direction(const PageQuery &query)
{
    return query.order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s;
}

QString orderBy(const PageQuery &query)
{
    QStringList parts;
    for (const QString &column : orderColumns(query))
        parts.append(quoted(column) + direction(query));
    return parts.join(u", "_s);
}

QString escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

// Appends the filters' conditions; empty texts filter nothing.
void appendFilters(const PageQuery &query, QStringList &where, QVariantList &binds)
{
    for (const ColumnFilter &filter : query.filters) {
        if (filter.text.isEmpty())
            continue;
        const QString column = quoteIdentifier(query.columns.at(filter.column));
        if (filter.text.startsWith(u'=')) {
            where.append(column + u" = ?"_s);
            binds.append(filter.text.mid(1));
        } else {
            where.append(column + u" LIKE ? ESCAPE '\\'"_s);
            binds.append(QString(u'%' + escapeLike(filter.text) + u'%'));
        }
    }
}

// (k1, k2) op (?, ?): key columns are never NULL.
QString keyTuple(const QStringList &keys, const QString &op)
{
    QStringList names, marks;
    for (const QString &key : keys) {
        names.append(quoted(key));
        marks.append(u"?"_s);
    }
    return u"(%1) %2 (%3)"_s.arg(names.join(u", "_s), op, marks.join(u", "_s));
}

// The rows after (or at) the key in the query's order. SQLite sorts NULL first ascending and
// last descending; a row-value comparison with NULL is never true, so NULLs are spelled out.
void appendKeyset(const PageQuery &query, const PageStart &start, QStringList &where,
                  QVariantList &binds)
{
    const bool ascending = query.order == Qt::AscendingOrder;
    const bool inclusive = start.kind == PageStart::Kind::AtOrAfter;
    const QString op = ascending ? (inclusive ? u">="_s : u">"_s) : (inclusive ? u"<="_s : u"<"_s);
    const QStringList keys = keyColumns(query);
    if (start.key.size() != orderColumns(query).size())
        throw clientError(
            QCoreApplication::translate("ms::KeysetSql", "The page key does not fit the order."));
    if (query.sortColumn < 0) {
        where.append(keyTuple(keys, op));
        binds.append(start.key);
        return;
    }
    const QString sort = quoteIdentifier(query.columns.at(query.sortColumn));
    const QVariant &value = start.key.first();
    const QVariantList keyValues = start.key.mid(1);
    const QString tuple = keyTuple(keys, op);
    if (value.isNull()) {
        where.append(ascending ? u"(%1 IS NOT NULL OR (%1 IS NULL AND %2))"_s.arg(sort, tuple)
                               : u"(%1 IS NULL AND %2)"_s.arg(sort, tuple));
        binds.append(keyValues);
        return;
    }
    where.append(ascending ? u"(%1 > ? OR (%1 = ? AND %2))"_s.arg(sort, tuple)
                           : u"(%1 < ? OR %1 IS NULL OR (%1 = ? AND %2))"_s.arg(sort, tuple));
    binds.append(value);
    binds.append(value);
    binds.append(keyValues);
}

QString whereClause(const QStringList &where)
{
    return where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);
}

} // namespace

void validatePageQuery(const PageQuery &query)
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
}

QStringList orderColumns(const PageQuery &query)
{
    QStringList columns;
    if (query.sortColumn >= 0)
        columns.append(query.columns.at(query.sortColumn));
    columns.append(keyColumns(query));
    return columns;
}

SqlText pageSql(const PageQuery &query, const PageStart &start, int limit)
{
    validatePageQuery(query);
    QStringList select;
    for (const QString &column : query.columns + orderColumns(query))
        select.append(quoted(column));
    SqlText out;
    QStringList where;
    appendFilters(query, where, out.binds);
    if (start.kind == PageStart::Kind::After || start.kind == PageStart::Kind::AtOrAfter)
        appendKeyset(query, start, where, out.binds);
    out.sql = u"SELECT %1 FROM %2%3 ORDER BY %4 LIMIT ?"_s.arg(
        select.join(u", "_s), quoteIdentifier(query.table), whereClause(where), orderBy(query));
    out.binds.append(qlonglong(limit));
    if (start.kind == PageStart::Kind::Offset) {
        out.sql += u" OFFSET ?"_s;
        out.binds.append(qlonglong(start.offset));
    }
    return out;
}

SqlText countSql(const PageQuery &query)
{
    validatePageQuery(query);
    SqlText out;
    QStringList where;
    appendFilters(query, where, out.binds);
    out.sql = u"SELECT COUNT(*) FROM %1%2"_s.arg(quoteIdentifier(query.table), whereClause(where));
    return out;
}

SqlText boundarySql(const PageQuery &query, int pageSize)
{
    validatePageQuery(query);
    QStringList inner, outer;
    const QStringList order = orderColumns(query);
    for (qsizetype i = 0; i < order.size(); ++i) {
        inner.append(u"%1 AS ms_k%2"_s.arg(quoted(order.at(i))).arg(i));
        outer.append(u"ms_k%1"_s.arg(i));
    }
    SqlText out;
    QStringList where;
    appendFilters(query, where, out.binds);
    out.sql = u"SELECT %1 FROM (SELECT %2, row_number() OVER (ORDER BY %3) AS ms_rn FROM %4%5) "
              u"WHERE (ms_rn - 1) % ? = 0 ORDER BY ms_rn"_s.arg(
                  outer.join(u", "_s), inner.join(u", "_s), orderBy(query),
                  quoteIdentifier(query.table), whereClause(where));
    out.binds.append(qlonglong(pageSize));
    return out;
}

} // namespace ms
