#pragma once

#include "service/common/protocoltypes.h"

namespace ms {

/// How a mirrored table must change to match a requested schema (PROTOCOL.md, SchemaChange),
/// from its recorded schema. Created is never answered here: that depends on the database.
struct SchemaDiff
{
    SchemaChange change = SchemaChange::None;
    /// Altered only: indexes into the requested columns of the added ones, ascending.
    QList<qsizetype> addedColumns;
    /// Altered only: whether every added column comes after all of the recorded ones.
    bool appendedOnly = false;
};

/// Compares with types normalized. Reentrant. Both schemas must have passed validation.
SchemaDiff diffSchemas(const TableSchema &recorded, const TableSchema &requested);

} // namespace ms
