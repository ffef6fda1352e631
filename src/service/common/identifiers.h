#pragma once

#include <QString>

// Names that come from the wire end up in file names and SQL text; these are the only
// gates they pass through (PROTOCOL.md: the tenant claim, TableSchema's names).
namespace ms {

/// ^[A-Za-z][A-Za-z0-9_]{0,63}$
bool isValidTenantId(QStringView tenant);
/// ^[A-Za-z_][A-Za-z0-9_]{0,127}$
bool isValidSqlIdentifier(QStringView name);
/// The identifier in double quotes, for SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER).
/// Only for names that passed isValidSqlIdentifier or isValidTenantId; doubles any quote all the
/// same.
QString quoteIdentifier(QStringView name);

/// "Mirror_<ctx>": the mirror database (or file stem) of a tenant.
QString mirrorDatabaseName(QStringView tenant);
/// "<ctx>_mirroring": the metadata table of a tenant.
QString metadataTableName(QStringView tenant);

} // namespace ms
