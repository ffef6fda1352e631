#include "postgresrawconnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtDebug>

#include <atomic>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace storetest {

namespace {

// PostgreSQL type OIDs (pg_type.dat) of the columns read natively; every other type is read as
// its text.
constexpr int kBoolOid = 16;
constexpr int kByteaOid = 17;
constexpr int kInt8Oid = 20;
constexpr int kInt2Oid = 21;
constexpr int kInt4Oid = 23;
constexpr int kFloat8Oid = 701;

enum class Reading { Integer, Boolean, Blob, Real, Text };

Reading readingOf(int oid)
{
    switch (oid) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
        return Reading::Integer;
    case kBoolOid:
        return Reading::Boolean;
    case kByteaOid:
        return Reading::Blob;
    case kFloat8Oid:
        return Reading::Real;
    default:
        return Reading::Text;
    }
}

/// Real and Text columns are fetched as PostgreSQL's own text: QPSQL would turn dates and times
/// into QDate / QDateTime (dropping microseconds) and doubles through its own conversion.
bool needsText(Reading reading)
{
    return reading == Reading::Real || reading == Reading::Text;
}

Cell cellOf(const QVariant &value, Reading reading)
{
    if (value.isNull())
        return Cell::null();
    switch (reading) {
    case Reading::Integer:
        return Cell::ofInt(value.toLongLong());
    case Reading::Boolean:
        return Cell::ofInt(value.toBool() ? 1 : 0);
    case Reading::Blob:
        return Cell::ofBlob(value.toByteArray());
    case Reading::Real:
        // PostgreSQL 12+ prints float8 in the shortest text that reads back exactly.
        return Cell::ofReal(std::strtod(value.toString().toUtf8().constData(), nullptr));
    case Reading::Text:
        break;
    }
    return Cell::ofText(value.toString());
}

QString quoteName(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

PgServer PgServer::fromUrl(const QString &url)
{
    const QUrl parsed(url);
    PgServer server;
    server.host = parsed.host();
    server.port = parsed.port(5432);
    server.user = parsed.userName();
    server.password = parsed.password();
    server.database = parsed.path().mid(1);
    return server;
}

QString PgServer::url(const QString &otherDatabase) const
{
    QUrl result;
    result.setScheme(u"postgresql"_s);
    result.setHost(host);
    result.setPort(port);
    result.setUserName(user);
    result.setPassword(password);
    result.setPath(u'/' + otherDatabase);
    return result.toString();
}

PostgresRawConnection::PostgresRawConnection(const PgServer &server, const QString &schema)
    : m_schema(schema)
{
    static std::atomic<int> counter = 0;
    m_connectionName = u"storetest-raw-%1"_s.arg(++counter);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    db.setHostName(server.host);
    db.setPort(server.port);
    db.setUserName(server.user);
    db.setPassword(server.password);
    db.setDatabaseName(server.database);
    m_open = db.open();
    if (!m_open) {
        m_lastError = db.lastError().text();
        qWarning("cannot connect to PostgreSQL at %s:%d: %s", qPrintable(server.host), server.port,
                 qPrintable(m_lastError));
        return;
    }
    // A lock the store keeps by mistake makes a raw statement fail instead of hanging the test.
    m_open = (schema.isEmpty() || execOne(u"SET search_path TO %1"_s.arg(quoteName(schema)))) &&
             execOne(u"SET lock_timeout = '30s'"_s) &&
             execOne(u"SET client_min_messages = warning"_s);
}

PostgresRawConnection::~PostgresRawConnection()
{
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool PostgresRawConnection::execOne(const QString &statement)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (q.exec(statement)) {
        m_lastError.clear();
        return true;
    }
    m_lastError = q.lastError().text();
    return false;
}

bool PostgresRawConnection::exec(const QString &sql)
{
    // QPSQL would run only the first of several statements in one string.
    for (const QString &statement : splitStatements(sql)) {
        if (!execOne(statement))
            return false;
    }
    return true;
}

Rows PostgresRawConnection::query(const QString &sql)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const auto failed = [&](const QString &text) {
        m_lastError = q.lastError().text();
        qWarning("query failed: %s: %s", qPrintable(text), qPrintable(m_lastError));
        return Rows();
    };
    if (!q.exec(sql))
        return failed(sql);
    const QSqlRecord record = q.record();
    QList<Reading> readings;
    bool wrap = false;
    for (int i = 0; i < record.count(); ++i) {
        readings.append(readingOf(record.field(i).typeID()));
        wrap = wrap || needsText(readings.back());
    }
    if (wrap) {
        // Once more, as text where that is how PostgreSQL prints the value. A subquery with
        // ORDER BY is not flattened, so its order is kept.
        QStringList names, select;
        for (int i = 0; i < readings.size(); ++i) {
            names.append(u"c%1"_s.arg(i));
            select.append(needsText(readings[i]) ? u"c%1::text"_s.arg(i) : names.back());
        }
        QString inner = sql.trimmed();
        while (inner.endsWith(u';'))
            inner.chop(1);
        const QString wrapped = u"SELECT %1 FROM (%2) AS storetest_q(%3)"_s.arg(
            select.join(u", "_s), inner, names.join(u", "_s));
        q.finish();
        if (!q.exec(wrapped))
            return failed(wrapped);
    }
    Rows rows;
    while (q.next()) {
        QList<Cell> cells;
        for (int i = 0; i < readings.size(); ++i)
            cells.append(cellOf(q.value(i), readings[i]));
        rows.append(cells);
    }
    m_lastError.clear();
    return rows;
}

