#pragma once

#include "endpointsetup.h"

#include "service/store/databasetarget.h"

#include "service/endpoint/callrecord.h"
#include "service/state/event.h"
#include "service/state/eventmessage.h"

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace ms {
class EndpointServer;
class EventLog;
class MirrorBackend;
class MirroringService;
class TenantRegistry;
class TenantSlots;
} // namespace ms

namespace ms::ui {

/// The window's service objects for one data directory (mirror backend, event log, tenant
/// registry, tenant slots) and its endpoint (MirroringService + EndpointServer), started and
/// stopped on demand. Calls and events from the endpoint's worker threads are queued under a
/// mutex and handed to the GUI in batches every FlushMs. GUI thread, except noteEvent().
class EndpointController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointController)
public:
    static constexpr int FlushMs = 150;

    /// Opens (creating) the data directory's state, mirrors in SQLite files there; throws
    /// ms::Error.
    explicit EndpointController(const QString &dataDir, QObject *parent = nullptr);
    /// The same with the mirrors where target says (a server is not contacted here: one that
    /// cannot be reached shows up in the readers' and the endpoint's errors).
    EndpointController(const QString &dataDir, const DatabaseTarget &target,
                       QObject *parent = nullptr);
    ~EndpointController() override;

    QString dataDir() const { return m_dataDir; }
    /// Where the mirrors are, for people (never with the password).
    QString databaseDescription() const { return m_database.describe(); }
    MirrorBackend &backend();
    EventLog &events() { return *m_events; }
    TenantRegistry &registry() { return *m_registry; }
    TenantSlots &tenantSlots() { return *m_slots; }

    /// Starts (or restarts) the endpoint; false with lastError() when it cannot listen (and
    /// that is written to the event log).
    bool start(const EndpointSetup &setup);
    void stop();
    bool isRunning() const;
    QUrl url() const;
    QString lastError() const { return m_lastError; }
    /// The setup of the running (or last started) endpoint.
    const EndpointSetup &setup() const { return m_setup; }
    /// Null while stopped.
    MirroringService *service() const { return m_service.get(); }

    /// Records an event of the window (an action) in the log and in the next batch. Any thread.
    void logEvent(const QString &tenant, Severity severity, const QString &operation,
                  const EventMessage &message, const QString &details = {});
    /// An event already in the log (e.g. from MirrorAdmin's observer): only queued for the
    /// GUI. Any thread.
    void noteEvent(const Event &event);

    qint64 callsServed() const { return m_callsServed; }
    QDateTime lastCallAt() const { return m_lastCallAt; }

Q_SIGNALS:
    void runningChanged(bool running);
    /// Batches, oldest first.
    void callsArrived(const QList<ms::CallRecord> &calls);
    void eventsArrived(const QList<ms::Event> &events);

private:
    void noteCall(const CallRecord &call);
    void flush();

    QString m_dataDir;
    DatabaseTarget m_database;
    std::unique_ptr<MirrorBackend> m_backend;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<TenantRegistry> m_registry;
    std::unique_ptr<TenantSlots> m_slots;
    std::unique_ptr<MirroringService> m_service;
    std::unique_ptr<EndpointServer> m_server;
    EndpointSetup m_setup;
    QString m_lastError;

    QMutex m_queueMutex;
    QList<CallRecord> m_pendingCalls;
    QList<Event> m_pendingEvents;
    QTimer m_flushTimer;
    qint64 m_callsServed = 0;
    QDateTime m_lastCallAt;
};

} // namespace ms::ui
