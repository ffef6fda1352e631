#include "mirrortampering.h"

#include "postgresmirrortampering.h"
#include "sqlitemirrortampering.h"

#include "service/common/error.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

std::unique_ptr<MirrorTampering> createMirrorTampering(const ReadAccess &access,
                                                       const QString &tenant)
{
    if (access.driver == u"QSQLITE")
        return std::make_unique<SqliteMirrorTampering>(access.databaseName);
    if (access.driver == u"QPSQL")
        return std::make_unique<PostgresMirrorTampering>(access, tenant);
    throw serverError(u"The simulator's scenarios cannot tamper with mirrors read through %1"_s.arg(
        access.driver));
}

} // namespace ms
