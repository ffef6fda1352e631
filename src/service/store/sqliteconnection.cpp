#include "sqliteconnection.h"

#include "sqlitestatement.h"

#include "service/common/logging.h"

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// Long enough to ride out a GUI reader's checkpoint or a manual sqlite3 session's brief lock.
constexpr int kBusyTimeoutMs = 5000;
} // namespace

SqliteConnection::SqliteConnection(const QString &path) : m_path(path)
{
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message =
            m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw serverError(u"Cannot open the mirror database %1: %2"_s.arg(path, message));
    }
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    try {
        // WAL: readers (the GUI, a partner's reports) never block the writer, nor it them.
        // synchronous=NORMAL survives process crashes, the threat we guard against.
        exec(u"PRAGMA journal_mode=WAL"_s, u"switching to WAL journaling"_s);
        exec(u"PRAGMA synchronous=NORMAL"_s, u"setting synchronous mode"_s);
    } catch (...) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw;
    }
}

SqliteConnection::~SqliteConnection()
{
    if (m_db && sqlite3_close_v2(m_db) != SQLITE_OK)
        qCWarning(lcStore) << "Closing" << m_path << "failed:" << sqlite3_errmsg(m_db);
}

void SqliteConnection::exec(const QString &sql, const QString &context)
{
    SqliteStatement statement(*this, sql, context);
    while (statement.step()) {
    }
}

SqliteStatement SqliteConnection::prepare(const QString &sql, const QString &context)
{
    return SqliteStatement(*this, sql, context);
}

Error SqliteConnection::error(int rc, const QString &context) const
{
    const QString detail =
        m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    return serverError(
        u"Mirror database %1, %2: %3 (SQLite code %4)"_s.arg(m_path, context, detail).arg(rc));
}

bool SqliteConnection::hasObject(const QString &name)
{
    return !objectNameIgnoringCase(name).isEmpty();
}

QString SqliteConnection::objectNameIgnoringCase(const QString &name)
{
    SqliteStatement query(*this,
                          u"SELECT name FROM sqlite_schema WHERE type IN ('table','view','index') "
                          "AND lower(name) = lower(?1)"_s,
                          u"looking up %1"_s.arg(name));
    query.bindTextStatic(1, name);
    return query.step() ? query.columnText(0) : QString();
}

bool SqliteConnection::hasTable(const QString &name)
{
    SqliteStatement query(*this,
                          u"SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1"_s,
                          u"looking up table %1"_s.arg(name));
    query.bindTextStatic(1, name);
    return query.step();
}

SqliteTransaction::SqliteTransaction(SqliteConnection &connection, QString context)
    : m_connection(connection), m_context(std::move(context))
{
    // IMMEDIATE takes the write lock now, so a busy database fails here (after the busy
    // timeout) rather than half-way through the work.
    m_connection.exec(u"BEGIN IMMEDIATE"_s, u"starting a transaction for %1"_s.arg(m_context));
    m_active = true;
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_active)
        return;
    if (sqlite3_exec(m_connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr) != SQLITE_OK)
        qCWarning(lcStore) << "Rolling back" << m_context << "in" << m_connection.path()
                           << "failed:" << sqlite3_errmsg(m_connection.handle());
}

void SqliteTransaction::commit()
{
    m_connection.exec(u"COMMIT"_s, u"committing %1"_s.arg(m_context));
    m_active = false;
}

} // namespace ms
