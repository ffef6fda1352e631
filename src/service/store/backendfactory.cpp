#include "backendfactory.h"

#include "postgres/postgresmirrorbackend.h"
#include "sqlitemirrorbackend.h"

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
        break;
    }
    throw serverError(
        u"%1: this build of MirrorScope cannot mirror to it yet"_s.arg(target.describe()));
}

} // namespace ms
