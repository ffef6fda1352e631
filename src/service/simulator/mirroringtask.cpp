#include "mirroringtask.h"

#include "cycletokens.h"
#include "demosourcegenerator.h"
#include "mutator.h"
#include "rowdataproducer.h"
#include "soaptransport.h"
#include "sourcedatabase.h"

#include "service/auth/applicationtoken.h"
#include "service/auth/tokenminter.h"
#include "service/common/error.h"
#include "service/soap/soapfaulterror.h"
#include "service/soap/soaprequestwriter.h"
#include "service/soap/soapresponsereader.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
bool asksDoNotReplicate(const QString &json)
{
    if (json.trimmed().isEmpty())
        return false;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    const QJsonValue value = object.value("doNotReplicate"_L1);
    return value.toString().compare("true"_L1, Qt::CaseInsensitive) == 0 ||
           (value.isBool() && value.toBool());
}

// A fault names its reason; the cycle's error also names the call that got it.
template <typename Call> auto namingFaults(const QString &call, Call &&makeCall)
{
    try {
        return makeCall();
    } catch (const SoapFaultError &fault) {
        throw serverError(u"%1: SOAP fault: %2"_s.arg(call, fault.message()));
    }
}

} // namespace

MirroringTask::MirroringTask(MirroringTaskOptions options, QString sourcePath, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_sourcePath(std::move(sourcePath))
{}

MirroringTask::~MirroringTask() = default;

void MirroringTask::start()
{
    CycleResult result;
    try {
        if (m_options.demoRowsIfMissing > 0 && !QFileInfo::exists(m_sourcePath))
            DemoSourceGenerator().generate(m_sourcePath, m_options.demoRowsIfMissing);
        SourceDatabase source(m_sourcePath);
        if (m_options.mutationsBeforeCycle > 0)
            Mutator(source, quint64(1000 + source.currentLsn()))
                .applyChanges(m_options.mutationsBeforeCycle);
        result = runCycle(source);
    } catch (const Error &e) {
        result.error = e.message();
    }
    Q_EMIT finished(result);
}

CycleResult MirroringTask::runCycle(SourceDatabase &source)
{
    CycleResult result;
    m_clock.start();
    SoapTransport transport(m_options.url, m_options.caCertificates, m_options.timeout);
    m_transport = &transport;
    TokenMintOptions mint;
    mint.tenant = m_options.tenant;
    mint.applicationId = m_options.applicationId;
    mint.keyId = m_options.signingKeyId;
    CycleTokens tokens(m_options.signingKey, mint);
    m_tokens = &tokens;
    try {
        cycle(source, result);
    } catch (const Error &e) {
        result.outcome = CycleResult::Outcome::Failed;
        result.error = e.message();
    }
    m_tokens = nullptr;
    m_transport = nullptr;
    result.seconds = double(m_clock.nsecsElapsed()) / 1e9;
    return result;
}

QString MirroringTask::authenticateToken(const QString &nonce) const
{
    TokenMintOptions mint;
    mint.tenant = m_options.tenant;
    mint.applicationId = m_options.applicationId;
    mint.nonce = nonce;
    mint.keyId = m_options.signingKeyId;
    return QString::fromLatin1(mintToken(m_options.signingKey, mint));
}

QString MirroringTask::token() const
{
    return m_tokens->token();
}

QByteArray MirroringTask::post(SoapOperation operation, const QByteArray &envelope,
                               CycleResult &result)
{
    if (m_stopRequested.exchange(false))
        throw serverError(
            u"%1: stopped on request before the call"_s.arg(operationName(operation)));
    ++result.calls;
    result.bytesSent += envelope.size();
    Q_EMIT callStarting(operation, envelope);
    QByteArray answer = m_transport->post(operation, envelope);
    Q_EMIT callAnswered(operation);
    return answer;
}

void MirroringTask::requireEcho(SoapOperation operation, const QString &clientState) const
{
    if (clientState != m_clientState)
        throw serverError(
            u"%1: the endpoint answered ClientState \"%2\" where \"%3\" was sent"_s.arg(
                operationName(operation), clientState.left(80), m_clientState.left(80)));
}

void MirroringTask::cycle(SourceDatabase &source, CycleResult &result)
{
    // The task reads its change tables under SQL Server's retention: older entries are gone.
    source.pruneChangeLog(QDateTime::currentSecsSinceEpoch());
    const qint64 sourceLsn = source.currentLsn();
    if (!authenticate(result)) {
        result.outcome = CycleResult::Outcome::DoNotReplicate;
        return;
    }
    const QList<TableSchema> tables = source.tables();
    sendTableSchema(tables, sourceLsn, source.oldestValidLsn(), result);
    wipe(result);
    sendRows(source, tables, sourceLsn, result);
    complete(result);
    result.outcome = CycleResult::Outcome::Completed;
}

bool MirroringTask::authenticate(CycleResult &result)
{
    const QString nonce = randomNonce();
    const AuthenticateResponse auth = namingFaults(u"Authenticate"_s, [&] {
        return readAuthenticateResponse(post(SoapOperation::Authenticate,
                                             writeAuthenticateRequest(authenticateToken(nonce), {}),
                                             result));
    });
    if (!auth.isSuccessful)
        throw serverError(u"Authenticate refused by the endpoint: %1"_s.arg(auth.errorMessage));
    // The endpoint proves that it holds the application's private key.
    const ApplicationTokenCheck check =
        verifyApplicationToken(m_options.applicationPublicKey, nonce, auth.signedApplicationToken,
                               QDateTime::currentDateTimeUtc());
    if (!check.ok)
        throw serverError(
            u"Authenticate: the SignedApplicationToken does not verify: %1"_s.arg(check.error));
    if (asksDoNotReplicate(auth.additionalInformationJson))
        return false;
    m_clientState = auth.clientState;
    return true;
}

void MirroringTask::sendTableSchema(const QList<TableSchema> &tables, qint64 sourceLsn,
                                    qint64 oldestValidLsn, CycleResult &result)
{
    const TableSchemaResponse answer = namingFaults(u"TableSchema"_s, [&] {
        return readTableSchemaResponse(post(
            SoapOperation::TableSchema,
            writeTableSchemaRequest(token(), TableSchemaRequest{m_clientState, tables}), result));
    });
    requireEcho(SoapOperation::TableSchema, answer.clientState);
    QHash<QString, TableState> states;
    for (const TableState &state : answer.tables)
        states.insert(state.tableName, state);
    for (const TableSchema &table : tables) {
        const auto it = states.constFind(table.tableName);
        if (it == states.constEnd())
            throw serverError(
                u"TableSchema: the answer has no state for table %1"_s.arg(table.tableName));
        TableCycleOutcome outcome;
        outcome.tableName = table.tableName;
        outcome.schemaChange = it->schemaChange;
        outcome.answeredLsn = it->lsn;
        // -1: no data; older than the retained changes: they are lost; ahead of the source:
        // the source was restored from a backup. Each means starting over.
        outcome.repopulated = it->lsn < 0 || it->lsn < oldestValidLsn || it->lsn > sourceLsn;
        outcome.sentLsn = sourceLsn;
        result.tables.append(outcome);
    }
}

void MirroringTask::wipe(CycleResult &result)
{
    for (const TableCycleOutcome &outcome : std::as_const(result.tables)) {
        if (!outcome.repopulated)
            continue;
        const StatusResponse wiped = namingFaults(u"Wipe of "_s + outcome.tableName, [&] {
            return readWipeResponse(post(
                SoapOperation::Wipe,
                writeWipeRequest(token(), WipeRequest{m_clientState, outcome.tableName}), result));
        });
        if (!wiped.isSuccessful)
            throw serverError(
                u"Wipe of %1 failed: %2"_s.arg(outcome.tableName, wiped.errorMessage));
        requireEcho(SoapOperation::Wipe, wiped.clientState);
    }
}

void MirroringTask::sendRows(SourceDatabase &source, const QList<TableSchema> &tables,
                             qint64 sourceLsn, CycleResult &result)
{
    QList<RowDataProducer::Table> plan;
    for (qsizetype t = 0; t < tables.size(); ++t) {
        const TableCycleOutcome &outcome = result.tables.at(t);
        plan.append({tables.at(t), outcome.repopulated, outcome.answeredLsn});
    }
    QHash<QString, qint64> recordedLsn;
    // The next body is built while this thread has the current call in flight.
    RowDataProducer producer(source, plan, sourceLsn, {m_options.batchSize, m_clientState, [this] {
                                                           return token();
                                                       }});
    for (;;) {
        const RowDataProducer::Step step = producer.next();
        for (qsizetype t : step.tablesStarted)
            Q_EMIT tableStarted(tables.at(t).tableName, result.tables.at(t).repopulated);
        for (const RowDataProducer::Counts &counts : step.counts) {
            TableCycleOutcome &outcome = result.tables[counts.table];
            outcome.inserted += counts.inserted;
            outcome.updated += counts.updated;
            outcome.deleted += counts.deleted;
            result.rowsSent += counts.inserted + counts.updated + counts.deleted;
        }
        if (step.last)
            break;
        const QString &table = tables.at(step.table).tableName;
        const RowDataResponse answer = namingFaults(u"RowData (table %1)"_s.arg(table), [&] {
            return readRowDataResponse(post(SoapOperation::RowData, step.envelope, result));
        });
        requireEcho(SoapOperation::RowData, answer.clientState);
        for (const TableCounts &counts : answer.tables)
            recordedLsn.insert(counts.tableName, counts.lsn);
        const double seconds = qMax(1e-6, double(m_clock.nsecsElapsed()) / 1e9);
        Q_EMIT progress(table, step.tableRows, result.bytesSent,
                        double(result.bytesSent) / 1e6 / seconds);
    }
    // An endpoint that reports a table must have recorded the LSN its last batch carried.
    for (const TableCycleOutcome &outcome : std::as_const(result.tables)) {
        const auto recorded = recordedLsn.constFind(outcome.tableName);
        if (recorded != recordedLsn.constEnd() && *recorded != sourceLsn)
            throw serverError(
                u"RowData: the endpoint recorded LSN %1 for %2, %3 was sent"_s.arg(*recorded)
                    .arg(outcome.tableName)
                    .arg(sourceLsn));
    }
}

void MirroringTask::complete(CycleResult &result)
{
    ReplicationCompletedRequest completed{m_clientState, {}};
    for (const TableCycleOutcome &outcome : std::as_const(result.tables))
        completed.summary.append(
            TableCounts{outcome.tableName, -1, outcome.inserted, outcome.updated, outcome.deleted});
    const StatusResponse done = namingFaults(u"ReplicationCompleted"_s, [&] {
        return readReplicationCompletedResponse(
            post(SoapOperation::ReplicationCompleted,
                 writeReplicationCompletedRequest(token(), completed), result));
    });
    if (!done.isSuccessful)
        throw serverError(u"ReplicationCompleted refused: %1"_s.arg(done.errorMessage));
    requireEcho(SoapOperation::ReplicationCompleted, done.clientState);
}

} // namespace ms
