#pragma once

#include "callrecord.h"
#include "endpointconfig.h"
#include "tenantslots.h"

#include "service/auth/tokenvalidator.h"
#include "service/http/httprequest.h"
#include "service/http/httpresponse.h"
#include "service/state/event.h"
#include "service/state/eventmessage.h"

#include <QMutex>

#include <functional>
#include <memory>

namespace ms {

class EventLog;
class TenantRegistry;
class MirrorBackend;
class SoapRequestReader;
struct TokenClaims;

/// The SOAP service of PROTOCOL.md: one POSTed envelope in, one answer out. Every call is
/// validated on its own (token, SOAPAction, body); a refused or failed call changes nothing.
/// handle() is thread-safe; calls for one tenant are serialized, other tenants run in parallel.
class MirroringService final
{
public:
    MirroringService(EndpointConfig config, TenantSlots &slots, EventLog &events,
                     TenantRegistry &registry);
    Q_DISABLE_COPY_MOVE(MirroringService)

    HttpResponse handle(const HttpRequest &request);

    /// Observers, called on the calling (worker) thread; set them before serving.
    void setCallObserver(std::function<void(const CallRecord &)> observer);
    void setEventObserver(std::function<void(const Event &)> observer);

    /// Replaces the trusted SuperOffice certificates, e.g. to trust the in-process demo's
    /// signing certificate for the demo's duration only. Calls in progress keep the old set.
    void setTrustedCertificates(const QList<Certificate> &certificates);
    QList<Certificate> trustedCertificates() const;
    const EndpointConfig &config() const { return m_config; }

    /// For actions outside calls (the window, the CLI): logs and notifies the observer.
    void logEvent(const QString &tenant, Severity severity, const QString &operation,
                  const EventMessage &message, const QString &details = {});

private:
    QByteArray dispatch(SoapRequestReader &reader, const TokenClaims &claims, CallRecord &call);
    QByteArray authenticate(SoapRequestReader &reader, const TokenClaims &claims);
    QByteArray tableSchema(SoapRequestReader &reader, const QString &tenant);
    QByteArray wipe(SoapRequestReader &reader, const QString &tenant);
    QByteArray rowData(SoapRequestReader &reader, const QString &tenant, CallRecord &call);
    QByteArray replicationCompleted(SoapRequestReader &reader, const QString &tenant);
    QDateTime now() const;

    std::shared_ptr<const TokenValidator> validator() const;

    EndpointConfig m_config;
    mutable QMutex m_validatorMutex;
    std::shared_ptr<const TokenValidator> m_validator;
    TenantSlots &m_slots;
    EventLog &m_events;
    TenantRegistry &m_registry;
    std::function<void(const CallRecord &)> m_callObserver;
    std::function<void(const Event &)> m_eventObserver;
};

} // namespace ms
