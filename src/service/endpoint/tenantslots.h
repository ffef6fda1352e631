#pragma once

#include "service/store/mirrorbackend.h"
#include "service/store/mirrorstore.h"

#include <QMutex>
#include <QString>

#include <functional>
#include <map>
#include <memory>

namespace ms {

/// Serializes work per tenant and keeps each tenant's mirror open between calls.
/// Calls for one tenant run one at a time; calls for different tenants run in parallel.
/// Thread-safe.
class TenantSlots final
{
public:
    explicit TenantSlots(MirrorBackend &backend) : m_backend(backend) {}
    Q_DISABLE_COPY_MOVE(TenantSlots)

    /// Runs work with the tenant's store (opened, and so created, on first use) while holding the
    /// tenant's lock. Exceptions from work or from opening propagate.
    void withStore(const QString &tenant, const std::function<void(MirrorStore &)> &work);

    /// Closes the tenant's open mirror (under its lock) and runs work, e.g. deleting the files.
    void withClosedStore(const QString &tenant, const std::function<void()> &work);

    MirrorBackend &backend() const { return m_backend; }

private:
    struct Slot
    {
        QMutex mutex;
        std::unique_ptr<MirrorStore> store;
    };
    std::shared_ptr<Slot> slotFor(const QString &tenant);

    MirrorBackend &m_backend;
    QMutex m_mapMutex;
    std::map<QString, std::shared_ptr<Slot>> m_slots;
};

} // namespace ms
