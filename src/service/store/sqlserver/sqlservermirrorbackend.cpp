#include "sqlservermirrorbackend.h"

#include "sqlserverdialect.h"

#include "service/common/logging.h"
#include "service/store/readaccess.h"
#include "service/store/sql/sqlsession.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr unsigned long kPollIntervalMs = 200;

const SqlServerDialect &sqlServer(const SqlDialect &dialect)
{
    return static_cast<const SqlServerDialect &>(dialect);
}
} // namespace

SqlServerMirrorBackend::SqlServerMirrorBackend(DatabaseTarget target,
                                               std::chrono::milliseconds onlineTimeout)
    : SqlMirrorBackend(std::make_unique<SqlServerDialect>(), std::move(target)),
      m_onlineTimeout(onlineTimeout)
{}

ReadAccess SqlServerMirrorBackend::readAccess(const QString &tenant) const
{
    ReadAccess access = SqlMirrorBackend::readAccess(tenant);
    access.databaseName =
        sqlServer(dialect()).connectionString(target(), dialect().tenantContainer(tenant), false);
    if (access.password.isEmpty())
        access.password = qEnvironmentVariable(kSqlServerPasswordVariable);
    access.connectOptions = u"SQL_ATTR_LOGIN_TIMEOUT=10"_s;
    return access;
}

void SqlServerMirrorBackend::prepareTenant(SqlSession &session, const QString &tenant) const
{
    const SqlServerDialect &sql = sqlServer(dialect());
    const QString database = sql.tenantContainer(tenant);
    session.exec(sql.createDatabaseStatement(tenant),
                 u"creating the database %1 of tenant %2"_s.arg(database, tenant));
    // CREATE DATABASE may return while the database is still being made (or recovering, on a
    // busy server); its tables can be made only once it is ONLINE.
    QDeadlineTimer deadline(m_onlineTimeout);
    QString state;
    for (;;) {
        QSqlQuery query = session.run(sql.databaseStateQuery(), {database},
                                      u"waiting for the database %1"_s.arg(database));
        state = query.next() ? query.value(0).toString() : QString();
        if (state == u"ONLINE")
            break;
        if (deadline.hasExpired())
            throw serverError(
                u"%1: the database %2 of tenant %3 did not come online within %4 s (%5)"_s
                    .arg(description(), database, tenant)
                    .arg(m_onlineTimeout.count() / 1000.0)
                    .arg(state.isEmpty() ? u"it does not exist"_s : u"state "_s + state));
        QThread::msleep(kPollIntervalMs);
    }
    qCDebug(lcStore) << "Database" << database << "is online on" << description();
    SqlMirrorBackend::prepareTenant(session, tenant);
}

} // namespace ms
