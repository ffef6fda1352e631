#pragma once

// Helpers of the threads that read mirrors over QSQLITE, QPSQL or QODBC (MirrorReader,
// CsvExporter): statement execution with bound values, NULL-preserving values, and the identity of
// a mirror file. Callers use them on the thread that owns the connection.

#include "keysetsql.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace ms {

/// The sqlite3* behind a QSQLITE connection (for sqlite3_interrupt), or nullptr.
void *sqliteHandle(const QSqlDatabase &db);

/// Prepares, binds text.binds in order, executes forward-only; throws ms::Error(Server).
QSqlQuery execPrepared(const QSqlDatabase &db, const SqlText &text);
/// On PostgreSQL: numeric as exact text rather than a double. Before prepare() / exec().
void preferExactNumbers(QSqlQuery &query);
/// The column's value; SQL NULL as an invalid QVariant whatever type the driver tags it with,
/// through cellValue().
QVariant sqlValue(const QSqlQuery &query, int column);
/// A driver's value as the readers show it on every target: integers and booleans (0/1, like
/// SQL Server's bit) as qlonglong, dates and times in the protocol's text form
/// (2024-01-31T13:45:00.123), GUIDs without braces; doubles, text and bytes unchanged.
QVariant cellValue(const QVariant &value);
/// Throws ms::Error(Server) when stepping through the rows failed (or was interrupted).
void throwIfStepFailed(const QSqlQuery &query);

struct FileId
{
    quint64 device = 0, inode = 0;
    bool operator==(const FileId &) const = default;
};
/// nullopt when the file does not exist.
std::optional<FileId> fileIdOf(const QString &path);

} // namespace ms
