#pragma once

#include "service/common/protocoltypes.h"

namespace ms {

/// SHA-256 (lower-case hex) over the schema with its types normalized (lower case, no spaces),
/// so that a change of letter case in a type alone keeps the hash. Stable across versions:
/// it is stored in the mirror's metadata table. Reentrant.
QString schemaHash(const TableSchema &schema);

/// The schema with every type normalized: what schemaHash covers and what schema comparisons use.
TableSchema normalizedSchema(const TableSchema &schema);

} // namespace ms
