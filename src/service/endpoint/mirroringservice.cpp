#include "mirroringservice.h"

#include "service/auth/applicationtoken.h"
#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/common/logging.h"
#include "service/soap/soapaction.h"
#include "service/soap/soaprequestreader.h"
#include "service/soap/soapresponsewriter.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"

#include <QElapsedTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
HttpResponse soapResponse(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

HttpResponse faultResponse(SoapFault::Code code, const QString &reason)
{
    return soapResponse(500, writeFault(SoapFault{code, reason}));
}

QString describeCounts(const QList<TableCounts> &counts)
{
    QStringList lines;
    for (const TableCounts &c : counts) {
        lines += u"%1: %2 inserted, %3 updated, %4 deleted"_s.arg(c.tableName)
                     .arg(c.inserted)
                     .arg(c.updated)
                     .arg(c.deleted);
    }
    return lines.join(u'\n');
}
} // namespace

MirroringService::MirroringService(EndpointConfig config, TenantSlots &slots, EventLog &events,
                                   TenantRegistry &registry)
    : m_config(std::move(config)), m_slots(slots), m_events(events), m_registry(registry)
{
    setTrustedCertificates(m_config.trustedCertificates);
}

void MirroringService::setTrustedCertificates(const QList<Certificate> &certificates)
{
    auto validator = std::make_shared<const TokenValidator>(TokenValidatorConfig{
        m_config.applicationId, certificates, m_config.clockSkew, m_config.clock});
    QMutexLocker lock(&m_validatorMutex);
    m_config.trustedCertificates = certificates;
    m_validator = std::move(validator);
}

QList<Certificate> MirroringService::trustedCertificates() const
{
    QMutexLocker lock(&m_validatorMutex);
    return m_config.trustedCertificates;
}

std::shared_ptr<const TokenValidator> MirroringService::validator() const
{
    QMutexLocker lock(&m_validatorMutex);
    return m_validator;
}

void MirroringService::setCallObserver(std::function<void(const CallRecord &)> observer)
{
    m_callObserver = std::move(observer);
}

void MirroringService::setEventObserver(std::function<void(const Event &)> observer)
{
    m_eventObserver = std::move(observer);
}

void MirroringService::logEvent(const QString &tenant, Severity severity, const QString &operation,
                                const EventMessage &message, const QString &details)
{
    const Event event = m_events.append(tenant, severity, operation, message, details);
    if (m_eventObserver)
        m_eventObserver(event);
}

QDateTime MirroringService::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentDateTimeUtc();
}

