#include "readertypes.h"

#include <mutex>

namespace ms {

void registerReaderTypes()
{
    static std::once_flag once;
    std::call_once(once, [] {
        qRegisterMetaType<PageQuery>();
        qRegisterMetaType<RowPage>();
        qRegisterMetaType<TableSummary>();
        qRegisterMetaType<QList<TableSummary>>();
        qRegisterMetaType<TenantSummary>();
        qRegisterMetaType<QList<TenantSummary>>();
        qRegisterMetaType<QueryResult>();
        qRegisterMetaType<RowCounts>("ms::RowCounts");
        qRegisterMetaType<QList<QVariantList>>();
    });
}

} // namespace ms
