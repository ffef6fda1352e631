#include "fakeendpoint.h"

#include "service/auth/certificate.h"
#include "service/auth/tokenvalidator.h"
#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/mirroringtask.h"
#include "service/simulator/mutator.h"
#include "service/simulator/rowdatabatcher.h"
#include "service/simulator/sourcedatabase.h"
#include "service/soap/soaprequestreader.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using namespace testsupport;

namespace {
const QString kAppId = u"123123123123123123"_s;
const QString kTenant = u"Cust4242"_s;

MirroringTaskOptions taskOptions(const QUrl &url)
{
    MirroringTaskOptions o;
    o.url = url;
    o.tenant = kTenant;
    o.applicationId = kAppId;
    o.applicationPublicKey = RsaPublicKey::fromText(readFile(fixture(u"app-public-key.pem"_s)));
    o.signingKey = RsaPrivateKey::fromText(readFile(fixture(u"DevNet.key"_s)));
    o.timeout = std::chrono::seconds(20);
    return o;
}

RowDataRequest parseRowData(const QByteArray &envelope)
{
    RowDataRequest request;
    SoapRequestReader reader(envelope);
    reader.readEnvelopeStart();
    CollectingSink sink(request);
    request.clientState = reader.readRowData(sink).clientState;
    return request;
}

// All RowData batches of a run, in order.
QList<RowBatch> sentBatches(const FakeEndpoint &endpoint)
{
    QList<RowBatch> batches;
    for (const RecordedCall &call : endpoint.calls()) {
        if (call.operation == SoapOperation::RowData)
            batches += call.rowData.batches;
    }
    return batches;
}

// Every table's batches: only the last carries the LSN.
void checkBatchLsns(const QList<RowBatch> &batches, qint64 lsn)
{
    QHash<QString, qsizetype> last;
    for (qsizetype i = 0; i < batches.size(); ++i)
        last.insert(batches.at(i).tableName, i);
    for (qsizetype i = 0; i < batches.size(); ++i) {
        const bool isLast = last.value(batches.at(i).tableName) == i;
        QCOMPARE(batches.at(i).lsn, isLast ? std::optional<qint64>(lsn) : std::nullopt);
    }
}
} // namespace

