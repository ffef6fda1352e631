#include "keysetsql.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

const QString RowId = u"_rowid_"_s;

bool isPostgres(const SqlDialect &dialect)
{
    return dialect.kind == SqlDialect::Kind::Postgres;
}

QString quoted(const QString &name)
{
    return name == RowId ? name : quoteIdentifier(name);
}

QStringList keyColumns(const PageQuery &query)
{
    return query.keyColumns.isEmpty() ? QStringList{RowId} : query.keyColumns;
}

// PostgreSQL types whose values QPSQL hands over exactly (integers, booleans, bytes, text).
bool isExactInQt(const QString &type)
{
    return type == u"smallint" || type == u"integer" || type == u"bigint" || type == u"boolean" ||
           type == u"bytea" || type == u"text" || type.startsWith(u"character varying") ||
           type.startsWith(u"character(");
}

// The fraction digits of "timestamp(3) without time zone" / "time(6) ..." (6 when not given).
int fractionDigits(const QString &type)
{
    const qsizetype open = type.indexOf(u'(');
    const qsizetype close = type.indexOf(u')');
    if (open < 0 || close < open)
        return 6;
    return type.mid(open + 1, close - open - 1).toInt();
}

QString fractionFormat(const QString &type)
{
    const int digits = fractionDigits(type);
    return digits > 0 ? u".FF%1"_s.arg(digits) : QString();
}

// The expression a cell is read through: on PostgreSQL the protocol's text form
// (2024-01-31T13:45:00.123), booleans as 0/1 like SQL Server's bit, numeric exactly as text.
QString valueExpression(const QString &column, const SqlDialect &dialect)
{
    const QString name = quoted(column);
    if (!isPostgres(dialect))
        return name;
    const QString type = dialect.columnTypes.value(column);
    if (type == u"boolean")
        return u"CAST(%1 AS integer)"_s.arg(name);
    if (type.startsWith(u"timestamp") && type.endsWith(u"without time zone"))
        return u"to_char(%1, 'YYYY-MM-DD\"T\"HH24:MI:SS%2')"_s.arg(name, fractionFormat(type));
    if (type.startsWith(u"time") && type.endsWith(u"without time zone"))
        return u"to_char(%1, 'HH24:MI:SS%2')"_s.arg(name, fractionFormat(type));
    if (type == u"double precision" || isExactInQt(type))
        return name;
    return u"CAST(%1 AS text)"_s.arg(name); // numeric, date, uuid, ...: exact as text
}

// The expression an order key is read through: a value that binds back to the same value (a
// QDateTime would lose the microseconds, a double its last digits).
QString keyExpression(const QString &column, const SqlDialect &dialect)
{
    const QString name = quoted(column);
    const QString type = dialect.columnTypes.value(column);
    // A boolean would come back as 0/1 (cellValue), which PostgreSQL does not take for a bool.
    if (!isPostgres(dialect) || (isExactInQt(type) && type != u"boolean"))
        return name;
    return u"CAST(%1 AS text)"_s.arg(name);
}

// What a filter matches: the text the cell shows.
QString filterExpression(const QString &column, const SqlDialect &dialect)
{
    const QString value = valueExpression(column, dialect);
    if (!isPostgres(dialect))
        return value;
    const QString type = dialect.columnTypes.value(column);
    if (type == u"text" || type.startsWith(u"character"))
        return value;
    return u"CAST(%1 AS text)"_s.arg(value);
}

QString direction(const PageQuery &query, const SqlDialect &dialect)
{
    const bool ascending = query.order == Qt::AscendingOrder;
    // SQLite sorts NULL first ascending and last descending; the keyset below relies on it.
    if (isPostgres(dialect))
        return ascending ? u" ASC NULLS FIRST"_s : u" DESC NULLS LAST"_s;
    return ascending ? u" ASC"_s : u" DESC"_s;
}

QString orderBy(const PageQuery &query, const SqlDialect &dialect)
{
    QStringList parts;
    for (const QString &column : orderColumns(query))
        parts.append(quoted(column) + direction(query, dialect));
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

// Appends the filters' conditions; empty texts filter nothing. ILIKE on PostgreSQL: SQLite's
// LIKE ignores the case of ASCII letters, and people expect the same on every target.
void appendFilters(const PageQuery &query, const SqlDialect &dialect, QStringList &where,
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
            where.append(column + (isPostgres(dialect) ? u" ILIKE"_s : u" LIKE"_s) +
                         u" ? ESCAPE '\\'"_s);
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

void validatePageQuery(const PageQuery &query, const SqlDialect &dialect)
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
    // SQLite falls back to the rowid; a PostgreSQL table has no stable row order without a key.
    if (isPostgres(dialect) && query.keyColumns.isEmpty())
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
                const SqlDialect &dialect)
{
    validatePageQuery(query, dialect);
    // Aliased: ORDER BY "score" would otherwise be ambiguous between the value and its key.
    QStringList select;
    for (const QString &column : query.columns)
        select.append(u"%1 AS ms_c%2"_s.arg(valueExpression(column, dialect)).arg(select.size()));
    for (const QString &column : orderColumns(query))
        select.append(u"%1 AS ms_c%2"_s.arg(keyExpression(column, dialect)).arg(select.size()));
    SqlText out;
    QStringList where;
    appendFilters(query, dialect, where, out.binds);
    if (start.kind == PageStart::Kind::After || start.kind == PageStart::Kind::AtOrAfter)
        appendKeyset(query, start, where, out.binds);
    out.sql = u"SELECT %1 FROM %2%3 ORDER BY %4 LIMIT ?"_s.arg(
        select.join(u", "_s), quoteIdentifier(query.table), whereClause(where),
        orderBy(query, dialect));
    out.binds.append(qlonglong(limit));
    if (start.kind == PageStart::Kind::Offset) {
        out.sql += u" OFFSET ?"_s;
        out.binds.append(qlonglong(start.offset));
    }
    return out;
}

SqlText countSql(const PageQuery &query, const SqlDialect &dialect)
{
    validatePageQuery(query, dialect);
    SqlText out;
    QStringList where;
    appendFilters(query, dialect, where, out.binds);
    out.sql = u"SELECT COUNT(*) FROM %1%2"_s.arg(quoteIdentifier(query.table), whereClause(where));
    return out;
}

SqlText boundarySql(const PageQuery &query, int pageSize, const SqlDialect &dialect)
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
                  quoteIdentifier(query.table), whereClause(where));
    out.binds.append(qlonglong(pageSize));
    return out;
}

} // namespace ms
