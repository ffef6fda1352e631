#pragma once

#include "service/common/error.h"

#include <QString>

struct sqlite3;

namespace ms {

class SqliteStatement;

/// One open sqlite3 handle (RAII). Not thread-safe: one caller at a time, from any thread.
/// Every failure becomes ms::Error Server naming the file and what was being done.
class SqliteConnection final
{
    Q_DISABLE_COPY_MOVE(SqliteConnection)
public:
    /// Opens (creating when absent) the file read-write with WAL journaling and a busy timeout.
    explicit SqliteConnection(const QString &path);
    ~SqliteConnection();

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    /// Runs SQL text without parameters (DDL, pragmas, transaction control).
    void exec(const QString &sql, const QString &context);
    SqliteStatement prepare(const QString &sql, const QString &context);

    /// Server error for result code rc with sqlite3's own message and the file name.
    Error error(int rc, const QString &context) const;

    /// Whether an object (table, view, index) of that name exists, compared ignoring case.
    bool hasObject(const QString &name);
    /// The exact name of the object (table, view, index) whose name equals name ignoring case, as
    /// SQLite resolves names; empty when there is none.
    QString objectNameIgnoringCase(const QString &name);
    /// Whether a table of exactly that name exists. The mirror creates its tables under the exact
    /// names of their metadata rows, so a table differing in case is not the mirror's.
    bool hasTable(const QString &name);

private:
    QString m_path;
    sqlite3 *m_db = nullptr;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded.
class SqliteTransaction final
{
    Q_DISABLE_COPY_MOVE(SqliteTransaction)
public:
    SqliteTransaction(SqliteConnection &connection, QString context);
    ~SqliteTransaction();
    void commit();
    bool isActive() const { return m_active; }

private:
    SqliteConnection &m_connection;
    QString m_context;
    bool m_active = false;
};

} // namespace ms
