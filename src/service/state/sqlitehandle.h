#pragma once

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace ms::state {

/// A minimal RAII sqlite3 connection for the control database (events, tenant states). Not
/// thread-safe; owners guard it with their own mutex.
class SqliteHandle final
{
public:
    SqliteHandle() = default;
    ~SqliteHandle();
    SqliteHandle(SqliteHandle &&other) noexcept;
    SqliteHandle &operator=(SqliteHandle &&other) noexcept;
    SqliteHandle(const SqliteHandle &) = delete;
    SqliteHandle &operator=(const SqliteHandle &) = delete;

    /// Opens (creating when allowed) the file; throws ms::Error(Server) naming the file.
    static SqliteHandle open(const QString &path, bool readOnly = false);
    void exec(const char *sql);
    sqlite3 *get() const { return m_db; }
    QString errorText() const;

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

/// A prepared statement, finalized on destruction; bind*/step throw ms::Error(Server).
class Statement final
{
public:
    Statement(const SqliteHandle &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    void bindNull(int index);
    /// true while a row is available
    bool step();
    qint64 int64At(int column) const;
    QString textAt(int column) const;
    bool isNullAt(int column) const;

private:
    const SqliteHandle &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace ms::state
