// Crash consistency (issue #9, point 1): the real `mirrorscope serve` is killed with SIGKILL at
// 20 seeded random moments while the Mirroring Task populates a fresh tenant, runs incremental
// cycles and a Wipe-and-resend. Before each restart the killed mirror is read (read-only) and must
// hold exactly the state after a whole number of the calls sent, the one in flight wholly present
// or wholly absent, and no table may record an LSN its rows have not reached. At the end a clean
// cycle must leave the mirror equal to the source and the event log readable.
//
// MIRRORSCOPE_CRASH_SEED replays a run (the seed is printed); MIRRORSCOPE_CRASH_ROWS sets the
// size of the source (default 20,000 rows, 4,000 under AddressSanitizer).

#include "crashkiller.h"
#include "crashserve.h"
#include "mirrorexpectation.h"

#include "service/common/error.h"
#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/mirroringtask.h"
#include "service/simulator/mutator.h"
#include "service/simulator/sourcedatabase.h"
#include "service/simulator/verifier.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator64>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace crashtest;
using namespace std::chrono_literals;

namespace {

const QString kTenant = u"CrashCust7"_s;
constexpr int kKills = 20;

#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kDefaultRows = 4000;
#else
constexpr qint64 kDefaultRows = 20000;
#endif
// Small calls: a full population takes hundreds of them, so a kill has many moments to land in.
constexpr qsizetype kBatchBytes = 16000;
// A cycle whose kill waits for serve's first commit of a call sends larger calls (hundreds of
// rows): a store that commits part of a call would leave a window of milliseconds between its
// commits, which the kill hits however fast the machine is.
constexpr qsizetype kLargeBatchBytes = 256000;

qint64 environmentNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

/// Where and how one kill lands: during the call that sends the `share`th part of the attempt's
/// rows (or during the first call of `operation`), `delay` after the call starts or right after
/// the first commit serve makes once it started.
struct KillPlan
{
    std::optional<ms::SoapOperation> operation; ///< else: a RowData call, by share
    double share = 0;
    CrashKiller::Trigger trigger = CrashKiller::Trigger::AfterDelay;
    std::chrono::microseconds delay{0};
};

struct KillCounts
{
    int total = 0;
    int rowDataInFlight = 0; ///< the model had a RowData call started and not answered
    int inFlightPresent = 0; ///< ... and the killed mirror held it wholly
    int inFlightAbsent = 0;  ///< ... and the killed mirror held none of it
    int afterCommit = 0;     ///< killed right after serve's first commit of the call
};

} // namespace

class TestCrashConsistency : public QObject
{
    Q_OBJECT

    // The run.
    QRandomGenerator64 m_random;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ms::SourceDatabase> m_source;
    std::unique_ptr<CrashServe> m_serve;
    std::unique_ptr<ms::MirroringTask> m_task;      ///< kBatchBytes
    std::unique_ptr<ms::MirroringTask> m_largeTask; ///< kLargeBatchBytes
    CrashKiller m_killer;
    QHash<QString, ms::TableSchema> m_schemas;
    QString m_mirrorPath;
    QString m_phase;
    KillCounts m_kills;
    int m_phaseKills = 0;
    qint64 m_answeredCompletions = 0; ///< ReplicationCompleted calls serve answered
    qint64 m_completionsInFlight = 0; ///< ... started and cut by a kill

    std::unique_ptr<MirrorExpectation> m_expectation;
    qint64 m_callNumber = 0;
    QString m_modelFailure; ///< set by the call handlers, which cannot use QVERIFY

    // The attempt in progress.
    std::optional<KillPlan> m_plan;
    bool m_armed = false;
    QString m_armedAt;
    qint64 m_rowsToSend = 0;
    qint64 m_rowsStarted = 0;
    QElapsedTimer m_callClock;
    bool m_largeCalls = false;     ///< the attempt runs m_largeTask
    double m_rowDataMicros = 5000; ///< a running mean of a small RowData call's round trip

    void onCallStarting(ms::SoapOperation operation, const QByteArray &envelope)
    {
        ++m_callNumber;
        m_callClock.start();
        try {
            m_expectation->callStarting(parseCall(operation, envelope));
        } catch (const ms::Error &e) {
            m_modelFailure = e.message();
            return;
        }
        const SentCall &call = *m_expectation->inFlight();
        const qint64 rows = call.rowCount();
        if (m_plan && !m_armed) {
            const bool target =
                m_plan->operation
                    ? operation == *m_plan->operation
                    : operation == ms::SoapOperation::RowData &&
                          double(m_rowsStarted + rows) >= m_plan->share * double(m_rowsToSend) &&
                          // A commit inside a call of several batches is where a store that is
                          // not atomic per call would show.
                          (m_plan->trigger == CrashKiller::Trigger::AfterDelay ||
                           call.batches.size() >= 2);
            if (target) {
                m_killer.arm(m_serve->pid(), m_plan->trigger, m_plan->delay, m_mirrorPath);
                m_armed = true;
                m_armedAt =
                    call.describe(m_callNumber) +
                    (m_plan->trigger == CrashKiller::Trigger::AfterFirstCommit
                         ? u", to kill after serve's next commit"_s
                         : u", to kill %1 µs after it started"_s.arg(m_plan->delay.count()));
            }
        }
        m_rowsStarted += rows;
    }

