#include "endpointcontroller.h"

#include "service/common/logging.h"
#include "service/endpoint/endpointserver.h"
#include "service/endpoint/mirroringservice.h"
#include "service/endpoint/tenantslots.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"
#include "service/store/backendfactory.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

EndpointController::EndpointController(const QString &dataDir, QObject *parent)
    : EndpointController(dataDir, DatabaseTarget::parse({}, dataDir), parent)
{}

EndpointController::EndpointController(const QString &dataDir, const DatabaseTarget &target,
                                       QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_database(target)
{
    QDir().mkpath(dataDir);
    m_backend = createMirrorBackend(target);
    m_events = std::make_unique<EventLog>(dataDir);
    m_registry = std::make_unique<TenantRegistry>(dataDir);
    m_slots = std::make_unique<TenantSlots>(*m_backend);
    m_flushTimer.setInterval(FlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &EndpointController::flush);
    m_flushTimer.start();
}

EndpointController::~EndpointController()
{
    stop();
}

MirrorBackend &EndpointController::backend()
{
    return *m_backend;
}

bool EndpointController::start(const EndpointSetup &setup)
{
    stop();
    m_setup = setup;
    m_lastError.clear();
    m_service =
        std::make_unique<MirroringService>(setup.endpoint, *m_slots, *m_events, *m_registry);
    m_server = std::make_unique<EndpointServer>(*m_service);
    // Direct: these run on the endpoint's worker threads and only touch the locked queue; the
    // GUI sees them in batches (flush), never one queued event per call.
    connect(m_server.get(), &EndpointServer::callServed, this, &EndpointController::noteCall,
            Qt::DirectConnection);
    connect(m_server.get(), &EndpointServer::eventLogged, this, &EndpointController::noteEvent,
            Qt::DirectConnection);
    QString error;
    if (!m_server->start(setup.http, &error)) {
        m_server.reset();
        m_service.reset();
        m_lastError = error.isEmpty() ? tr("cannot listen on %1").arg(setup.listenText)
                                      : tr("cannot listen on %1: %2").arg(setup.listenText, error);
        qCWarning(lcUi) << "Endpoint did not start:" << m_lastError;
        logEvent({}, Severity::Error, u"Endpoint"_s,
                 eventmessage::endpointListenFailed(setup.listenText, error));
        Q_EMIT runningChanged(false);
        return false;
    }
    Q_EMIT runningChanged(true);
    return true;
}

void EndpointController::stop()
{
    if (!m_server)
        return;
    m_server->stop();
    m_server.reset();
    m_service.reset();
    flush();
    Q_EMIT runningChanged(false);
}

bool EndpointController::isRunning() const
{
    return m_server && m_server->isRunning();
}

QUrl EndpointController::url() const
{
    return m_server ? m_server->url() : QUrl();
}

void EndpointController::logEvent(const QString &tenant, Severity severity,
                                  const QString &operation, const EventMessage &message,
                                  const QString &details)
{
    noteEvent(m_events->append(tenant, severity, operation, message, details));
}

void EndpointController::noteEvent(const Event &event)
{
    const QMutexLocker lock(&m_queueMutex);
    m_pendingEvents.append(event);
}

void EndpointController::noteCall(const CallRecord &call)
{
    const QMutexLocker lock(&m_queueMutex);
    m_pendingCalls.append(call);
}

void EndpointController::flush()
{
    QList<CallRecord> calls;
    QList<Event> events;
    {
        const QMutexLocker lock(&m_queueMutex);
        calls.swap(m_pendingCalls);
        events.swap(m_pendingEvents);
    }
    if (!calls.isEmpty()) {
        m_callsServed += calls.size();
        m_lastCallAt = calls.constLast().time;
        Q_EMIT callsArrived(calls);
    }
    if (!events.isEmpty())
        Q_EMIT eventsArrived(events);
}

} // namespace ms::ui
