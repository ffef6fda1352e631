#include "mirroradmin.h"

#include "tenantslots.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

MirrorAdmin::MirrorAdmin(TenantSlots &slots, EventLog &events, TenantRegistry &registry,
                         std::function<void(const Event &)> eventObserver)
    : m_slots(slots), m_events(events), m_registry(registry),
      m_eventObserver(std::move(eventObserver))
{}

void MirrorAdmin::requireMirror(const QString &tenant) const
{
    if (!isValidTenantId(tenant))
        throw clientError(
            u"\"%1\" is not a tenant id (a letter, then letters, digits or _)."_s.arg(tenant));
    if (!m_slots.backend().exists(tenant)) {
        throw clientError(u"There is no mirror for tenant %1 in %2."_s.arg(
            tenant, m_slots.backend().description()));
    }
}

void MirrorAdmin::log(const QString &tenant, Severity severity, const QString &operation,
                      const EventMessage &message, const QString &details)
{
    const Event event = m_events.append(tenant, severity, operation, message, details);
    if (m_eventObserver)
        m_eventObserver(event);
}

void MirrorAdmin::invalidate(const QString &tenant, const QStringList &tables)
{
    requireMirror(tenant);
    m_slots.withStore(tenant, [&](MirrorStore &store) { store.invalidate(tables); });
    log(tenant, Severity::Warning, u"Invalidate"_s, eventmessage::invalidated(tables));
}

void MirrorAdmin::repopulate(const QString &tenant, const QStringList &tables)
{
    requireMirror(tenant);
    m_slots.withStore(tenant, [&](MirrorStore &store) { store.repopulate(tables); });
    log(tenant, Severity::Warning, u"Repopulate"_s, eventmessage::repopulated(tables));
}

void MirrorAdmin::setPaused(const QString &tenant, bool paused)
{
    if (!isValidTenantId(tenant))
        throw clientError(
            u"\"%1\" is not a tenant id (a letter, then letters, digits or _)."_s.arg(tenant));
    m_registry.setPaused(tenant, paused);
    log(tenant, Severity::Information, paused ? u"Pause"_s : u"Resume"_s,
        paused ? eventmessage::paused() : eventmessage::resumed());
}

void MirrorAdmin::deleteMirror(const QString &tenant)
{
    requireMirror(tenant);
    m_slots.withClosedStore(tenant, [&] { m_slots.backend().deleteTenant(tenant); });
    m_registry.forget(tenant);
    log(tenant, Severity::Warning, u"Delete"_s, eventmessage::mirrorDeleted(tenant));
}

} // namespace ms
