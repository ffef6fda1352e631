#include "sqlitestatement.h"

#include "sqliteconnection.h"

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqliteStatement::SqliteStatement(SqliteConnection &connection, const QString &sql, QString context)
    : m_connection(&connection), m_context(std::move(context))
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(connection.handle(), utf8.constData(), int(utf8.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw connection.error(rc, m_context);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_connection(other.m_connection), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_context(std::move(other.m_context))
{}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_connection = other.m_connection;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_context = std::move(other.m_context);
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::check(int rc, const char *what) const
{
    if (rc != SQLITE_OK)
        throw m_connection->error(rc, m_context + u" ("_s + QLatin1StringView(what) + u')');
}

void SqliteStatement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index), "bind");
}

void SqliteStatement::bindInt64(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "bind");
}

void SqliteStatement::bindDouble(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "bind");
}

void SqliteStatement::bindTextStatic(int index, QStringView text)
{
    // A non-null pointer even for "", so that an empty string never becomes NULL.
    static const char16_t empty[] = u"";
    const void *data = text.isEmpty() ? static_cast<const void *>(empty) : text.utf16();
    check(sqlite3_bind_text16(m_stmt, index, data, int(text.size() * 2), SQLITE_STATIC), "bind");
}

void SqliteStatement::bindUtf8Static(int index, const char *data, qsizetype size)
{
    check(sqlite3_bind_text(m_stmt, index, data ? data : "", int(size), SQLITE_STATIC), "bind");
}

void SqliteStatement::bindText(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    check(sqlite3_bind_text(m_stmt, index, utf8.isEmpty() ? "" : utf8.constData(), int(utf8.size()),
                            SQLITE_TRANSIENT),
          "bind");
}

void SqliteStatement::bindBlobStatic(int index, const QByteArray &bytes)
{
    if (bytes.isEmpty()) {
        check(sqlite3_bind_zeroblob(m_stmt, index, 0), "bind");
        return;
    }
    check(sqlite3_bind_blob(m_stmt, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC),
          "bind");
}

int SqliteStatement::stepCode()
{
    return sqlite3_step(m_stmt);
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const Error failure = error(rc);
    sqlite3_reset(m_stmt);
    throw failure;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

void SqliteStatement::execute()
{
    while (step()) {
    }
    reset();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, column));
    const int bytes = sqlite3_column_bytes16(m_stmt, column);
    return data ? QString::fromUtf16(data, bytes / 2) : QString();
}

QByteArray SqliteStatement::columnBlob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return QByteArray(data ? data : "", bytes);
}

Error SqliteStatement::error(int rc) const
{
    return m_connection->error(rc, m_context);
}

} // namespace ms