class TestMirroringTask : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sourcePath;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sourcePath = m_dir.filePath(u"source.db"_s);
        DemoSourceGenerator(11).generate(m_sourcePath, 300);
    }

    void batcherSplitsBySizeAndPutsLsnOnLastBatch()
    {
        QList<QByteArray> envelopes;
        int tokens = 0;
        RowDataBatcher batcher(
            4000, u"state"_s, [&] { return u"token%1"_s.arg(++tokens); },
            [&](const QByteArray &e) { envelopes.append(e); });
        const QList<CellValue> values = {{u"1"_s, false}, {QString(300, u'x'), false}};
        batcher.beginTable(u"big"_s, {u"id"_s, u"text"_s});
        for (int i = 0; i < 40; ++i)
            batcher.row(RowOperation::Insert, i, values);
        batcher.endTable(99);
        batcher.beginTable(u"empty"_s, {u"id"_s});
        batcher.endTable(99);
        batcher.beginTable(u"small"_s, {u"id"_s});
        batcher.row(RowOperation::Delete, std::nullopt, {{u"7"_s, false}});
        batcher.endTable(99);
        const qsizetype sentBeforeFinish = envelopes.size();
        batcher.finish();
        QVERIFY(sentBeforeFinish >= 2); // sent as they fill, not all at the end
        QCOMPARE(envelopes.size(), sentBeforeFinish + 1);

        QVERIFY2(envelopes.size() >= 3, qPrintable(QString::number(envelopes.size())));
        QCOMPARE(tokens, envelopes.size()); // a fresh token per call
        QList<RowBatch> batches;
        qint64 rows = 0;
        for (const QByteArray &e : std::as_const(envelopes)) {
            // About the batch size: at most one row (~400 bytes) and the closing tags over it.
            QVERIFY2(e.size() < 4000 + 800, qPrintable(QString::number(e.size())));
            const RowDataRequest request = parseRowData(e);
            QCOMPARE(request.clientState, u"state"_s);
            batches += request.batches;
        }
        for (const RowBatch &b : std::as_const(batches))
            rows += b.rows.size();
        QCOMPARE(rows, 41);
        checkBatchLsns(batches, 99);
        // The empty table still gets its batch, carrying the LSN; small tables share a call.
        QCOMPARE(batches.at(batches.size() - 2).tableName, u"empty"_s);
        QVERIFY(batches.at(batches.size() - 2).rows.isEmpty());
        QCOMPARE(parseRowData(envelopes.constLast()).batches.size(), 2);
        for (qsizetype i = 0; i + 2 < batches.size(); ++i)
            QVERIFY(!batches.at(i).rows.isEmpty());
    }

    void firstCycleSendsEverything()
    {
        FakeEndpoint endpoint;
        SourceDatabase source(m_sourcePath);
        MirroringTaskOptions options = taskOptions(endpoint.url());
        options.batchSize = 30000;
        MirroringTask task(options);
        QSignalSpy progress(&task, &MirroringTask::progress);
        const CycleResult result = task.runCycle(source);
        QVERIFY2(!result.failed(), qPrintable(result.error));
        QCOMPARE(result.outcome, CycleResult::Outcome::Completed);

        const QList<TableSchema> tables = source.tables();
        const QList<RecordedCall> &calls = endpoint.calls();
        QCOMPARE(result.calls, calls.size());
        // Order: Authenticate, TableSchema, a Wipe per table, RowData..., ReplicationCompleted.
        QCOMPARE(calls.at(0).operation, SoapOperation::Authenticate);
        QCOMPARE(calls.at(1).operation, SoapOperation::TableSchema);
        for (qsizetype t = 0; t < tables.size(); ++t) {
            QCOMPARE(calls.at(2 + t).operation, SoapOperation::Wipe);
            QCOMPARE(calls.at(2 + t).wipe.tableName, tables.at(t).tableName);
        }
        for (qsizetype i = 2 + tables.size(); i < calls.size() - 1; ++i)
            QCOMPARE(calls.at(i).operation, SoapOperation::RowData);
        QCOMPARE(calls.constLast().operation, SoapOperation::ReplicationCompleted);
        QVERIFY(calls.size() > 2 + tables.size() + 2); // batch size forced several RowData calls
        QCOMPARE(progress.size(), calls.size() - 3 - tables.size());

        // SOAPAction, tokens (validated as the endpoint would) and the ClientState echo.
        TokenValidator validator(
            TokenValidatorConfig{kAppId, {Certificate::fromFile(fixture(u"DevNet.crt"_s))}});
        for (const RecordedCall &call : calls) {
            QCOMPARE(call.soapAction, soapActionFor(call.operation));
            const bool isAuthenticate = call.operation == SoapOperation::Authenticate;
            const TokenValidationResult claims =
                validator.validate(call.token.toLatin1(), isAuthenticate);
            QVERIFY2(claims.ok, qPrintable(claims.error));
            QCOMPARE(claims.claims.tenant, kTenant);
            QCOMPARE(claims.claims.nonce.isEmpty(), !isAuthenticate);
            QCOMPARE(call.clientState, isAuthenticate ? QString() : endpoint.clientState);
        }
        // After Authenticate every call repeats one token: one signature per cycle, not per call.
        for (qsizetype i = 2; i < calls.size(); ++i)
            QCOMPARE(calls.at(i).token, calls.at(1).token);
        QVERIFY(calls.at(1).token != calls.at(0).token);
        QCOMPARE(calls.at(1).tableSchema.tables, tables);

        // Every row once, as an Insert; only each table's last batch carries the LSN.
        const QList<RowBatch> batches = sentBatches(endpoint);
        checkBatchLsns(batches, source.currentLsn());
        QHash<QString, qint64> rowsPerTable;
        for (const RowBatch &b : batches) {
            for (const RowBatch::Row &row : b.rows)
                QCOMPARE(row.operation, RowOperation::Insert);
            rowsPerTable[b.tableName] += b.rows.size();
        }
        qint64 total = 0;
        for (const TableSchema &t : tables) {
            QCOMPARE(rowsPerTable.value(t.tableName), source.rowCount(t.tableName));
            total += source.rowCount(t.tableName);
        }
        QCOMPARE(result.rowsSent, total);
        const QList<TableCounts> summary = calls.constLast().completed.summary;
        QCOMPARE(summary.size(), tables.size());
        for (const TableCounts &counts : summary) {
            QCOMPARE(counts.inserted, source.rowCount(counts.tableName));
            QCOMPARE(counts.updated + counts.deleted, 0);
        }
    }

    void laterCycleSendsNetChangesOldestFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.db"_s);
        DemoSourceGenerator(12).generate(path, 200);
        SourceDatabase source(path);
        const qint64 before = source.currentLsn();
        Mutator(source, 5).applyChanges(80);

        FakeEndpoint endpoint;
        for (const TableSchema &t : source.tables())
            endpoint.tableStates.insert(t.tableName,
                                        TableState{t.tableName, before, SchemaChange::None});
        const CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY2(!result.failed(), qPrintable(result.error));
        QVERIFY(!endpoint.operations().contains(SoapOperation::Wipe));
        QCOMPARE(endpoint.operations().count(SoapOperation::RowData), 1); // all fits in 1 MB

        const QList<RowBatch> batches = sentBatches(endpoint);
        QCOMPARE(batches.size(), source.tables().size()); // unchanged tables: an empty batch
        checkBatchLsns(batches, source.currentLsn());
        qint64 sent = 0;
        for (const RowBatch &b : batches) {
            const QList<SourceRow> expected =
                source.changesAfter(source.table(b.tableName), before);
            QCOMPARE(b.rows.size(), expected.size());
            for (qsizetype i = 0; i < expected.size(); ++i) {
                QCOMPARE(b.rows.at(i).operation, expected.at(i).operation);
                QCOMPARE(b.rows.at(i).lsn, expected.at(i).lsn);
                if (i > 0)
                    QVERIFY(*b.rows.at(i - 1).lsn < *b.rows.at(i).lsn);
            }
            sent += b.rows.size();
        }
        QVERIFY(sent > 0 && sent <= 80);
        QCOMPARE(result.rowsSent, sent);
    }

    void mirrorAheadOrOutOfWindowRepopulates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.db"_s);
        DemoSourceGenerator(13).generate(path, 100);
        SourceDatabase source(path);
        const qint64 lsn = source.currentLsn();
        source.ageChangeLog(8 * 86400);
        Mutator(source, 3).applyChanges(10);
        FakeEndpoint endpoint;
        endpoint.tableStates.insert(u"contact"_s, {u"contact"_s, lsn + 1000, SchemaChange::None});
        endpoint.tableStates.insert(u"person"_s, {u"person"_s, lsn - 1, SchemaChange::None});
        endpoint.tableStates.insert(u"sale"_s, {u"sale"_s, lsn, SchemaChange::None});
        const CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY2(!result.failed(), qPrintable(result.error));
        QStringList wiped;
        for (const RecordedCall &call : endpoint.calls()) {
            if (call.operation == SoapOperation::Wipe)
                wiped.append(call.wipe.tableName);
        }
        QVERIFY(wiped.contains(u"contact"_s)); // ahead of the source: restored source
        QVERIFY(wiped.contains(u"person"_s));  // its changes were pruned from the window
        QVERIFY(!wiped.contains(u"sale"_s));   // exactly at the window's start: changes suffice
        QCOMPARE(source.oldestValidLsn(), lsn);
    }

    void doNotReplicateStopsPolitely()
    {
        FakeEndpoint endpoint;
        endpoint.additionalInformationJson = uR"({"doNotReplicate":"true"})"_s;
        SourceDatabase source(m_sourcePath);
        const CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QCOMPARE(result.outcome, CycleResult::Outcome::DoNotReplicate);
        QCOMPARE(endpoint.operations(), QList<SoapOperation>{SoapOperation::Authenticate});
    }

    void wrongApplicationKeyStops()
    {
        FakeEndpoint endpoint;
        RsaPrivateKey other = RsaPrivateKey::generate(1024);
        endpoint.applicationKeyOverride = &other;
        SourceDatabase source(m_sourcePath);
        const CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY(result.failed());
        QVERIFY2(result.error.contains(u"SignedApplicationToken"_s), qPrintable(result.error));
        QCOMPARE(endpoint.calls().size(), 1);
    }

    void faultFailsTheCycle()
    {
        FakeEndpoint endpoint;
        endpoint.setHandler([&](const RecordedCall &call, int &status) {
            if (call.operation == SoapOperation::RowData) {
                status = 500;
                return writeFault({SoapFault::Code::Server, u"disk full on the mirror"_s});
            }
            return endpoint.defaultAnswer(call, status);
        });
        SourceDatabase source(m_sourcePath);
        const CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY(result.failed());
        QVERIFY2(result.error.contains(u"disk full on the mirror"_s), qPrintable(result.error));
        QVERIFY2(result.error.contains(u"RowData"_s), qPrintable(result.error));
        QCOMPARE(endpoint.operations().constLast(), SoapOperation::RowData);
    }

    void callSignalsFrameEachCall()
    {
        FakeEndpoint endpoint;
        int rowDataCalls = 0;
        endpoint.setHandler([&](const RecordedCall &call, int &status) {
            if (call.operation == SoapOperation::RowData && ++rowDataCalls == 2) {
                status = 500;
                return writeFault({SoapFault::Code::Server, u"disk full on the mirror"_s});
            }
            return endpoint.defaultAnswer(call, status);
        });
        SourceDatabase source(m_sourcePath);
        MirroringTaskOptions options = taskOptions(endpoint.url());
        options.batchSize = 30000;
        MirroringTask task(options);
        QList<SoapOperation> started, answered;
        QList<qsizetype> envelopeSizes, seenWhenStarting, seenWhenAnswered;
        connect(&task, &MirroringTask::callStarting, this,
                [&](SoapOperation op, const QByteArray &envelope) {
                    started.append(op);
                    envelopeSizes.append(envelope.size());
                    seenWhenStarting.append(endpoint.calls().size());
                });
        connect(&task, &MirroringTask::callAnswered, this, [&](SoapOperation op) {
            answered.append(op);
            seenWhenAnswered.append(endpoint.calls().size());
        });
        const CycleResult result = task.runCycle(source);
        QVERIFY(result.failed());
        QCOMPARE(started, endpoint.operations());
        QCOMPARE(result.calls, started.size());
        QCOMPARE(answered, started); // the fault is an answer too
        for (qsizetype i = 0; i < started.size(); ++i) {
            QCOMPARE(envelopeSizes.at(i), endpoint.calls().at(i).bodySize);
            // Announced before the endpoint had the call, answered after it had it.
            QCOMPARE(seenWhenStarting.at(i), i);
            QCOMPARE(seenWhenAnswered.at(i), i + 1);
        }

        // A call that gets no answer is started and never answered.
        MirroringTask unreachable(
            taskOptions(QUrl(u"http://127.0.0.1:1/MirroringClientService.svc"_s)));
        QSignalSpy starting(&unreachable, &MirroringTask::callStarting);
        QSignalSpy answers(&unreachable, &MirroringTask::callAnswered);
        QVERIFY(unreachable.runCycle(source).failed());
        QCOMPARE(starting.size(), 1);
        QCOMPARE(answers.size(), 0);
    }

    void rowDataStopsOnRequestAndSignalsKeepTheirOrder()
    {
        // Bodies are built in a second thread ahead of the calls; a stop still takes effect
        // before the next call, the source is free again afterwards, and the signals come in
        // reading order on the task's thread.
        FakeEndpoint endpoint;
        SourceDatabase source(m_sourcePath);
        MirroringTaskOptions options = taskOptions(endpoint.url());
        options.batchSize = 10000;
        MirroringTask task(options);
        int rowDataCalls = 0;
        connect(&task, &MirroringTask::callStarting, this, [&](SoapOperation op) {
            if (op == SoapOperation::RowData && ++rowDataCalls == 2)
                task.requestStop();
        });
        const CycleResult stopped = task.runCycle(source);
        QVERIFY(stopped.failed());
        QVERIFY2(stopped.error.contains(u"stopped"_s), qPrintable(stopped.error));
        QCOMPARE(endpoint.operations().count(SoapOperation::RowData), 2);
        QCOMPARE(endpoint.operations().constLast(), SoapOperation::RowData);

        rowDataCalls = 100; // no more stops
        QStringList events;
        const QThread *taskThread = QThread::currentThread();
        bool offThread = false;
        connect(&task, &MirroringTask::tableStarted, this, [&](const QString &table) {
            offThread |= QThread::currentThread() != taskThread;
            events << u"table "_s + table;
        });
        connect(&task, &MirroringTask::progress, this, [&](const QString &table) {
            offThread |= QThread::currentThread() != taskThread;
            events << u"progress "_s + table;
        });
        const qsizetype callsBefore = endpoint.calls().size();
        const CycleResult result = task.runCycle(source);
        QVERIFY2(!result.failed(), qPrintable(result.error));
        QVERIFY(!offThread);
        const QList<SoapOperation> ops = endpoint.operations().mid(callsBefore);
        QStringList started;
        qsizetype progressEvents = 0;
        for (const QString &event : std::as_const(events)) {
            if (event.startsWith(u"table "_s)) {
                started << event.mid(6);
            } else {
                ++progressEvents;
                // A call's progress names a table whose reading had begun.
                QVERIFY2(started.contains(event.mid(9)), qPrintable(event));
            }
        }
        QStringList expectedTables;
        for (const TableSchema &t : source.tables())
            expectedTables << t.tableName;
        QCOMPARE(started, expectedTables);
        QCOMPARE(progressEvents, ops.count(SoapOperation::RowData));
        qint64 total = 0;
        for (const QString &t : std::as_const(expectedTables))
            total += source.rowCount(t);
        QCOMPARE(result.rowsSent, total);
    }

    void httpErrorAndMissingEchoFail()
    {
        FakeEndpoint endpoint;
        endpoint.setHandler([&](const RecordedCall &call, int &status) {
            if (call.operation == SoapOperation::Wipe) {
                status = 200;
                return writeWipeResponse({true, {}, u"not what was sent"_s});
            }
            return endpoint.defaultAnswer(call, status);
        });
        SourceDatabase source(m_sourcePath);
        CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY(result.failed());
        QVERIFY2(result.error.contains(u"ClientState"_s), qPrintable(result.error));

        endpoint.setHandler([](const RecordedCall &, int &status) {
            status = 413;
            return QByteArray("too large");
        });
        result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY(result.failed());
        QVERIFY2(result.error.contains(u"HTTP 413"_s), qPrintable(result.error));

        MirroringTaskOptions closed =
            taskOptions(QUrl(u"http://127.0.0.1:1/MirroringClientService.svc"_s));
        result = MirroringTask(closed).runCycle(source);
        QVERIFY(result.failed());
        QVERIFY2(result.error.contains(u"cannot reach"_s), qPrintable(result.error));
    }

    void wrongRecordedLsnFails()
    {
        FakeEndpoint endpoint;
        endpoint.setHandler([&](const RecordedCall &call, int &status) {
            QByteArray answer = endpoint.defaultAnswer(call, status);
            if (call.operation == SoapOperation::RowData)
                answer.replace("<Lsn>", "<Lsn>7"); // every reported LSN gets a leading 7
            return answer;
        });
        SourceDatabase source(m_sourcePath);
        const CycleResult result = MirroringTask(taskOptions(endpoint.url())).runCycle(source);
        QVERIFY(result.failed());
        QVERIFY2(result.error.contains(u"recorded LSN 7"_s), qPrintable(result.error));
        QVERIFY(!endpoint.operations().contains(SoapOperation::ReplicationCompleted));
    }

    void runsInAWorkerThreadForTheWindow()
    {
        FakeEndpoint endpoint; // serves from this thread while the task blocks in its own
        QTemporaryDir dir;
        MirroringTaskOptions options = taskOptions(endpoint.url());
        options.demoRowsIfMissing = 150;
        options.mutationsBeforeCycle = 10;
        options.batchSize = 20000;
        QThread worker;
        auto *task = new MirroringTask(options, dir.filePath(u"demo.db"_s));
        task->moveToThread(&worker);
        connect(&worker, &QThread::finished, task, &QObject::deleteLater);
        QObject receiver;
        QList<CycleResult> results;
        int progressSignals = 0;
        QStringList tables;
        connect(task, &MirroringTask::finished, &receiver,
                [&](const CycleResult &result) { results.append(result); });
        connect(task, &MirroringTask::progress, &receiver, [&] { ++progressSignals; });
        connect(task, &MirroringTask::tableStarted, &receiver,
                [&](const QString &table) { tables.append(table); });
        worker.start();

        QMetaObject::invokeMethod(task, &MirroringTask::start, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 60000);
        QVERIFY2(results.at(0).outcome == CycleResult::Outcome::Completed,
                 qPrintable(results.at(0).error));
        QVERIFY(QFile::exists(dir.filePath(u"demo.db"_s)));
        QCOMPARE(tables.size(), 21);
        QVERIFY(progressSignals >= 2);

        // A stop asked from this thread fails the next cycle before it sends anything more.
        const qsizetype callsBefore = endpoint.calls().size();
        task->requestStop();
        QMetaObject::invokeMethod(task, &MirroringTask::start, Qt::QueuedConnection);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 60000);
        QVERIFY(results.at(1).failed());
        QVERIFY2(results.at(1).error.contains(u"stopped"_s), qPrintable(results.at(1).error));
        QCOMPARE(endpoint.calls().size(), callsBefore);
        worker.quit();
        QVERIFY(worker.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestMirroringTask)
#include "tst_mirroringtask.moc"
