#include "sqlconnectionpool.h"

#include "sqldialect.h"

#include "service/common/error.h"
#include "service/common/logging.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
std::atomic<quint64> g_nextPoolId{1};
std::atomic<quint64> g_nextThreadId{1};

// A number per thread, never reused (a QThread's address may be, by a later thread).
quint64 currentThreadId()
{
    thread_local const quint64 id = g_nextThreadId.fetch_add(1);
    return id;
}

// As SqlSession's: no static cursor, which FreeTDS (QODBC) serves with a server cursor, made
// for one SELECT, not for the SET statements of a dialect's sessionSetup().
QSqlQuery forwardOnlyQuery(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    return query;
}
} // namespace

QString sqlErrorReason(const QString &databaseText)
{
    QString text = databaseText.trimmed();
    // libpq: 'connection to server at "h" (1.2.3.4), port 5999 failed: Connection refused'
    const qsizetype failed = text.indexOf(u" failed: "_s);
    if (text.startsWith(u"connection to server"_s) && failed > 0)
        text = text.mid(failed + 9);
    text = text.section(u'\n', 0, 0).trimmed();
    static const QRegularExpression prefix(u"^(FATAL|ERROR|PANIC):\\s+"_s);
    static const QRegularExpression state(u"\\s*\\([0-9A-Z]{5}\\)$"_s);
    text.remove(prefix);
    text.remove(state);
    if (!text.isEmpty() && text.front().isUpper() &&
        (text.size() < 2 || text.at(1).isLower())) // "Connection refused", not "SSL ..."
        text[0] = text.front().toLower();
    return text.isEmpty() ? u"no reason given"_s : text;
}

SqlConnectionPool::SqlConnectionPool(const SqlDialect &dialect, DatabaseTarget target)
    : m_dialect(dialect), m_target(std::move(target)), m_poolId(g_nextPoolId.fetch_add(1))
{}

SqlConnectionPool::~SqlConnectionPool()
{
    QMutexLocker locker(&m_mutex);
    for (const QString &name : std::as_const(m_names))
        QSqlDatabase::removeDatabase(name);
}

QString SqlConnectionPool::serverText() const
{
    return u"%1 at %2:%3"_s.arg(m_dialect.productName(), m_target.host).arg(m_target.port);
}

QString SqlConnectionPool::connectionName(const QString &database) const
{
    return u"mirrorscope-%1-%2-%3-%4"_s.arg(m_dialect.driverName())
        .arg(m_poolId)
        .arg(currentThreadId())
        .arg(database);
}

QSqlDatabase SqlConnectionPool::connection(const QString &database)
{
    const QString name = connectionName(database);
    {
        QMutexLocker locker(&m_mutex);
        if (m_names.contains(name)) {
            QSqlDatabase existing = QSqlDatabase::database(name, false);
            // One round trip to find a connection the server dropped (a restart, an idle
            // timeout, an administrator) and open a new one, rather than fail the call.
            if (existing.isOpen() && forwardOnlyQuery(existing).exec(u"SELECT 1"_s))
                return existing;
            qCInfo(lcStore) << "Reconnecting to" << serverText() << "database" << database
                            << "(the connection was lost)";
            existing = QSqlDatabase();
            m_names.remove(name);
            locker.unlock();
            QSqlDatabase::removeDatabase(name);
        }
    }
    if (!QSqlDatabase::isDriverAvailable(m_dialect.driverName()))
        throw serverError(u"Qt's %1 driver for %2 is not installed (on Debian: "
                          "libqt6sql6-psql for PostgreSQL, libqt6sql6-odbc for ODBC)"_s.arg(
                              m_dialect.driverName(), m_dialect.productName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
        m_dialect.configureConnection(db, m_target, database);
        QString failure;
        if (!db.open()) {
            failure = sqlErrorReason(db.lastError().databaseText().isEmpty()
                                         ? db.lastError().text()
                                         : db.lastError().databaseText());
        } else {
            for (const QString &statement : m_dialect.sessionSetup()) {
                QSqlQuery setup = forwardOnlyQuery(db);
                if (!setup.exec(statement)) {
                    failure = sqlErrorReason(setup.lastError().databaseText());
                    break;
                }
            }
        }
        if (!failure.isEmpty()) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            const QString message = u"cannot reach %1 (database %2, user %3): %4"_s.arg(
                serverText(), database, m_target.user, failure);
            qCWarning(lcStore).noquote() << message;
            throw serverError(message);
        }
    }
    QMutexLocker locker(&m_mutex);
    m_names.insert(name);
    qCDebug(lcStore) << "Connected to" << serverText() << "database" << database << "as" << name;
    return QSqlDatabase::database(name, false);
}

} // namespace ms
