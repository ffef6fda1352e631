#pragma once

#include "service/common/protocoltypes.h"

#include <optional>

// The metadata table's schemajson column: a TableSchema exactly as received, so that the next
// TableSchema can be compared with it and function defaults are kept somewhere.
namespace ms {

QString schemaToJson(const TableSchema &schema);
/// nullopt when the text is not a schema written by schemaToJson (a hand-edited row).
std::optional<TableSchema> schemaFromJson(const QString &json);

} // namespace ms
