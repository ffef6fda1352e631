#include "sqlitehandle.h"

#include "service/common/error.h"

#include <sqlite3.h>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace ms::state {

SqliteHandle::~SqliteHandle()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

SqliteHandle::SqliteHandle(SqliteHandle &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{}

SqliteHandle &SqliteHandle::operator=(SqliteHandle &&other) noexcept
{
    std::swap(m_db, other.m_db);
    std::swap(m_path, other.m_path);
    return *this;
}

SqliteHandle SqliteHandle::open(const QString &path, bool readOnly)
{
    SqliteHandle handle;
    handle.m_path = path;
    const int flags =
        readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.toUtf8().constData(), &handle.m_db, flags | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        throw serverError(u"Cannot open %1: %2"_s.arg(path, handle.errorText()));
    }
    sqlite3_busy_timeout(handle.m_db, 5000);
    if (!readOnly) {
        // WAL: the GUI and the CLI read while the endpoint writes.
        handle.exec("PRAGMA journal_mode=WAL");
        handle.exec("PRAGMA synchronous=NORMAL");
    }
    return handle;
}

void SqliteHandle::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        throw serverError(u"%1: %2"_s.arg(m_path, text));
    }
}

QString SqliteHandle::errorText() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : u"out of memory"_s;
}

Statement::Statement(const SqliteHandle &db, const char *sql) : m_db(db)
{
    if (sqlite3_prepare_v2(db.get(), sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        throw serverError(u"Cannot prepare a statement: %1"_s.arg(db.errorText()));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}
void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw serverError(u"Control database: %1"_s.arg(m_db.errorText()));
}

qint64 Statement::int64At(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::textAt(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNullAt(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace ms::state
