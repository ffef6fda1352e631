#pragma once

#include "mirrorstore.h"
#include "readaccess.h"

#include <QStringList>

#include <memory>

namespace ms {

/// Where tenants' mirrors live. Thread-safe: any thread, concurrently.
class MirrorBackend
{
public:
    virtual ~MirrorBackend() = default;
    /// Opens (creating the database and its metadata table on first contact) the tenant's
    /// mirror. The tenant must satisfy ms::isValidTenantId (checked again: Client otherwise).
    virtual std::unique_ptr<MirrorStore> open(const QString &tenant) = 0;
    virtual bool exists(const QString &tenant) const = 0;
    /// Tenants that have a mirror, sorted.
    virtual QStringList tenants() const = 0;
    /// Removes the tenant's mirror. No store of that tenant may be open.
    virtual void deleteTenant(const QString &tenant) = 0;
    /// For people: "SQLite files in /path". Never shows a password.
    virtual QString description() const = 0;
    /// How a reader opens the tenant's mirror with its own connection (no connection is made
    /// here). The tenant must be valid (Client error otherwise).
    virtual ReadAccess readAccess(const QString &tenant) const = 0;
};

} // namespace ms
