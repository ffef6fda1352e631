#pragma once

#include "rawinsert.h"

namespace ms {
class MirrorBackend;
}

namespace ms::bench {

/// (b) The store alone: the rows as RowData calls of about `batchBytes` of values each,
/// through MirrorStore::beginRowData() of a fresh mirror of `tenant` in `backend` (SQLite files,
/// or a database server with --database), the table's LSN on its last batch, exactly as the
/// endpoint would feed them (as UTF-8 to a store that takes it, see RowDataSink::takesUtf8Values,
/// made before the clock starts). `name` labels the figure.
Measurement measureStoreIngest(const BenchData &data, MirrorBackend &backend, const QString &tenant,
                               qint64 batchBytes, const QString &name);

} // namespace ms::bench
