#pragma once

#include "service/common/protocoltypes.h"

#include <QVariant>

namespace ms {

struct SqlServerType;

/// A RowData value of type as the QVariant that QPSQL (and the COPY writer) sends for its
/// PostgreSQL column type, exactly: integers as numbers, bit as bool, float as the 17-digit
/// text of the nearest double, binary as bytes (empty, not NULL, when empty), everything else
/// as the text received. Returns an empty string when bound, else why the value is refused:
/// not a value of the type, U+0000 in text, more characters than varchar(n), more digits than
/// numeric(p,s) (which would round instead). Reentrant.
QString postgresBindValue(const SqlServerType &type, const CellValue &value, QVariant &bound);

} // namespace ms
