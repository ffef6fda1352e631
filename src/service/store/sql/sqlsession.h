#pragma once

#include "service/common/error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace ms {

class SqlConnectionPool;
class SqlDialect;

/// What a backend and its stores share: the dialect, the target and the connections. Created
/// by the backend; stores hold it too, so it lives as long as the last of them.
struct SqlServerContext
{
    std::unique_ptr<SqlDialect> dialect;
    std::unique_ptr<SqlConnectionPool> pool;
};

/// The calling thread's connection to one database, with every failure turned into ms::Error:
/// Client when the dialect says the request is at fault (NOT NULL, key, a bad value), Server
/// otherwise, logged to mirrorscope.store. A connection that broke is replaced by the pool on
/// the next call. Use it on the thread that made it only.
class SqlSession final
{
public:
    /// Throws Server when the server cannot be reached. tenant, when given, names the mirror in
    /// error messages ("Mirror_<ctx> in database d on host:port").
    SqlSession(SqlServerContext &context, const QString &database, const QString &tenant = {});

    const SqlDialect &dialect() const { return *m_context->dialect; }
    QSqlDatabase &database() { return m_db; }

    /// Runs a statement without values.
    void exec(const QString &sql, const QString &what);
    /// Prepares and runs sql with the values bound in order; the query is positioned before the
    /// first row of its result.
    QSqlQuery run(const QString &sql, const QVariantList &values, const QString &what);
    /// A prepared query for repeated execute() calls.
    QSqlQuery prepare(const QString &sql, const QString &what);
    void execute(QSqlQuery &query, const QString &what);

    /// The error for a failed operation ("while <what>").
    Error error(const QSqlError &failure, const QString &what);

private:
    SqlServerContext *m_context;
    QString m_location; ///< where, for messages
    QSqlDatabase m_db;
};

/// BEGIN at construction; rolls back when destroyed uncommitted (a failure, an exception).
class SqlTransaction final
{
    Q_DISABLE_COPY_MOVE(SqlTransaction)
public:
    SqlTransaction(SqlSession &session, QString what);
    ~SqlTransaction();
    void commit();

private:
    SqlSession &m_session;
    QString m_what;
    bool m_done = false;
};

} // namespace ms