QList<ColumnInfo> PostgresRawConnection::columnInfo(const QString &tableName)
{
    const Rows rows = query(
        u"SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid), "
        "coalesce((SELECT k.ord FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(num, ord) "
        "WHERE i.indrelid = c.oid AND i.indisprimary AND k.num = a.attnum), 0) "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE n.nspname = %1 AND c.relname = %2 AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum"_s.arg(sqlLiteral(m_schema), sqlLiteral(tableName)));
    QList<ColumnInfo> result;
    for (const auto &r : rows)
        result.append({r[0].text, r[1].text, r[2].integer != 0, r[3], int(r[4].integer)});
    return result;
}

QStringList PostgresRawConnection::tableNames()
{
    QStringList names;
    for (const auto &r : query(u"SELECT c.relname FROM pg_class c "
                               "JOIN pg_namespace n ON n.oid = c.relnamespace "
                               "WHERE n.nspname = %1 AND c.relkind IN ('r', 'p') "
                               "ORDER BY c.relname COLLATE \"C\""_s.arg(sqlLiteral(m_schema))))
        names.append(r.front().text);
    return names;
}

QString PostgresRawConnection::dump()
{
    QString text;
    QStringList tables;
    const Rows objects = query(
        u"SELECT c.relkind::text, c.relname, CASE c.relkind WHEN 'v' THEN pg_get_viewdef(c.oid) "
        "WHEN 'i' THEN pg_get_indexdef(c.oid) ELSE '' END, "
        "coalesce((SELECT string_agg(conname || ' ' || pg_get_constraintdef(x.oid), ', ' "
        "ORDER BY conname) FROM pg_constraint x WHERE x.conrelid = c.oid), '') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %1 ORDER BY c.relname COLLATE \"C\", c.relkind"_s.arg(
            sqlLiteral(m_schema)));
    for (const auto &r : objects) {
        text += r[0].text + u'|' + r[1].text + u'|' + r[2].text + u'|' + r[3].text + u'\n';
        if (r[0].text == u"r"_s) {
            tables.append(r[1].text);
            for (const ColumnInfo &c : columnInfo(r[1].text)) {
                text += u"  "_s + c.name + u' ' + c.type +
                        (c.notNull ? u" not null"_s : QString()) + u" default "_s +
                        describe(c.defaultValue) + u" key "_s + QString::number(c.keyPosition) +
                        u'\n';
            }
        }
    }
    for (const QString &t : tables) {
        text += u"== "_s + t + u'\n';
        for (const auto &r :
             query(u"SELECT * FROM %1.%2 ORDER BY ctid"_s.arg(quoteName(m_schema), quoteName(t)))) {
            for (const Cell &cell : r)
                text += describe(cell) + u" | "_s;
            text += u'\n';
        }
    }
    return text;
}

} // namespace storetest
