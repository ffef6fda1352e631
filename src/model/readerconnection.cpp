#include "readerconnection.h"

#include "readersql.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/store/schemajson.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

// The metadata table's columns beyond the documented tablename / schemahash / lsn; lastchange
// as UTC text on both targets, so that one parser reads it.
QString metadataSelect(bool postgres, const QString &table)
{
    const QString lastChange =
        postgres ? u"to_char(lastchange AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"_s
                 : u"lastchange"_s;
    // Byte order of names on both: SQLite compares text by bytes, PostgreSQL by its collation.
    return u"SELECT tablename, schemahash, lsn, schemajson, %1, lastinserted, lastupdated, "
           u"lastdeleted FROM %2 ORDER BY tablename%3"_s.arg(
               lastChange, quoteIdentifier(table), postgres ? u" COLLATE \"C\""_s : QString());
}

// The PGconn* behind a QPSQL connection, or nullptr. Qt names the type after the struct tag
// ("pg_conn*") or the typedef ("PGconn*"), depending on the build.
PGconn *pgConnection(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

} // namespace

ReaderConnection::ReaderConnection(const ReadAccess &access, const QString &tenant,
                                   const QString &name)
    : m_name(name), m_tenant(tenant)
{
    if (access.driver == u"QSQLITE")
        openSqlite(access);
    else if (access.driver == u"QPSQL")
        openPostgres(access);
    else
        throw serverError(
            QCoreApplication::translate("ms::ReaderConnection",
                                        "The window cannot read mirrors through the %1 driver yet.")
                .arg(access.driver));
}

ReaderConnection::~ReaderConnection()
{
    if (m_pgCancel)
        PQfreeCancel(static_cast<PGcancel *>(m_pgCancel));
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase ReaderConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

void ReaderConnection::fail(const QString &reason)
{
    QSqlDatabase::removeDatabase(m_name);
    throw serverError(reason);
}

void ReaderConnection::openSqlite(const ReadAccess &access)
{
    m_kind = SqlDialect::Kind::Sqlite;
    m_location = access.databaseName;
    const std::optional<FileId> id = fileIdOf(m_location);
    if (!id)
        throw serverError(
            QCoreApplication::translate("ms::ReaderConnection", "Could not open the mirror %1: %2")
                .arg(m_location,
                     QCoreApplication::translate("ms::ReaderConnection", "the file is gone")));
    m_device = id->device;
    m_inode = id->inode;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(m_location);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            const QString reason = db.lastError().text();
            db = QSqlDatabase();
            fail(QCoreApplication::translate("ms::ReaderConnection",
                                             "Could not open the mirror %1: %2")
                     .arg(m_location, reason));
        }
        // A second guard besides the read-only open: the Query pane runs text people type.
        QSqlQuery pragma(db);
        pragma.exec(u"PRAGMA query_only=1"_s);
        m_sqlite = sqliteHandle(db);
    }
}

void ReaderConnection::openPostgres(const ReadAccess &access)
{
    m_kind = SqlDialect::Kind::Postgres;
    m_location = access.schema;
    if (!isValidSqlIdentifier(access.schema))
        throw serverError(QCoreApplication::translate("ms::ReaderConnection",
                                                      "The mirror schema %1 is not a valid name.")
                              .arg(access.schema));
    const QString where = u"%1/%2"_s.arg(access.host, access.databaseName);
    QString reason;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        if (!db.isValid()) {
            db = QSqlDatabase();
            fail(QCoreApplication::translate("ms::ReaderConnection",
                                             "Qt's PostgreSQL driver (QPSQL) is not installed."));
        }
        db.setDatabaseName(access.databaseName);
        db.setHostName(access.host);
        if (access.port > 0)
            db.setPort(access.port);
        db.setUserName(access.user);
        db.setPassword(access.password);
        db.setConnectOptions(access.connectOptions);
        if (!db.open()) {
            reason = db.lastError().text();
        } else {
            // Read-only sessions: the Query pane runs what people type. search_path: the
            // tenant's tables by their plain names. DateStyle: ISO text for dates.
            for (const QString &sql :
                 {u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s,
                  u"SET search_path TO %1"_s.arg(quoteIdentifier(access.schema)),
                  u"SET DateStyle TO ISO, YMD"_s, u"SET client_min_messages TO error"_s}) {
                QSqlQuery setting(db);
                if (!setting.exec(sql)) {
                    reason = setting.lastError().text();
                    break;
                }
            }
        }
        if (reason.isEmpty()) {
            if (PGconn *connection = pgConnection(db))
                m_pgCancel = PQgetCancel(connection);
        }
        db = QSqlDatabase();
    }
    if (!reason.isEmpty())
        fail(QCoreApplication::translate("ms::ReaderConnection",
                                         "Could not connect to the PostgreSQL mirror %1: %2")
                 .arg(where, reason.trimmed()));
}