    void onCallAnswered(ms::SoapOperation operation)
    {
        if (operation == ms::SoapOperation::RowData && !m_largeCalls)
            m_rowDataMicros =
                0.8 * m_rowDataMicros + 0.2 * double(m_callClock.nsecsElapsed()) / 1e3;
        if (operation == ms::SoapOperation::ReplicationCompleted)
            ++m_answeredCompletions;
        try {
            m_expectation->callAnswered();
        } catch (const ms::Error &e) {
            m_modelFailure = e.message();
        }
    }

    /// Rows the next cycle will send, by the task's rules (a table at -1, older than the retained
    /// changes or ahead of the source starts over; others get their changes).
    qint64 rowsToSend()
    {
        m_source->pruneChangeLog(QDateTime::currentSecsSinceEpoch());
        const qint64 lsn = m_source->currentLsn();
        const qint64 oldest = m_source->oldestValidLsn();
        qint64 rows = 0;
        for (const ms::TableSchema &table : m_source->tables()) {
            const qint64 mirrored = m_expectation->answered().tables.value(table.tableName).lsn;
            if (mirrored < 0 || mirrored < oldest || mirrored > lsn)
                rows += m_source->rowCount(table.tableName);
            else
                rows += m_source->changesAfter(table, mirrored).size();
        }
        return qMax<qint64>(rows, 1);
    }

    KillPlan randomPlan(bool repopulating)
    {
        KillPlan plan;
        const auto roundTrip = std::chrono::microseconds(qint64(1.5 * m_rowDataMicros) + 1);
        plan.delay = std::chrono::microseconds(qint64(m_random.bounded(double(roundTrip.count()))));
        const double pick = m_random.generateDouble();
        if (pick < 0.15) {
            // Now and then the calls around the data: the schema, a wipe, the completion.
            const QList<ms::SoapOperation> others =
                repopulating ? QList{ms::SoapOperation::TableSchema, ms::SoapOperation::Wipe,
                                     ms::SoapOperation::ReplicationCompleted}
                             : QList{ms::SoapOperation::TableSchema,
                                     ms::SoapOperation::ReplicationCompleted};
            plan.operation = others.at(qsizetype(m_random.bounded(quint64(others.size()))));
            return plan;
        }
        plan.share = 0.02 + 0.96 * m_random.generateDouble();
        if (pick < 0.55) {
            plan.trigger = CrashKiller::Trigger::AfterFirstCommit;
            plan.delay = 10s; // only when no commit comes
        }
        return plan;
    }

    /// Runs one cycle (with a kill when `plan` is set); returns whether serve was killed.
    bool runAttempt(std::optional<KillPlan> plan, ms::CycleResult &result)
    {
        m_expectation->beginCycle(*m_source);
        m_rowsToSend = rowsToSend();
        m_rowsStarted = 0;
        m_plan = plan;
        m_armed = false;
        m_largeCalls = plan && plan->trigger == CrashKiller::Trigger::AfterFirstCommit;
        result = (m_largeCalls ? m_largeTask : m_task)->runCycle(*m_source);
        m_killer.disarm();
        m_plan.reset();
        return m_armed && m_killer.fired(); // a plan whose call never came kills nothing
    }

