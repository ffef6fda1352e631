#include "sqlmirrorbackend.h"

#include "sqlconnectionpool.h"
#include "sqldialect.h"
#include "sqlmirrorstore.h"
#include "sqlsession.h"

#include "service/common/identifiers.h"
#include "service/common/logging.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqlMirrorBackend::SqlMirrorBackend(std::unique_ptr<SqlDialect> dialect, DatabaseTarget target)
    : m_target(std::move(target)), m_context(std::make_shared<SqlServerContext>())
{
    m_context->pool = std::make_unique<SqlConnectionPool>(*dialect, m_target);
    m_context->dialect = std::move(dialect);
}

SqlMirrorBackend::~SqlMirrorBackend() = default;

const SqlDialect &SqlMirrorBackend::dialect() const
{
    return *m_context->dialect;
}

void SqlMirrorBackend::requireValid(const QString &tenant) const
{
    if (!isValidTenantId(tenant))
        throw clientError(u"'%1' is not a valid tenant id"_s.arg(tenant));
    const SqlDialect &sql = dialect();
    sql.checkIdentifier(sql.tenantContainer(tenant), u"The mirror of tenant '%1'"_s.arg(tenant));
    sql.checkIdentifier(sql.metadataTableName(tenant),
                        u"The metadata table of tenant '%1'"_s.arg(tenant));
}

std::unique_ptr<MirrorStore> SqlMirrorBackend::open(const QString &tenant)
{
    requireValid(tenant);
    const SqlDialect &sql = dialect();
    {
        SqlSession session(*m_context, sql.connectionDatabase(m_target.database, {}));
        prepareTenant(session, tenant);
    }
    return std::make_unique<SqlMirrorStore>(
        m_context, sql.connectionDatabase(m_target.database, tenant), tenant);
}

void SqlMirrorBackend::prepareTenant(SqlSession &session, const QString &tenant) const
{
    for (const QString &statement : dialect().createTenantStatements(tenant))
        session.exec(statement, u"creating the mirror of tenant %1"_s.arg(tenant));
}

QStringList SqlMirrorBackend::tenants() const
{
    SqlSession session(*m_context, dialect().connectionDatabase(m_target.database, {}));
    QSqlQuery query = session.run(dialect().tenantsQuery(), {}, u"listing the tenants"_s);
    QStringList result;
    while (query.next()) {
        const QString tenant = query.value(0).toString();
        if (isValidTenantId(tenant))
            result.append(tenant);
    }
    result.sort();
    result.removeDuplicates();
    return result;
}

bool SqlMirrorBackend::exists(const QString &tenant) const
{
    return isValidTenantId(tenant) && tenants().contains(tenant);
}

void SqlMirrorBackend::deleteTenant(const QString &tenant)
{
    requireValid(tenant);
    SqlSession session(*m_context, dialect().connectionDatabase(m_target.database, {}));
    for (const QString &statement : dialect().dropTenantStatements(tenant))
        session.exec(statement, u"deleting the mirror of tenant %1"_s.arg(tenant));
    qCInfo(lcStore) << "Deleted the mirror of tenant" << tenant << "on" << description();
}

QString SqlMirrorBackend::description() const
{
    return m_target.describe();
}

ReadAccess SqlMirrorBackend::readAccess(const QString &tenant) const
{
    requireValid(tenant);
    ReadAccess access;
    access.driver = dialect().driverName();
    access.databaseName = dialect().connectionDatabase(m_target.database, tenant);
    access.host = m_target.host;
    access.port = m_target.port;
    access.user = m_target.user;
    access.password = m_target.password;
    access.connectOptions = m_target.connectOptions;
    return access;
}

} // namespace ms
