#pragma once

#include <QString>

namespace ms {

/// Where the mirrors live, as `--database SPEC` (and the saved setting of that name) says:
///   absent or empty                                  the embedded SQLite files in the data dir
///   postgresql://USER[:PASSWORD]@HOST[:PORT]/DB      one schema "Mirror_<ctx>" per tenant in DB
///   mssql://USER[:PASSWORD]@HOST[:PORT]/             one database "Mirror_<ctx>" per tenant
/// ("postgres://" is accepted too; user and password may be percent-encoded; PostgreSQL takes
/// the libpq options sslmode, sslrootcert, connect_timeout and application_name as ?key=value).
/// Without a password in the URL, libpq's PGPASSWORD / ~/.pgpass apply. A plain value.
struct DatabaseTarget
{
    enum class Kind { Sqlite, Postgres, SqlServer };

    Kind kind = Kind::Sqlite;
    QString dataDir; ///< Sqlite: the directory of the mirror files
    QString host;
    int port = -1; ///< the URL's port, else the server's usual one (5432, 1433)
    QString user;
    QString password;       ///< never logged or shown
    QString database;       ///< Postgres: the database holding the tenants' schemas
    QString connectOptions; ///< QSqlDatabase::setConnectOptions text, from the URL's query

    /// Throws ms::Error (Client) saying what is wrong with spec; it never repeats the password.
    static DatabaseTarget parse(const QString &spec, const QString &dataDir);

    /// For people and logs, without the password: "PostgreSQL database mirrors on
    /// db.example:5432 as mirror", "SQLite files in /path".
    QString describe() const;

    bool operator==(const DatabaseTarget &) const = default;
};

} // namespace ms
