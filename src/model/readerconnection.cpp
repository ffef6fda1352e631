#include "readerconnection.h"

#include "readercatalogsql.h"
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

// A statement of the reader's own (session setup, the Query pane's guard) on a forward-only
// query: QODBC otherwise asks for a static cursor, which FreeTDS serves with a server cursor.
bool execOwn(const QSqlDatabase &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// An ODBC connection string value: braced, a closing brace doubled, so that ';' and '=' in a
// password are plain characters.
QString odbcValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'}', u"}}"_s);
    return u'{' + escaped + u'}';
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
    else if (access.driver == u"QODBC")
        openSqlServer(access);
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
    m_kind = ReaderDialect::Kind::Sqlite;
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

QString ReaderConnection::openServer(const QString &driver, const QString &driverMissing,
                                     const std::function<void(QSqlDatabase &)> &configure)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_name);
    if (!db.isValid()) {
        db = QSqlDatabase();
        fail(driverMissing);
    }
    configure(db);
    if (!db.open())
        return db.lastError().text();
    QString reason;
    for (const QString &sql : sessionSetupSql(m_kind, m_location)) {
        if (!execOwn(db, sql, &reason))
            break;
    }
    return reason;
}

void ReaderConnection::openPostgres(const ReadAccess &access)
{
    m_kind = ReaderDialect::Kind::Postgres;
    m_location = access.schema;
    if (!isValidSqlIdentifier(access.schema))
        throw serverError(QCoreApplication::translate("ms::ReaderConnection",
                                                      "The mirror schema %1 is not a valid name.")
                              .arg(access.schema));
    const QString where = u"%1/%2"_s.arg(access.host, access.databaseName);
    const QString reason =
        openServer(u"QPSQL"_s,
                   QCoreApplication::translate("ms::ReaderConnection",
                                               "Qt's PostgreSQL driver (QPSQL) is not installed."),
                   [&access](QSqlDatabase &db) { configureServerConnection(db, access); });
    if (!reason.isEmpty())
        fail(QCoreApplication::translate("ms::ReaderConnection",
                                         "Could not connect to the PostgreSQL mirror %1: %2")
                 .arg(where, reason.trimmed()));
    if (PGconn *connection = pgConnection(database()))
        m_pgCancel = PQgetCancel(connection);
}

void ReaderConnection::openSqlServer(const ReadAccess &access)
{
    m_kind = ReaderDialect::Kind::SqlServer;
    m_location = u"dbo"_s; // the store makes every table in the dbo schema of the database
    // access.databaseName is the FreeTDS connection string of the tenant's own database.
    const QString where =
        u"%1:%2/%3"_s.arg(access.host).arg(access.port).arg(mirrorDatabaseName(m_tenant));
    const QString reason =
        openServer(u"QODBC"_s,
                   QCoreApplication::translate("ms::ReaderConnection",
                                               "Qt's ODBC driver (QODBC) is not installed."),
                   [&access](QSqlDatabase &db) {
                       // The credentials braced into the connection string: QODBC would append UID
                       // and PWD unescaped, and a ';' in a password would end it.
                       QString connection = access.databaseName;
                       if (!access.user.isEmpty())
                           connection += u";UID="_s + odbcValue(access.user);
                       if (!access.password.isEmpty())
                           connection += u";PWD="_s + odbcValue(access.password);
                       db.setDatabaseName(connection);
                       db.setConnectOptions(access.connectOptions);
                   });
    if (!reason.isEmpty())
        fail(QCoreApplication::translate("ms::ReaderConnection",
                                         "Could not connect to the SQL Server mirror %1: %2")
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
    // QODBC cannot tell without a round trip: a broken connection fails its next statement,
    // and MirrorReader drops a server connection after any error.
    if (m_kind == ReaderDialect::Kind::SqlServer)
        return true;
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
    // SQL Server: nothing. QODBC keeps the running statement's handle (SQLCancel's argument) to
    // itself; a superseded read runs to its end, and LOCK_TIMEOUT bounds its waits.
}

QList<MirroredTable> ReaderConnection::tables() const
{
    QSqlQuery query = execPrepared(database(), metadataSql(m_kind, m_tenant));
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
    const std::optional<SqlText> sql = presentTablesSql(m_kind, m_location);
    if (!sql)
        return database().tables();
    QSqlQuery query = execPrepared(database(), *sql);
    QStringList out;
    while (query.next())
        out.append(query.value(0).toString());
    throwIfStepFailed(query);
    return out;
}

ReaderDialect ReaderConnection::dialectFor(const QString &table) const
{
    ReaderDialect dialect;
    dialect.kind = m_kind;
    const std::optional<SqlText> sql = columnTypesSql(m_kind, m_location, table);
    if (!sql)
        return dialect;
    QSqlQuery query = execPrepared(database(), *sql);
    while (query.next())
        dialect.columnTypes.insert(query.value(0).toString(), query.value(1).toString());
    throwIfStepFailed(query);
    return dialect;
}

void ReaderConnection::beginUserStatement()
{
    // Never run the text without its guard: on SQL Server the transaction is the only one.
    const QString sql = beginUserStatementSql(m_kind);
    QString reason;
    if (!sql.isEmpty() && !execOwn(database(), sql, &reason))
        throw serverError(QCoreApplication::translate("ms::ReaderConnection",
                                                      "Could not start the query's transaction: %1")
                              .arg(reason.trimmed()));
}

void ReaderConnection::endUserStatement()
{
    // Also after a failed statement, which leaves a PostgreSQL transaction aborted.
    const QString sql = endUserStatementSql(m_kind);
    if (!sql.isEmpty())
        execOwn(database(), sql);
}

} // namespace ms
