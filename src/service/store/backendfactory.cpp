#include "backendfactory.h"

#include "postgres/postgresmirrorbackend.h"
#include "sqlitemirrorbackend.h"
#include "sqlserver/sqlservermirrorbackend.h"

#include "service/common/error.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

std::unique_ptr<MirrorBackend> createMirrorBackend(const DatabaseTarget &target)
{
    switch (target.kind) {
    case DatabaseTarget::Kind::Sqlite:
        return std::make_unique<SqliteMirrorBackend>(target.dataDir);
    case DatabaseTarget::Kind::Postgres:
        return std::make_unique<PostgresMirrorBackend>(target);
    case DatabaseTarget::Kind::SqlServer:
        return std::make_unique<SqlServerMirrorBackend>(target);
    }
    throw serverError(u"unknown kind of database target"_s); // only a corrupt enum gets here
}

} // namespace ms