bool ReaderConnection::isCurrent() const
{
    const QSqlDatabase db = database();
    if (!db.isOpen())
        return false;
    if (isPostgres()) {
        PGconn *connection = pgConnection(db);
        return connection && PQstatus(connection) == CONNECTION_OK;
    }
    // A connection keeps reading a deleted file: reopen once the mirror is gone or remade.
    const std::optional<FileId> id = fileIdOf(m_location);
    return id && id->device == m_device && id->inode == m_inode;
}

void ReaderConnection::interrupt()
{
    if (m_sqlite) {
        sqlite3_interrupt(static_cast<sqlite3 *>(m_sqlite));
    } else if (m_pgCancel) {
        char reason[256] = {};
        PQcancel(static_cast<PGcancel *>(m_pgCancel), reason, int(sizeof reason));
    }
}

QList<MirroredTable> ReaderConnection::tables() const
{
    // The store writes <ctx>_mirroring on SQLite; on PostgreSQL folded to lower case, so that
    // the documented unquoted commands find it.
    QString table = metadataTableName(m_tenant);
    if (isPostgres())
        table = table.toLower();
    QSqlQuery query = execPrepared(database(), {metadataSelect(isPostgres(), table), {}});
    QList<MirroredTable> out;
    while (query.next()) {
        MirroredTable row;
        row.tableName = query.value(0).toString();
        row.schemaHash = query.value(1).toString();
        row.lsn = query.value(2).toLongLong();
        if (auto schema = schemaFromJson(query.value(3).toString()))
            row.schema = *schema;
        if (!query.isNull(4))
            row.lastChange =
                QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs).toUTC();
        row.lastInserted = query.value(5).toLongLong();
        row.lastUpdated = query.value(6).toLongLong();
        row.lastDeleted = query.value(7).toLongLong();
        out.append(std::move(row));
    }
    throwIfStepFailed(query);
    return out;
}

QStringList ReaderConnection::presentTables() const
{
    if (!isPostgres())
        return database().tables();
    QSqlQuery query = execPrepared(
        database(), {u"SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                     u"ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"_s,
                     {m_location}});
    QStringList out;
    while (query.next())
        out.append(query.value(0).toString());
    throwIfStepFailed(query);
    return out;
}

SqlDialect ReaderConnection::dialectFor(const QString &table) const
{
    SqlDialect dialect;
    dialect.kind = m_kind;
    if (!isPostgres())
        return dialect;
    QSqlQuery query = execPrepared(
        database(),
        {u"SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a "
         u"JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON "
         u"n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND "
         u"NOT a.attisdropped"_s,
         {m_location, table}});
    while (query.next())
        dialect.columnTypes.insert(query.value(0).toString(), query.value(1).toString());
    throwIfStepFailed(query);
    return dialect;
}

void ReaderConnection::beginUserStatement()
{
    if (isPostgres())
        QSqlQuery(database()).exec(u"BEGIN TRANSACTION READ ONLY"_s);
}

void ReaderConnection::endUserStatement()
{
    // Also after a failed statement, which leaves the transaction aborted.
    if (isPostgres())
        QSqlQuery(database()).exec(u"ROLLBACK"_s);
}

} // namespace ms
