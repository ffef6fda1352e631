#include "simpostgres.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/common/logging.h"

#include <QAtomicInteger>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace ms::sim {

namespace {
QAtomicInteger<quint64> g_connections;
} // namespace

PostgresConnection::PostgresConnection(const ReadAccess &access, const QString &purpose)
    : m_name(u"ms-sim-pg-%1"_s.arg(g_connections.fetchAndAddRelaxed(1))), m_schema(access.schema),
      m_purpose(purpose)
{
    if (access.driver != u"QPSQL")
        throw serverError(u"%1: not a PostgreSQL mirror (driver %2)"_s.arg(purpose, access.driver));
    if (!isValidSqlIdentifier(access.schema))
        throw serverError(
            u"%1: the mirror schema \"%2\" is not a valid name"_s.arg(purpose, access.schema));
    QString reason;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        if (!db.isValid()) {
            reason = u"Qt's PostgreSQL driver (QPSQL) is not installed"_s;
        } else {
            configureServerConnection(db, access);
            if (!db.open())
                reason = db.lastError().text();
        }
    }
    if (!reason.isEmpty()) {
        QSqlDatabase::removeDatabase(m_name);
        throw serverError(u"%1: cannot connect to PostgreSQL database %2 on %3: %4"_s.arg(
            purpose, access.databaseName, access.host, reason.trimmed()));
    }
    // UTC and ISO: timestamps print the same on every server. extra_float_digits 3: a double
    // prints with enough digits to read back bit-equal even on servers before PostgreSQL 12.
    for (const QString &sql : {u"SET TIME ZONE 'UTC'"_s, u"SET DateStyle TO ISO, YMD"_s,
                               u"SET IntervalStyle TO postgres"_s, u"SET extra_float_digits TO 3"_s,
                               u"SET client_min_messages TO warning"_s})
        exec(sql);
}

PostgresConnection::~PostgresConnection()
{
    QSqlDatabase::removeDatabase(m_name);
}

QSqlQuery PostgresConnection::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (!ok) {
        const QString reason = query.lastError().text().trimmed();
        qCWarning(lcSim) << m_purpose << "failed:" << reason;
        throw serverError(u"%1: %2 (%3)"_s.arg(m_purpose, reason, sql.left(200)));
    }
    return query;
}

bool PostgresConnection::tableExists(const QString &schema, const QString &table)
{
    QSqlQuery q = run(u"SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON "
                      "n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND "
                      "c.relkind IN ('r', 'p')"_s,
                      {schema, table});
    return q.next();
}

QStringList PostgresConnection::tables(const QString &schema)
{
    QSqlQuery q = run(u"SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                      "ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
                      "ORDER BY c.relname COLLATE \"C\""_s,
                      {schema});
    QStringList names;
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

} // namespace ms::sim
