#include "tenantslots.h"

namespace ms {

std::shared_ptr<TenantSlots::Slot> TenantSlots::slotFor(const QString &tenant)
{
    QMutexLocker lock(&m_mapMutex);
    auto &slot = m_slots[tenant];
    if (!slot)
        slot = std::make_shared<Slot>();
    return slot;
}

void TenantSlots::withStore(const QString &tenant, const std::function<void(MirrorStore &)> &work)
{
    const auto slot = slotFor(tenant);
    QMutexLocker lock(&slot->mutex);
    if (!slot->store)
        slot->store = m_backend.open(tenant);
    work(*slot->store);
}

void TenantSlots::withClosedStore(const QString &tenant, const std::function<void()> &work)
{
    const auto slot = slotFor(tenant);
    QMutexLocker lock(&slot->mutex);
    slot->store.reset();
    work();
}

} // namespace ms
