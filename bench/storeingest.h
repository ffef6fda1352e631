#pragma once

#include "rawinsert.h"

namespace ms::bench {

/// (b) The store alone: the rows as RowData calls of about `batchBytes` of values each,
/// through MirrorStore::beginRowData() of a fresh SQLite mirror in `dataDir` (tenant `tenant`),
/// the table's LSN on its last batch, exactly as the endpoint would feed them.
Measurement measureStoreIngest(const BenchData &data, const QString &dataDir, const QString &tenant,
                               qint64 batchBytes);

} // namespace ms::bench
