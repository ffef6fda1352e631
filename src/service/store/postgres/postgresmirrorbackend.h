#pragma once

#include "service/store/sql/sqlmirrorbackend.h"

namespace ms {

/// Mirrors in a PostgreSQL database: schema "Mirror_<ctx>" per tenant holding the metadata
/// table "<ctx>_mirroring" (lower case) and the mirrored tables, named exactly as received.
/// Deleting a tenant drops its schema with everything in it. Thread-safe.
class PostgresMirrorBackend final : public SqlMirrorBackend
{
public:
    /// target.kind must be Postgres.
    explicit PostgresMirrorBackend(DatabaseTarget target);
    /// As SqlMirrorBackend's, with schema "Mirror_<ctx>".
    ReadAccess readAccess(const QString &tenant) const override;
};

} // namespace ms
