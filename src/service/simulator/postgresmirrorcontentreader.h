#pragma once

#include "mirrorcontentreader.h"
#include "simpostgres.h"

#include <optional>

namespace ms {

/// A tenant's mirror on PostgreSQL (schema "Mirror_<ctx>", metadata table "<ctx>_mirroring" in
/// lower case) read through its own QPSQL connection. Every value is read as text (bytea as
/// hex) and turned into the storage class the source holds it in: integer types and boolean as
/// qint64, double precision as the double it prints, bytea as bytes, everything else as text;
/// numeric, date/time and uuid columns are compared in canonical form (see ValueForm), since
/// PostgreSQL keeps their values exactly but not their spelling.
class PostgresMirrorContentReader final : public MirrorContentReader
{
public:
    PostgresMirrorContentReader(ReadAccess access, const QString &tenant);

    QString missingReason() override;
    QString metadataTable() const override { return m_metadataTable; }
    bool tableExists(const QString &table) override;
    QHash<QString, qint64> recordedLsns() override;
    QList<MirrorColumn> columns(const QString &table) override;
    void forEachRow(const QString &table, const QList<MirrorColumn> &columns,
                    const std::function<void(QList<QVariant> &&)> &visit) override;

private:
    sim::PostgresConnection &mirror();
    QString qualified(const QString &table) const;

    ReadAccess m_access;
    QString m_metadataTable;
    /// Per table read by columns(): column name -> its PostgreSQL type (pg_type.typname).
    QHash<QString, QHash<QString, QString>> m_types;
    std::optional<sim::PostgresConnection> m_mirror;
};

} // namespace ms
