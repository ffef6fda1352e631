#pragma once

#include "service/store/readaccess.h"

#include <QString>

#include <memory>

namespace ms {

/// What the scenarios mirror-restored and write-fails do to the endpoint's mirror behind its
/// back, for the backend the mirror lives on. One thread; the scenario's.
class MirrorTampering
{
public:
    /// Held while it lives: the endpoint can still read the mirror but every write waits for
    /// the lock and fails after the endpoint's own lock wait limit.
    class WriteBlock
    {
    public:
        virtual ~WriteBlock() = default;
    };

    virtual ~MirrorTampering() = default;
    /// Whether the tenant's mirror exists yet (before the first cycle it does not).
    virtual bool exists() = 0;
    /// Copies the whole mirror (tables and metadata) aside; a second call replaces the copy.
    virtual void takeSnapshot() = 0;
    /// Puts the copy back in place of the whole mirror, at once.
    virtual void restoreSnapshot() = 0;
    virtual std::unique_ptr<WriteBlock> blockWrites() = 0;
    /// A digest of every table's name, columns and rows (metadata included): equal digests,
    /// equal mirrors. Reads only, also while a WriteBlock is held.
    virtual QByteArray contentDigest() = 0;
};

/// For the mirror that `access` (MirrorBackend::readAccess) describes: the SQLite file (backup
/// API, BEGIN IMMEDIATE) or the tenant's PostgreSQL schema (a snapshot schema, table locks).
/// Throws ms::Error(Server) for a driver it cannot tamper with.
std::unique_ptr<MirrorTampering> createMirrorTampering(const ReadAccess &access,
                                                       const QString &tenant);

} // namespace ms
