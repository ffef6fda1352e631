#include "postgrescopywriter.h"

#include "service/common/error.h"
#include "service/common/logging.h"
#include "service/store/sql/sqldialect.h"
#include "service/store/sql/sqlsession.h"

#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// Below this, one multi-row statement (one round trip) beats COPY's three.
constexpr int kMinimumRows = 50;
// libpq takes the data in pieces; this size keeps memory flat for big chunks.
constexpr qsizetype kSendSize = 256 * 1024;

void appendEscaped(QByteArray &out, const QByteArray &utf8)
{
    // COPY text format: backslash, tab, newline and carriage return are escaped.
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        default:
            out.append(c);
        }
    }
}

void appendValue(QByteArray &out, const QVariant &value)
{
    if (value.isNull()) {
        out.append("\\N");
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
        out.append(value.toBool() ? 't' : 'f');
        return;
    case QMetaType::LongLong:
    case QMetaType::Int:
        out.append(QByteArray::number(value.toLongLong()));
        return;
    case QMetaType::QByteArray:
        // bytea's hex input "\x0aff", its backslash escaped for the COPY text format.
        out.append("\\\\x");
        out.append(value.toByteArray().toHex());
        return;
    default:
        appendEscaped(out, value.toString().toUtf8());
    }
}
} // namespace

PostgresCopyWriter::PostgresCopyWriter(SqlSession &session) : m_session(session)
{
    const QVariant handle = session.database().driver()->handle();
    // QPSQL's handle is a PGconn* (its metatype is named after libpq's struct pg_conn).
    if (handle.isValid() &&
        (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0))
        m_connection = *static_cast<pg_conn *const *>(handle.constData());
}

int PostgresCopyWriter::minimumRows() const
{
    // Without libpq's handle (a driver that hides it) COPY cannot be used: never chosen.
    return m_connection ? kMinimumRows : std::numeric_limits<int>::max();
}

void PostgresCopyWriter::fail(const QString &what)
{
    // libpq could not send: the connection is gone.
    const QString message = QString::fromUtf8(PQerrorMessage(m_connection));
    while (PGresult *rest = PQgetResult(m_connection))
        PQclear(rest);
    throw m_session.error(QSqlError(u"COPY failed"_s, message, QSqlError::ConnectionError, {}),
                          what);
}

void PostgresCopyWriter::failWith(PGresult *result, const QString &what)
{
    // The same classification and messages as every other failure of the session.
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString code = QString::fromLatin1(state ? state : "");
    const QString message =
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_connection));
    PQclear(result);
    while (PGresult *rest = PQgetResult(m_connection))
        PQclear(rest);
    throw m_session.error(
        QSqlError(u"COPY failed"_s, message,
                  code.isEmpty() ? QSqlError::ConnectionError : QSqlError::StatementError, code),
        what);
}

QString PostgresCopyWriter::stagingTable(const QString &tenant, const QString &table,
                                         const QStringList &columns)
{
    const QString key = table + u'\x1f' + columns.join(u'\x1f');
    if (auto found = m_staging.constFind(key); found != m_staging.cend()) {
        m_session.exec(u"TRUNCATE "_s + *found, u"emptying the staging table of %1"_s.arg(table));
        return *found;
    }
    const SqlDialect &dialect = m_session.dialect();
    const QString name = u"ms_stage_%1"_s.arg(m_staging.size());
    QStringList quoted;
    for (const QString &column : columns)
        quoted.append(dialect.quoteIdentifier(column));
    // The mirrored table's column types, none of its constraints: the INSERT checks those.
    m_session.exec(
        u"CREATE TEMPORARY TABLE %1 ON COMMIT DROP AS SELECT %2 FROM %3 WITH NO DATA"_s.arg(
            name, quoted.join(u", "_s), dialect.qualifiedTable(tenant, table)),
        u"creating a staging table for %1"_s.arg(table));
    m_staging.insert(key, name);
    return name;
}

void PostgresCopyWriter::copy(const QString &staging, const QStringList &columns,
                              const QVariantList &values)
{
    const QString what = u"copying rows into %1"_s.arg(staging);
    QStringList quoted;
    for (const QString &column : columns)
        quoted.append(m_session.dialect().quoteIdentifier(column));
    const QByteArray sql = u"COPY %1 (%2) FROM STDIN"_s.arg(staging, quoted.join(u", "_s)).toUtf8();
    PGresult *start = PQexec(m_connection, sql.constData());
    if (PQresultStatus(start) != PGRES_COPY_IN)
        failWith(start, what);
    PQclear(start);
    m_buffer.clear();
    const qsizetype perRow = columns.size();
    for (qsizetype i = 0; i < values.size(); ++i) {
        appendValue(m_buffer, values[i]);
        m_buffer.append((i + 1) % perRow == 0 ? '\n' : '\t');
        if (m_buffer.size() >= kSendSize) {
            if (PQputCopyData(m_connection, m_buffer.constData(), int(m_buffer.size())) != 1)
                fail(what);
            m_buffer.clear();
        }
    }
    if ((!m_buffer.isEmpty() &&
         PQputCopyData(m_connection, m_buffer.constData(), int(m_buffer.size())) != 1) ||
        PQputCopyEnd(m_connection, nullptr) != 1)
        fail(what);
    PGresult *end = PQgetResult(m_connection);
    if (PQresultStatus(end) != PGRES_COMMAND_OK)
        failWith(end, what);
    PQclear(end);
    while (PGresult *rest = PQgetResult(m_connection))
        PQclear(rest);
}

void PostgresCopyWriter::upsert(const QString &tenant, const QString &table,
                                const QStringList &columns, const QStringList &keyColumns,
                                const QVariantList &values, int rowCount)
{
    qCDebug(lcStore) << "COPY of" << rowCount << "rows into" << table;
    const SqlDialect &dialect = m_session.dialect();
    const QString staging = stagingTable(tenant, table, columns);
    copy(staging, columns, values);
    QStringList names, updates, keys;
    for (const QString &column : columns) {
        names.append(dialect.quoteIdentifier(column));
        if (!keyColumns.contains(column))
            updates.append(u"%1 = EXCLUDED.%1"_s.arg(names.back()));
    }
    for (const QString &key : keyColumns)
        keys.append(dialect.quoteIdentifier(key));
    m_session.exec(
        u"INSERT INTO %1 (%2) SELECT %2 FROM %3 ON CONFLICT (%4) DO "_s.arg(
            dialect.qualifiedTable(tenant, table), names.join(u", "_s), staging,
            keys.join(u", "_s)) +
            (updates.isEmpty() ? u"NOTHING"_s : u"UPDATE SET "_s + updates.join(u", "_s)),
        u"writing rows of %1"_s.arg(table));
}

} // namespace ms
