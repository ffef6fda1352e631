#include "postgresmirrorbackend.h"

#include "postgresdialect.h"

namespace ms {

PostgresMirrorBackend::PostgresMirrorBackend(DatabaseTarget target)
    : SqlMirrorBackend(std::make_unique<PostgresDialect>(), std::move(target))
{}

ReadAccess PostgresMirrorBackend::readAccess(const QString &tenant) const
{
    ReadAccess access = SqlMirrorBackend::readAccess(tenant);
    access.schema = dialect().tenantContainer(tenant);
    return access;
}

} // namespace ms
