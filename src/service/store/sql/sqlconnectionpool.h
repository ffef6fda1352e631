#pragma once

#include "service/store/databasetarget.h"

#include <QMutex>
#include <QSet>
#include <QSqlDatabase>

namespace ms {

class SqlDialect;

/// QSqlDatabase connections belong to the thread that opened them, and the endpoint calls a
/// store from a worker pool (one caller at a time, any thread). So each thread gets its own
/// connection per database, opened on first use, named uniquely for this pool; all of them are
/// closed and removed when the pool dies. Thread-safe.
class SqlConnectionPool final
{
    Q_DISABLE_COPY_MOVE(SqlConnectionPool)
public:
    /// Connects to nothing yet. dialect must outlive the pool.
    SqlConnectionPool(const SqlDialect &dialect, DatabaseTarget target);
    ~SqlConnectionPool();

    /// The calling thread's open connection to database, opened (and set up with the
    /// dialect's session statements) on first use. Throws ms::Error Server saying the server
    /// cannot be reached, and why.
    QSqlDatabase connection(const QString &database);

    const DatabaseTarget &target() const { return m_target; }
    /// "PostgreSQL at host:port" for messages; never the password.
    QString serverText() const;

private:
    QString connectionName(const QString &database) const;

    const SqlDialect &m_dialect;
    const DatabaseTarget m_target;
    const quint64 m_poolId;
    QMutex m_mutex;
    QSet<QString> m_names; ///< every connection this pool added, in any thread
};

/// The first line of a driver's error text without libpq's "FATAL:"/"ERROR:" prefix nor Qt's
/// "(SQLSTATE)" suffix: "connection refused", "null value in column ...".
QString sqlErrorReason(const QString &databaseText);

} // namespace ms