    /// The killed mirror, before serve restarts: whole calls only, and no LSN ahead of its rows.
    void checkKilledMirror()
    {
        QVERIFY2(m_modelFailure.isEmpty(), qPrintable(m_modelFailure));
        MirrorImage image;
        try {
            image = readMirror(m_mirrorPath, kTenant, m_schemas);
        } catch (const ms::Error &e) {
            QFAIL(qPrintable(u"the killed mirror cannot be read: "_s + e.message()));
        }
        const std::optional<SentCall> inFlight = m_expectation->inFlight();
        const QString where = u"kill %1 of %2 (%3; armed at %4; %5 in flight)"_s.arg(m_kills.total)
                                  .arg(kKills)
                                  .arg(m_phase, m_armedAt,
                                       inFlight ? inFlight->describe(m_callNumber) : u"no call"_s);
        if (inFlight && inFlight->operation == ms::SoapOperation::RowData)
            ++m_kills.rowDataInFlight;
        if (inFlight && inFlight->operation == ms::SoapOperation::ReplicationCompleted)
            ++m_completionsInFlight;
        const MirrorExpectation::Verdict verdict = m_expectation->judgeKilled(image);
        QVERIFY2(verdict.consistent, qPrintable(where + u": "_s + verdict.problems.join(u"; "_s)));
        QString found = u"no call in flight"_s;
        if (verdict.inFlight == MirrorExpectation::InFlight::Present) {
            found = u"wholly present"_s;
            ++m_kills.inFlightPresent;
        } else if (verdict.inFlight == MirrorExpectation::InFlight::Absent) {
            found = u"wholly absent"_s;
            ++m_kills.inFlightAbsent;
        }
        qint64 rows = 0;
        for (const TableImage &table : std::as_const(image.tables))
            rows += table.rows.size();
        qInfo().noquote()
            << where + u": "_s + found +
                   u"; the mirror holds %1 tables, %2 rows"_s.arg(image.tables.size()).arg(rows);
    }

    /// Attempts until a cycle completes; each attempt gets a kill while `killsWanted` allows.
    void cycleUntilCompleted(bool repopulating, int killsWanted, int maxKillsPerCycle)
    {
        int killsThisCycle = 0;
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::optional<KillPlan> plan;
            if (m_kills.total < kKills && m_phaseKills < killsWanted &&
                killsThisCycle < maxKillsPerCycle)
                plan = randomPlan(repopulating);
            ms::CycleResult result;
            const bool killed = runAttempt(plan, result);
            QVERIFY2(m_modelFailure.isEmpty(), qPrintable(m_modelFailure));
            if (!killed) {
                QVERIFY2(!result.failed(), qPrintable(u"a cycle failed without a kill ("_s +
                                                      m_phase + u"): "_s + result.error));
                QVERIFY2(!m_expectation->inFlight(), "a completed cycle left a call unanswered");
                return;
            }
            ++m_kills.total;
            ++m_phaseKills;
            ++killsThisCycle;
            if (m_killer.firedOnCommit())
                ++m_kills.afterCommit;
            QVERIFY2(m_serve->reapKilled(),
                     qPrintable(u"serve did not die of the SIGKILL: "_s + m_serve->error()));
            checkKilledMirror();
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(m_serve->start(), qPrintable(u"serve did not restart: "_s + m_serve->error()));
            // A cycle the kill failed is retried, as the task does at its next run.
        }
        QFAIL("no cycle completed in 100 attempts");
    }

    void mutate(qint64 changes)
    {
        ms::Mutator(*m_source, m_random.generate()).applyChanges(changes);
    }

