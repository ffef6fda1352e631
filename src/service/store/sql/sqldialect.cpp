#include "sqldialect.h"

#include "sqlbulkwriter.h"

namespace ms {

std::unique_ptr<SqlBulkWriter> SqlDialect::createBulkWriter(SqlSession &) const
{
    return {};
}

} // namespace ms
