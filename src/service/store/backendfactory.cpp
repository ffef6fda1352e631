#include "backendfactory.h"

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
        break;
    case DatabaseTarget::Kind::SqlServer:
        break;
    }
    throw serverError(
        u"%1: this build of MirrorScope cannot mirror to it yet"_s.arg(target.describe()));
}

} // namespace ms
