#pragma once

#include "service/common/protocoltypes.h"

#include <QList>
#include <QString>

namespace ms::bench {

/// One table of the demo tenant with every row already in wire form, so that the three
/// measurements start from the same bytes and none of them pays for reading the source.
struct BenchTable
{
    TableSchema schema;
    QList<QList<CellValue>> rows;
    qint64 lsn = 1;          ///< the LSN the table's last batch records
    qint64 payloadBytes = 0; ///< UTF-8 bytes of all value texts
};

struct BenchData
{
    QList<BenchTable> tables;
    qint64 rowCount() const;
    qint64 payloadBytes() const;
    qint64 valueCount() const;
};

/// Generates the simulator's demo source with about `rows` rows at `sourcePath` (kept for the
/// end-to-end run) and loads it. Throws ms::Error.
BenchData loadDemoTenant(const QString &sourcePath, qint64 rows);

} // namespace ms::bench
