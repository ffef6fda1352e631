#include "simsqlite.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms::sim {

namespace {
QString sqliteMessage(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}
} // namespace

SqliteConnection::SqliteConnection(const QString &path, Mode mode) : m_path(path)
{
    // NOMUTEX: a connection is used by one thread at a time (see the header), so SQLite's
    // per-call connection mutex only cost time (a lock and unlock in every sqlite3_column_*).
    const int flags = SQLITE_OPEN_NOMUTEX |
                      (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString reason = m_db ? sqliteMessage(m_db) : u"out of memory"_s;
        sqlite3_close(m_db);
        m_db = nullptr;
        throw serverError(u"Cannot open %1: %2"_s.arg(path, reason));
    }
    // Another process (the endpoint) may hold the file briefly.
    sqlite3_busy_timeout(m_db, 5000);
    auto encoding = prepare(u"PRAGMA encoding"_s);
    m_utf8 = encoding.step() && encoding.text(0) == u"UTF-8"_s;
}

SqliteConnection::~SqliteConnection()
{
    sqlite3_close_v2(m_db);
}

void SqliteConnection::exec(const QString &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString reason = QString::fromUtf8(message);
        sqlite3_free(message);
        throw serverError(u"SQL failed on %1: %2 (%3)"_s.arg(m_path, reason, sql.left(200)));
    }
}

SqliteStatement SqliteConnection::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK)
        throw serverError(
            u"Cannot prepare SQL on %1: %2 (%3)"_s.arg(m_path, sqliteMessage(m_db), sql.left(200)));
    return SqliteStatement(m_db, stmt, m_utf8);
}

qint64 SqliteConnection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteConnection::tableExists(const QString &name)
{
    auto q = prepare(u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"_s);
    q.bind(1, name);
    return q.step();
}

void SqliteConnection::backupTo(SqliteConnection &destination)
{
    sqlite3_backup *backup = sqlite3_backup_init(destination.m_db, "main", m_db, "main");
    if (!backup)
        throw serverError(u"Cannot start a backup of %1 into %2: %3"_s.arg(
            m_path, destination.m_path, sqliteMessage(destination.m_db)));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw serverError(u"Backup of %1 into %2 failed: %3"_s.arg(
            m_path, destination.m_path, QString::fromUtf8(sqlite3_errstr(rc))));
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_utf8Database(other.m_utf8Database)
{
    other.m_stmt = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::check(int rc, const char *what) const
{
    if (rc != SQLITE_OK)
        throw serverError(u"SQLite %1 failed: %2"_s.arg(QLatin1StringView(what),
                                                        QString::fromUtf8(sqlite3_errmsg(m_db))));
}

void SqliteStatement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index), "bind");
}
void SqliteStatement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "bind");
}
void SqliteStatement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "bind");
}
void SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    check(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT),
          "bind");
}
void SqliteStatement::bindUtf8(int index, QByteArrayView utf8)
{
    // A zero-length text must stay text, not NULL: pass a non-null pointer.
    check(sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.data(), int(utf8.size()),
                            SQLITE_TRANSIENT),
          "bind");
}
void SqliteStatement::bind(int index, const QByteArray &blob)
{
    // A zero-length blob must stay a blob, not NULL: pass a non-null pointer.
    static const char empty = 0;
    check(sqlite3_bind_blob(m_stmt, index, blob.isEmpty() ? &empty : blob.constData(),
                            int(blob.size()), SQLITE_TRANSIENT),
          "bind");
}

void SqliteStatement::bindVariant(int index, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Bool:
        bind(index, value.toLongLong());
        break;
    case QMetaType::Double:
        bind(index, value.toDouble());
        break;
    case QMetaType::QByteArray:
        bind(index, value.toByteArray());
        break;
    default:
        bind(index, value.toString());
    }
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw serverError(u"SQLite step failed: %1 (%2)"_s.arg(QString::fromUtf8(sqlite3_errmsg(m_db)),
                                                           QString::fromUtf8(sqlite3_sql(m_stmt))));
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}
bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}
double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}
QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}
QByteArray SqliteStatement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    // An empty blob stays an empty (not null) QByteArray: it is a value, not NULL.
    return QByteArray(data ? data : "", sqlite3_column_bytes(m_stmt, column));
}

SqliteStatement::StorageClass SqliteStatement::storageClass(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return StorageClass::Integer;
    case SQLITE_FLOAT:
        return StorageClass::Real;
    case SQLITE_TEXT:
        return StorageClass::Text;
    case SQLITE_BLOB:
        return StorageClass::Blob;
    default:
        return StorageClass::Null;
    }
}

QByteArrayView SqliteStatement::textUtf8(int column) const
{
    if (m_utf8Database) {
        // sqlite3_column_text copies a text that lies in the page to add a terminating NUL
        // (an allocation per value); the blob view of the same text is the stored bytes.
        if (const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column)))
            return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
    }
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::blobBytes(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue(integer(column));
    case SQLITE_FLOAT:
        return QVariant::fromValue(real(column));
    case SQLITE_TEXT:
        return QVariant::fromValue(text(column));
    case SQLITE_BLOB:
        return QVariant::fromValue(blob(column));
    default:
        return QVariant();
    }
}

} // namespace ms::sim