HttpResponse MirroringService::handle(const HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    CallRecord call;
    call.bytes = request.body.size();
    HttpResponse response;
    QString tenant;
    try {
        const SoapActionHeader action =
            parseSoapAction(request.header("SOAPAction"), request.hasHeader("SOAPAction"));
        if (action.present && !action.operation)
            throw clientError(
                u"The SOAPAction header names no operation of IMirroringClientService."_s);

        SoapRequestReader reader(request.body);
        try {
            reader.readEnvelopeStart();
            call.operation = operationName(reader.operation());
            if (action.present && *action.operation != reader.operation()) {
                throw clientError(
                    u"The SOAPAction header names %1 but the body is a %2 request."_s.arg(
                        operationName(*action.operation), call.operation));
            }

            const bool isAuthenticate = reader.operation() == SoapOperation::Authenticate;
            const TokenValidationResult token =
                validator()->validate(reader.signedToken().toUtf8(), isAuthenticate);
            if (!token.ok) {
                reader.checkWellFormedSoFar();
                call.error = token.error;
                logEvent({}, Severity::Warning, call.operation,
                         eventmessage::tokenRejected(token.error));
                if (isAuthenticate) {
                    AuthenticateResponse refused;
                    refused.isSuccessful = false;
                    refused.errorMessage = token.error;
                    response = soapResponse(200, writeAuthenticateResponse(refused));
                } else {
                    response = faultResponse(SoapFault::Code::Client, token.error);
                }
            } else {
                tenant = token.claims.tenant;
                call.tenant = tenant;
                m_registry.recordCall(tenant, call.operation, now());
                // The mirror (and its metadata table) exists from the first call with a valid
                // token, even one refused afterwards for what its body holds (PROTOCOL.md).
                m_slots.withStore(tenant, [](MirrorStore &) {});
                response = soapResponse(200, dispatch(reader, token.claims, call));
                call.ok = true;
            }
        } catch (...) {
            // The subset tokenizer hands out tokens before it has seen the whole document,
            // expat reads ahead in chunks: where expat alone would have refused the document
            // by now, its fault wins over this refusal, whichever parser read the call.
            reader.checkWellFormedSoFar();
            throw;
        }
    } catch (const ms::Error &e) {
        call.error = e.message();
        const bool client = e.kind() == ms::Error::Kind::Client;
        qCInfo(lcEndpoint) << "Fault for" << (tenant.isEmpty() ? u"?"_s : tenant) << call.operation
                           << e.message();
        logEvent(tenant, Severity::Error, call.operation.isEmpty() ? u"Request"_s : call.operation,
                 client ? eventmessage::callRefused(e.message())
                        : eventmessage::callFailed(e.message()),
                 u"Operation: %1\nFault code: %2\nReason: %3"_s.arg(
                     call.operation.isEmpty() ? u"(unknown)"_s : call.operation,
                     client ? u"s:Client"_s : u"s:Server"_s, e.message()));
        if (!tenant.isEmpty())
            m_registry.recordFailure(tenant, e.message(), now());
        response =
            faultResponse(client ? SoapFault::Code::Client : SoapFault::Code::Server, e.message());
    } catch (const std::exception &e) {
        call.error = QString::fromLocal8Bit(e.what());
        qCWarning(lcEndpoint) << "Unexpected failure:" << call.error;
        if (!tenant.isEmpty())
            m_registry.recordFailure(tenant, call.error, now());
        response = faultResponse(SoapFault::Code::Server,
                                 u"Internal error while serving the call: %1"_s.arg(call.error));
    }
    call.time = QDateTime::currentDateTimeUtc();
    call.durationUs = timer.nsecsElapsed() / 1000;
    if (m_callObserver)
        m_callObserver(call);
    return response;
}

QByteArray MirroringService::dispatch(SoapRequestReader &reader, const TokenClaims &claims,
                                      CallRecord &call)
{
    switch (reader.operation()) {
    case SoapOperation::Authenticate:
        return authenticate(reader, claims);
    case SoapOperation::TableSchema:
        return tableSchema(reader, claims.tenant);
    case SoapOperation::Wipe:
        return wipe(reader, claims.tenant);
    case SoapOperation::RowData:
        return rowData(reader, claims.tenant, call);
    case SoapOperation::ReplicationCompleted:
        return replicationCompleted(reader, claims.tenant);
    }
    throw clientError(u"Unknown operation."_s);
}

QByteArray MirroringService::authenticate(SoapRequestReader &reader, const TokenClaims &claims)
{
    const AuthenticateRequest request = reader.readAuthenticate();
    Q_UNUSED(request)

    AuthenticateResponse response;
    response.isSuccessful = true;
    response.signedApplicationToken =
        signApplicationToken(m_config.applicationKey, claims.nonce, now());
    response.supportedInterfaces = 1;
    response.superOfficeMirroringBuild = u"MirrorScope " MIRRORSCOPE_VERSION ""_s;
    // Our ClientState names the cycle, so that a cycle's calls can be told apart in the log.
    response.clientState = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (m_registry.isPaused(claims.tenant)) {
        response.additionalInformationJson = uR"({"doNotReplicate":"true"})"_s;
        logEvent(claims.tenant, Severity::Information, u"Authenticate"_s,
                 eventmessage::tenantPausedSkipped());
    } else {
        m_registry.recordCycleStarted(claims.tenant, now());
    }
    return writeAuthenticateResponse(response);
}