private Q_SLOTS:
    void killedServeLosesNothing()
    {
        const quint64 seed = quint64(environmentNumber(
            "MIRRORSCOPE_CRASH_SEED", qint64(QRandomGenerator::system()->generate64() >> 1)));
        const qint64 sourceRows = environmentNumber("MIRRORSCOPE_CRASH_ROWS", kDefaultRows);
        const qint64 changes = qMax<qint64>(sourceRows / 20, 20);
        qInfo().noquote() << u"crash-consistency seed %1 (replay with MIRRORSCOPE_CRASH_SEED=%1), "
                             "%2 source rows, %3 changes per incremental cycle"_s.arg(seed)
                                 .arg(sourceRows)
                                 .arg(changes);
        m_random.seed(seed);
        QElapsedTimer clock;
        clock.start();

        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const QString dataDir = m_dir->filePath(u"data"_s);
        m_mirrorPath = dataDir + u"/Mirror_"_s + kTenant + u".sqlite3"_s;
        const QString sourcePath = m_dir->filePath(u"source.db"_s);
        ms::DemoSourceGenerator(seed).generate(sourcePath, sourceRows);
        m_source = std::make_unique<ms::SourceDatabase>(sourcePath);
        for (const ms::TableSchema &table : m_source->tables())
            m_schemas.insert(table.tableName, table);
        m_expectation = std::make_unique<MirrorExpectation>(m_schemas);

        const quint16 port = pickFreePort();
        QVERIFY(port != 0);
        m_serve = std::make_unique<CrashServe>(dataDir, port);
        QVERIFY2(m_serve->start(), qPrintable(m_serve->error()));

        ms::MirroringTaskOptions options;
        options.url = m_serve->url();
        options.tenant = kTenant;
        options.applicationId = testsupport::kAppId;
        options.applicationPublicKey =
            ms::RsaPublicKey::fromText(testsupport::readFixture(u"app-public-key.pem"_s));
        options.signingKey = testsupport::superOfficeKey();
        options.timeout = 60s;
        for (auto [task, batchSize] :
             {std::pair{&m_task, kBatchBytes}, std::pair{&m_largeTask, kLargeBatchBytes}}) {
            options.batchSize = batchSize;
            *task = std::make_unique<ms::MirroringTask>(options);
            connect(task->get(), &ms::MirroringTask::callStarting, this,
                    &TestCrashConsistency::onCallStarting);
            connect(task->get(), &ms::MirroringTask::callAnswered, this,
                    &TestCrashConsistency::onCallAnswered);
        }

        // 7 + 4 + 6 + 3 kills; what a phase leaves (a plan that found no call) goes on later.
        m_phase = u"full population of a fresh tenant"_s;
        m_phaseKills = 0;
        cycleUntilCompleted(true, 7, kKills);
        if (QTest::currentTestFailed())
            return;
        const int afterFirst = 7 - m_phaseKills;

        m_phase = u"incremental cycles"_s;
        m_phaseKills = 0;
        for (int cycle = 0; cycle < 8 && m_phaseKills < 4 + afterFirst; ++cycle) {
            mutate(changes);
            cycleUntilCompleted(false, 4 + afterFirst, 1);
            if (QTest::currentTestFailed())
                return;
        }
        const int afterSecond = 4 + afterFirst - m_phaseKills;

        m_phase = u"Wipe and resend"_s;
        m_phaseKills = 0;
        mutate(changes);
        // The endpoint was away longer than the change window: every table starts over.
        m_source->ageChangeLog(qint64(ms::SourceDatabase::changeWindowDays + 1) * 86400);
        cycleUntilCompleted(true, 6 + afterSecond, kKills);
        if (QTest::currentTestFailed())
            return;

        m_phase = u"incremental cycles after the resend"_s;
        m_phaseKills = 0;
        for (int cycle = 0; cycle < 40 && m_kills.total < kKills; ++cycle) {
            mutate(changes);
            cycleUntilCompleted(false, kKills, 1);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(m_kills.total, kKills);

        // A clean cycle, then the mirror must equal the source.
        m_phase = u"clean cycle"_s;
        mutate(changes);
        cycleUntilCompleted(false, 0, 0);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(m_serve->stop(), "serve did not stop cleanly");
        const ms::VerifyReport report = ms::Verifier(*m_source, m_mirrorPath, kTenant).run();
        QVERIFY2(report.matched(), qPrintable(report.differences.join(u'\n')));
        QVERIFY(report.rowsCompared >= sourceRows / 2);
        // The test's model followed serve all along.
        const QStringList modelDrift =
            differences(m_expectation->answered(), readMirror(m_mirrorPath, kTenant, m_schemas));
        QVERIFY2(modelDrift.isEmpty(), qPrintable(modelDrift.join(u'\n')));

        checkEventLog(dataDir);
        qInfo().noquote()
            << u"%1 kills: %2 with a RowData call in flight, %3 calls in flight found wholly "
               "present and %4 wholly absent, %5 right after serve's first commit of the call; "
               "%6 tables and %7 rows verified equal to the source; %8 s"_s.arg(m_kills.total)
                   .arg(m_kills.rowDataInFlight)
                   .arg(m_kills.inFlightPresent)
                   .arg(m_kills.inFlightAbsent)
                   .arg(m_kills.afterCommit)
                   .arg(report.tablesCompared)
                   .arg(report.rowsCompared)
                   .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1);
        QVERIFY(m_kills.rowDataInFlight > 0);
    }

private:
    /// `mirrorscope events` reads the log serve wrote while being killed: one completion event
    /// per ReplicationCompleted it answered, at most one more per such call a kill cut.
    void checkEventLog(const QString &dataDir)
    {
        QProcess events;
        events.start(QStringLiteral(MIRRORSCOPE_BINARY),
                     {u"events"_s, u"--data-dir"_s, dataDir, u"--tenant"_s, kTenant, u"--json"_s,
                      u"--limit"_s, u"1000000"_s});
        QVERIFY(events.waitForFinished(60000));
        QCOMPARE(events.exitStatus(), QProcess::NormalExit);
        QVERIFY2(events.exitCode() == 0, events.readAllStandardError().constData());
        QJsonParseError error;
        const QJsonDocument document =
            QJsonDocument::fromJson(events.readAllStandardOutput(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        qint64 completions = 0;
        for (const QJsonValue &event : document.array()) {
            if (event.toObject().value(u"operation"_s).toString() == u"ReplicationCompleted"_s)
                ++completions;
        }
        QVERIFY2(completions >= m_answeredCompletions &&
                     completions <= m_answeredCompletions + m_completionsInFlight,
                 qPrintable(u"%1 completion events for %2 answered ReplicationCompleted calls "
                            "(%3 more cut by a kill)"_s.arg(completions)
                                .arg(m_answeredCompletions)
                                .arg(m_completionsInFlight)));
    }
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
