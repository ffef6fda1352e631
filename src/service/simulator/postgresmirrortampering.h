#pragma once

#include "mirrortampering.h"

namespace ms {

/// The tenant's schema "Mirror_<ctx>" on PostgreSQL. A snapshot is a copy of every table of the
/// schema (metadata table included) in the schema "snap_<ctx>", taken in one transaction; a
/// restore drops the schema's tables and recreates them from the copy, also in one transaction,
/// so that the endpoint sees the old mirror or the restored one, never a mix. The write block is
/// a transaction holding every table of the schema IN EXCLUSIVE MODE: reads go on, writes wait
/// and end at the endpoint's lock_timeout, as SQLite's busy timeout ends them there.
class PostgresMirrorTampering final : public MirrorTampering
{
public:
    PostgresMirrorTampering(ReadAccess access, const QString &tenant);
    /// Drops a snapshot that was taken and never restored (a scenario that failed in between).
    ~PostgresMirrorTampering() override;

    bool exists() override;
    void takeSnapshot() override;
    void restoreSnapshot() override;
    std::unique_ptr<WriteBlock> blockWrites() override;
    QByteArray contentDigest() override;

private:
    ReadAccess m_access;
    QString m_metadataTable;
    QString m_snapshotSchema;
    bool m_snapshotPending = false;
};

} // namespace ms