QByteArray MirroringService::tableSchema(SoapRequestReader &reader, const QString &tenant)
{
    const TableSchemaRequest request = reader.readTableSchema();
    TableSchemaResponse response;
    response.clientState = request.clientState;
    QStringList dropped;
    m_slots.withStore(tenant, [&](MirrorStore &store) {
        QStringList requested;
        for (const TableSchema &t : request.tables)
            requested += t.tableName;
        for (const MirroredTable &t : store.tables()) {
            if (!requested.contains(t.tableName))
                dropped += t.tableName;
        }
        response.tables = store.applySchema(request.tables);
    });

    QStringList created, altered, recreated;
    for (const TableState &t : response.tables) {
        if (t.schemaChange == SchemaChange::Created)
            created += t.tableName;
        else if (t.schemaChange == SchemaChange::Altered)
            altered += t.tableName;
        else if (t.schemaChange == SchemaChange::Recreated)
            recreated += t.tableName;
    }
    if (!dropped.isEmpty()) {
        logEvent(tenant, Severity::Warning, u"TableSchema"_s, eventmessage::tablesDropped(dropped),
                 dropped.join(u'\n'));
    }
    if (!recreated.isEmpty()) {
        logEvent(tenant, Severity::Warning, u"TableSchema"_s,
                 eventmessage::tablesRecreated(recreated), recreated.join(u'\n'));
    }
    if (!created.isEmpty()) {
        logEvent(tenant, Severity::Information, u"TableSchema"_s,
                 eventmessage::tablesCreated(created), created.join(u'\n'));
    }
    if (!altered.isEmpty()) {
        logEvent(tenant, Severity::Information, u"TableSchema"_s,
                 eventmessage::tablesAltered(altered), altered.join(u'\n'));
    }
    return writeTableSchemaResponse(response);
}

QByteArray MirroringService::wipe(SoapRequestReader &reader, const QString &tenant)
{
    const WipeRequest request = reader.readWipe();
    m_slots.withStore(tenant, [&](MirrorStore &store) { store.wipe(request.tableName); });
    logEvent(tenant, Severity::Warning, u"Wipe"_s, eventmessage::tableWiped(request.tableName));
    return writeWipeResponse(StatusResponse{true, {}, request.clientState});
}

QByteArray MirroringService::rowData(SoapRequestReader &reader, const QString &tenant,
                                     CallRecord &call)
{
    RowDataResponse response;
    m_slots.withStore(tenant, [&](MirrorStore &store) {
        // Rows stream from the body straight into the transaction: nothing is kept as a document,
        // and any error on the way rolls the whole call back.
        auto transaction = store.beginRowData();
        response.clientState = reader.readRowData(*transaction).clientState;
        response.tables = transaction->commit();
    });
    for (const TableCounts &c : response.tables)
        call.rows += c.inserted + c.updated + c.deleted;
    return writeRowDataResponse(response);
}

QByteArray MirroringService::replicationCompleted(SoapRequestReader &reader, const QString &tenant)
{
    const ReplicationCompletedRequest request = reader.readReplicationCompleted();
    m_slots.withStore(tenant,
                      [&](MirrorStore &store) { store.recordCycleSummary(request.summary); });
    m_registry.recordCycleCompleted(tenant, now());
    qint64 total = 0;
    for (const TableCounts &c : request.summary)
        total += c.inserted + c.updated + c.deleted;
    logEvent(tenant, Severity::Information, u"ReplicationCompleted"_s,
             eventmessage::cycleCompleted(request.summary.size(), total),
             describeCounts(request.summary));
    return writeReplicationCompletedResponse(StatusResponse{true, {}, request.clientState});
}

} // namespace ms
