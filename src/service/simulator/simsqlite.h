#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// A small RAII layer over the sqlite3 C API for the simulator's own files (source database,
// snapshots, the verifier's read-only look at a mirror). The simulator needs the backup API and
// exact storage classes, which QtSql hides. Not thread-safe: one thread per connection.
namespace ms::sim {

class SqliteStatement;

class SqliteConnection final
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    /// Opens (and with ReadWrite creates) the file; throws ms::Error on failure.
    explicit SqliteConnection(const QString &path, Mode mode = Mode::ReadWrite);
    ~SqliteConnection();
    Q_DISABLE_COPY_MOVE(SqliteConnection)

    void exec(const QString &sql);
    SqliteStatement prepare(const QString &sql);
    qint64 lastInsertRowId() const;
    bool tableExists(const QString &name);
    /// Copies all of this database into `destination` through the backup API (safe while
    /// another process has the destination open).
    void backupTo(SqliteConnection &destination);
    const QString &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    QString m_path;
    sqlite3 *m_db = nullptr;
    bool m_utf8 = true; ///< the database's text encoding is UTF-8 (PRAGMA encoding)
};

/// A prepared statement; values bind by 1-based index. step() returns false when done.
class SqliteStatement final
{
public:
    /// utf8Database: text is stored as UTF-8, so textUtf8() can hand out the stored bytes.
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt, bool utf8Database = false)
        : m_db(db), m_stmt(stmt), m_utf8Database(utf8Database)
    {}
    SqliteStatement(SqliteStatement &&other) noexcept;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    SqliteStatement &operator=(SqliteStatement &&) = delete;

    void bindNull(int index);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &value);
    /// Binds text from its UTF-8 bytes as they are.
    void bindUtf8(int index, QByteArrayView utf8);
    void bind(int index, const QByteArray &blob);
    /// Binds a QVariant by its type: null, integer types, double, QByteArray (BLOB), else text.
    void bindVariant(int index, const QVariant &value);
    bool step();
    void reset();
    /// Runs to completion (for statements without result rows).
    void run();

    int columnCount() const;
    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    /// The value in its storage class: null QVariant, qint64, double, QString or QByteArray.
    QVariant value(int column) const;

    enum class StorageClass { Null, Integer, Real, Text, Blob };
    StorageClass storageClass(int column) const;
    /// A text value's UTF-8 bytes, or a blob's bytes, without a copy: valid until the next
    /// step(), reset() or other read of this column.
    QByteArrayView textUtf8(int column) const;
    QByteArrayView blobBytes(int column) const;

private:
    void check(int rc, const char *what) const;
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    bool m_utf8Database;
};

} // namespace ms::sim
