#pragma once

#include <QString>

class QSqlDatabase;

namespace ms {

/// How a reader (the window's panes, the simulator's verifier) opens its own QSqlDatabase on one
/// tenant's mirror: QSqlDatabase::addDatabase(driver, ...) with these settings, then, when schema
/// is not empty, every table is qualified with it (or `SET search_path TO "<schema>"`).
/// A plain value; it carries the password, so never log or show it.
struct ReadAccess
{
    QString driver; ///< "QSQLITE", "QPSQL" or "QODBC"
    /// The mirror file (SQLite), the database (PostgreSQL), the ODBC connection string of the
    /// tenant's database (SQL Server)
    QString databaseName;
    QString host;
    int port = -1;
    QString user;
    QString password;       ///< empty: libpq's PGPASSWORD / ~/.pgpass apply
    QString connectOptions; ///< QSqlDatabase::setConnectOptions
    QString schema;         ///< "Mirror_<ctx>" on PostgreSQL, empty for SQLite
};

/// Sets a server connection's database, host, port, user, password and options from `access`
/// (PostgreSQL: every reader of a PostgreSQL mirror opens it this way).
void configureServerConnection(QSqlDatabase &db, const ReadAccess &access);

} // namespace ms
