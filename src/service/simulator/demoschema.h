#pragma once

#include "service/common/protocoltypes.h"

namespace ms {

/// One table of the demo CRM and its share of the generated rows.
struct DemoTable
{
    TableSchema schema;
    int weight = 1; ///< relative number of rows
};

/// The SuperOffice-like tables the demo source holds. Together their column types use every
/// SQL Server type of PROTOCOL.md (tests check that).
QList<DemoTable> demoTables();

} // namespace ms
