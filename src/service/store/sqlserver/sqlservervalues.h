#pragma once

#include "service/common/protocoltypes.h"

#include <QVariant>

namespace ms {

struct SqlServerType;

/// RowData values and constant defaults for SQL Server columns of exactly the received type.

/// The value as QODBC binds it for a column of type: integers as qint64 (bit as bool), floats
/// as double, binary as bytes, everything else (decimal, dates, GUIDs, text) as the received
/// text, which SQL Server converts. NULL is a NULL of the same kind, so that one column of a
/// multi-row VALUES list never mixes nvarchar with varbinary. Returns empty when bound, else
/// why the value is refused (checked here where SQL Server would round or name no row).
QString bindSqlServerValue(const SqlServerType &type, const CellValue &value, QVariant &bound);

/// The column's constant default as a T-SQL literal ("0", "1.5", "N'a''b'", "'2020-01-01'"),
/// or empty when it has none (nil, a function, binary).
QString sqlServerDefaultLiteral(const ColumnSchema &column);

} // namespace ms
