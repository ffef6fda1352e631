#pragma once

#include "service/common/error.h"
#include <QByteArray>

#include <QString>

struct sqlite3_stmt;

namespace ms {

class SqliteConnection;

/// A prepared statement (RAII, movable). Same thread rules as its connection, which must
/// outlive it. Bind indexes are 1-based, column indexes 0-based, as in sqlite3.
class SqliteStatement final
{
public:
    SqliteStatement(SqliteConnection &connection, const QString &sql, QString context);
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    ~SqliteStatement();

    void bindNull(int index);
    void bindInt64(int index, qint64 value);
    void bindDouble(int index, double value);
    /// The caller keeps text alive until the statement is stepped and reset (no copy is made).
    void bindTextStatic(int index, QStringView text);
    /// UTF-8 text; the caller keeps it alive until the statement is stepped and reset. Never NULL.
    void bindUtf8Static(int index, const char *data, qsizetype size);
    /// SQLite keeps its own copy.
    void bindText(int index, const QString &text);
    /// The caller keeps bytes alive until the statement is stepped and reset. Empty bytes bind
    /// a zero-length blob, never NULL.
    void bindBlobStatic(int index, const QByteArray &bytes);

    /// Steps once: true when a row is available, false when done. Throws Server on failure.
    bool step();
    /// Steps once and returns sqlite3's result code, for callers that map some codes themselves.
    int stepCode();
    /// Ready for the next execution; bindings are kept.
    void reset();
    /// step() until done, then reset().
    void execute();

    bool isNull(int column) const;
    qint64 columnInt64(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;

    /// sqlite3's message for the last failure, with the file name and context.
    Error error(int rc) const;
    const QString &context() const { return m_context; }

private:
    void check(int rc, const char *what) const;

    SqliteConnection *m_connection = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_context;
};

} // namespace ms
