#pragma once

#include "service/state/event.h"
#include "service/state/eventmessage.h"

#include <QStringList>

#include <functional>

namespace ms {

class EventLog;
class TenantRegistry;
class TenantSlots;

/// The repair actions that otherwise are hand-typed SQL, each written to the event log.
/// Shared by the window and the command line; with the running endpoint's TenantSlots they
/// wait for the tenant's call in progress. Methods throw ms::Error with a plain reason.
class MirrorAdmin final
{
public:
    MirrorAdmin(TenantSlots &slots, EventLog &events, TenantRegistry &registry,
                std::function<void(const Event &)> eventObserver = {});

    /// LSN -1 and all rows deleted (empty tables = every table): the documented forced re-sync.
    void invalidate(const QString &tenant, const QStringList &tables);
    /// The documented hard reset: metadata rows deleted and tables dropped; the next cycle
    /// recreates and repopulates them.
    void repopulate(const QString &tenant, const QStringList &tables);
    /// Paused tenants are answered doNotReplicate at Authenticate.
    void setPaused(const QString &tenant, bool paused);
    /// Deletes the tenant's mirror and forgets its state (its events stay in the log).
    void deleteMirror(const QString &tenant);

private:
    void requireMirror(const QString &tenant) const;
    void log(const QString &tenant, Severity severity, const QString &operation,
             const EventMessage &message, const QString &details = {});

    TenantSlots &m_slots;
    EventLog &m_events;
    TenantRegistry &m_registry;
    std::function<void(const Event &)> m_eventObserver;
};

} // namespace ms
