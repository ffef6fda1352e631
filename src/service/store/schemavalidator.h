#pragma once

#include "service/common/protocoltypes.h"

namespace ms {

/// Checks a TableSchema request against PROTOCOL.md's rules that need no database: identifiers,
/// case-insensitive duplicates, types, primary keys, reserved sqlite_ names. Throws ms::Error
/// Client naming the table and column at fault. Reentrant.
void validateSchemaRequest(const QList<TableSchema> &tables);

} // namespace ms
