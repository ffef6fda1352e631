#include "columnexpressions.h"

#include "service/common/identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

bool isPostgres(const ReaderDialect &dialect)
{
    return dialect.kind == ReaderDialect::Kind::Postgres;
}

bool isSqlServer(const ReaderDialect &dialect)
{
    return dialect.kind == ReaderDialect::Kind::SqlServer;
}

// ---- PostgreSQL: format_type() names -------------------------------------------------------

// PostgreSQL types whose values QPSQL hands over exactly (integers, booleans, bytes, text).
bool isExactInQpsql(const QString &type)
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

QString postgresValue(const QString &name, const QString &type)
{
    if (type == u"boolean")
        return u"CAST(%1 AS integer)"_s.arg(name);
    if (type.startsWith(u"timestamp") && type.endsWith(u"without time zone"))
        return u"to_char(%1, 'YYYY-MM-DD\"T\"HH24:MI:SS%2')"_s.arg(name, fractionFormat(type));
    if (type.startsWith(u"time") && type.endsWith(u"without time zone"))
        return u"to_char(%1, 'HH24:MI:SS%2')"_s.arg(name, fractionFormat(type));
    if (type == u"double precision" || isExactInQpsql(type))
        return name;
    return u"CAST(%1 AS text)"_s.arg(name); // numeric, date, uuid, ...: exact as text
}

// ---- SQL Server: TYPE_NAME() of the system type --------------------------------------------

bool isSqlServerText(const QString &type)
{
    return type == u"nvarchar" || type == u"nchar" || type == u"varchar" || type == u"char";
}

bool isSqlServerBinary(const QString &type)
{
    return type == u"binary" || type == u"varbinary" || type == u"image";
}

// Types QODBC hands over exactly: integers, bit (as a bool, cellValue() makes it 0/1), float
// and real (as a double), text and bytes. Dates and times would come as a QDateTime in local
// time with milliseconds only, decimal and money as a double: those are read as text.
bool isExactInQodbc(const QString &type)
{
    return type == u"int" || type == u"bigint" || type == u"smallint" || type == u"tinyint" ||
           type == u"bit" || type == u"float" || type == u"real" || isSqlServerText(type) ||
           type == u"text" || type == u"ntext" || isSqlServerBinary(type);
}

QString sqlServerValue(const QString &name, const QString &type)
{
    // Style 126 is ISO 8601 (2024-01-31T13:45:00.123), the protocol's text form; 23 is the
    // date alone; time's own text form keeps its fraction digits; money style 2 keeps all four
    // decimals without thousands separators.
    if (type == u"datetime2" || type == u"datetime" || type == u"smalldatetime" ||
        type == u"datetimeoffset")
        return u"CONVERT(nvarchar(34), %1, 126)"_s.arg(name);
    if (type == u"date")
        return u"CONVERT(nvarchar(10), %1, 23)"_s.arg(name);
    if (type == u"time")
        return u"CONVERT(nvarchar(16), %1)"_s.arg(name);
    if (type == u"decimal" || type == u"numeric")
        return u"CONVERT(nvarchar(48), %1)"_s.arg(name);
    if (type == u"money" || type == u"smallmoney")
        return u"CONVERT(nvarchar(48), %1, 2)"_s.arg(name);
    if (type == u"uniqueidentifier")
        return u"CONVERT(nvarchar(36), %1)"_s.arg(name);
    if (type == u"xml" || type == u"sql_variant" || type == u"hierarchyid")
        return u"CONVERT(nvarchar(max), %1)"_s.arg(name);
    return name;
}

QString sqlServerFilter(const QString &column, const QString &type, const ReaderDialect &dialect)
{
    const QString name = quotedName(column, dialect);
    if (isSqlServerText(type))
        return name;
    // Bytes as 0x... hex (style 1); image converts to varbinary first.
    if (isSqlServerBinary(type))
        return u"CONVERT(nvarchar(max), CAST(%1 AS varbinary(max)), 1)"_s.arg(name);
    const QString value = sqlServerValue(name, type);
    if (value != name)
        return value; // already text
    // Integers, bit, float, text and ntext (which = cannot compare), unknown types.
    return u"CONVERT(nvarchar(max), %1)"_s.arg(name);
}

} // namespace

QString quotedName(const QString &name, const ReaderDialect &dialect)
{
    if (name == QStringView(kRowIdColumn))
        return name;
    if (!isSqlServer(dialect))
        return quoteIdentifier(name);
    QString escaped = name;
    escaped.replace(u']', u"]]"_s);
    return u'[' + escaped + u']';
}

QString tableReference(const QString &table, const ReaderDialect &dialect)
{
    return isSqlServer(dialect) ? u"[dbo]."_s + quotedName(table, dialect)
                                : quotedName(table, dialect);
}

QString valueExpression(const QString &column, const ReaderDialect &dialect)
{
    const QString name = quotedName(column, dialect);
    const QString type = dialect.columnTypes.value(column);
    if (isPostgres(dialect))
        return postgresValue(name, type);
    if (isSqlServer(dialect))
        return sqlServerValue(name, type);
    return name;
}

QString keyExpression(const QString &column, const ReaderDialect &dialect)
{
    const QString name = quotedName(column, dialect);
    const QString type = dialect.columnTypes.value(column);
    // A boolean would come back as 0/1 (cellValue), which PostgreSQL does not take for a bool.
    if (isPostgres(dialect) && !(isExactInQpsql(type) && type != u"boolean"))
        return u"CAST(%1 AS text)"_s.arg(name);
    // The text forms bind back: SQL Server converts the text to the column's type to compare
    // (datetime2, decimal, uniqueidentifier all rank above nvarchar).
    if (isSqlServer(dialect) && !isExactInQodbc(type))
        return sqlServerValue(name, type);
    return name;
}

QString filterExpression(const QString &column, const ReaderDialect &dialect)
{
    const QString type = dialect.columnTypes.value(column);
    if (isSqlServer(dialect))
        return sqlServerFilter(column, type, dialect);
    const QString value = valueExpression(column, dialect);
    if (!isPostgres(dialect) || type == u"text" || type.startsWith(u"character"))
        return value;
    return u"CAST(%1 AS text)"_s.arg(value);
}

QString keyPlaceholder(const QString &column, const ReaderDialect &dialect)
{
    const QString type = dialect.columnTypes.value(column);
    if (isSqlServer(dialect) && (type == u"varchar" || type == u"char"))
        return u"CAST(? AS varchar(8000))"_s;
    return u"?"_s;
}

QString orderDirection(Qt::SortOrder order, const ReaderDialect &dialect)
{
    const bool ascending = order == Qt::AscendingOrder;
    // SQLite and SQL Server sort NULL first ascending and last descending (and T-SQL has no
    // NULLS FIRST); PostgreSQL is told to do the same. The keyset relies on it.
    if (isPostgres(dialect))
        return ascending ? u" ASC NULLS FIRST"_s : u" DESC NULLS LAST"_s;
    return ascending ? u" ASC"_s : u" DESC"_s;
}

QString containsPattern(const QString &text, const ReaderDialect &dialect)
{
    QString out;
    out.reserve(text.size() + 4);
    out.append(u'%');
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_' || (isSqlServer(dialect) && c == u'['))
            out.append(u'\\');
        out.append(c);
    }
    out.append(u'%');
    return out;
}

} // namespace ms
