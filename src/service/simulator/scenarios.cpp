#include "scenarios.h"

#include "mirrortampering.h"
#include "mutator.h"
#include "sourcedatabase.h"

#include "service/common/error.h"

#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

// A scenario step that went wrong; caught in runScenario.
struct Expectation
{
    QString message;
};

class Runner
{
public:
    Runner(const ScenarioContext &context, ScenarioResult &result)
        : m_context(context), m_result(result), m_source(*context.source)
    {}

    CycleResult cycle(const QString &why, bool mustComplete = true)
    {
        log(u"cycle: "_s + why);
        const CycleResult result = m_context.runCycle();
        m_result.cycles.append(result);
        log(u"  %1 (%2 rows, %3 calls)"_s.arg(result.describe())
                .arg(result.rowsSent)
                .arg(result.calls));
        if (mustComplete && result.outcome != CycleResult::Outcome::Completed)
            throw Expectation{
                u"the cycle to %1 did not complete: %2"_s.arg(why, result.describe())};
        return result;
    }

    void mutate()
    {
        // A different but reproducible seed for each round of changes.
        const Mutator::Summary s = Mutator(m_source, quint64(1000 + m_source.currentLsn()))
                                       .applyChanges(m_context.mutations);
        log(u"source: %1 inserted, %2 updated, %3 deleted"_s.arg(s.inserted)
                .arg(s.updated)
                .arg(s.deleted));
    }

    void log(const QString &line)
    {
        if (m_context.log)
            m_context.log(line);
    }

    const ScenarioContext &context() const { return m_context; }
    SourceDatabase &source() { return m_source; }

private:
    const ScenarioContext &m_context;
    ScenarioResult &m_result;
    SourceDatabase &m_source;
};

void expect(bool condition, const QString &message)
{
    if (!condition)
        throw Expectation{message};
}

QStringList repopulatedTables(const CycleResult &result)
{
    QStringList names;
    for (const TableCycleOutcome &table : result.tables) {
        if (table.repopulated)
            names.append(table.tableName);
    }
    return names;
}

const TableCycleOutcome *findTable(const CycleResult &result, const QString &name)
{
    for (const TableCycleOutcome &table : result.tables) {
        if (table.tableName == name)
            return &table;
    }
    return nullptr;
}

void newCustomer(Runner &run)
{
    MirrorTampering *mirror = run.context().mirror;
    const bool fresh = mirror && !mirror->exists();
    const CycleResult result = run.cycle(u"populate the mirror"_s);
    if (fresh)
        expect(repopulatedTables(result).size() == result.tables.size(),
               u"a new mirror must ask for every table (LSN -1)"_s);
}

void mirrorRestored(Runner &run)
{
    MirrorTampering &mirror = *run.context().mirror;
    run.cycle(u"bring the mirror up to date"_s);
    mirror.takeSnapshot();
    run.log(u"mirror: snapshot taken"_s);
    run.mutate();
    const CycleResult changes = run.cycle(u"send the changes"_s);
    mirror.restoreSnapshot();
    run.log(u"mirror: restored from the snapshot (now behind the source)"_s);
    const CycleResult again = run.cycle(u"catch the restored mirror up"_s);
    expect(
        repopulatedTables(again).isEmpty(),
        u"a mirror behind the source must get the changes, not a repopulation (repopulated: %1)"_s
            .arg(repopulatedTables(again).join(u", "_s)));
    expect(again.rowsSent == changes.rowsSent,
           u"the changes since the snapshot must be sent again: %1 rows then, %2 now"_s
               .arg(changes.rowsSent)
               .arg(again.rowsSent));
}

void onlineRestored(Runner &run, const QTemporaryDir &scratch)
{
    run.cycle(u"bring the mirror up to date"_s);
    const QString snapshot = scratch.filePath(u"source-snapshot.db"_s);
    run.source().snapshotTo(snapshot);
    run.mutate();
    run.cycle(u"mirror the changes"_s);
    run.source().restoreFrom(snapshot);
    run.log(u"source: restored from the older snapshot (the mirror is now ahead)"_s);
    const CycleResult result = run.cycle(u"repopulate the mirror"_s);
    expect(repopulatedTables(result).size() == result.tables.size(),
           u"a mirror ahead of the source must be repopulated; only %1 of %2 tables were"_s
               .arg(repopulatedTables(result).size())
               .arg(result.tables.size()));
}

void writeFails(Runner &run)
{
    MirrorTampering &mirror = *run.context().mirror;
    run.cycle(u"bring the mirror up to date"_s);
    run.mutate();
    const QByteArray before = mirror.contentDigest();
    CycleResult failed;
    QByteArray during;
    {
        const std::unique_ptr<MirrorTampering::WriteBlock> block = mirror.blockWrites();
        run.log(u"mirror: write lock held"_s);
        failed = run.cycle(u"write while the mirror is locked"_s, false);
        during = mirror.contentDigest();
    }
    expect(failed.failed(), u"the cycle must fail while the mirror is locked"_s);
    expect(during == before,
           u"the failed cycle must leave the mirror as it was (nothing half-written)"_s);
    const CycleResult caught = run.cycle(u"catch up after the failure"_s);
    expect(caught.rowsSent > 0, u"the next cycle must send the changes the failed one did not"_s);
}

void endpointDown(Runner &run)
{
    run.cycle(u"bring the mirror up to date"_s);
    run.mutate();
    run.source().ageChangeLog(qint64(SourceDatabase::changeWindowDays + 1) * 86400);
    run.log(u"source: the endpoint was unreachable for 8 days; its changes left the window"_s);
    const CycleResult result = run.cycle(u"start over"_s);
    expect(repopulatedTables(result).size() == result.tables.size(),
           u"a mirror older than the change window must be repopulated; only %1 of %2 tables were"_s
               .arg(repopulatedTables(result).size())
               .arg(result.tables.size()));
}

void schemaChange(Runner &run)
{
    run.cycle(u"bring the mirror up to date"_s);
    SourceDatabase &source = run.source();
    Mutator mutator(source, quint64(2000 + source.currentLsn()));
    const QString added = mutator.addCompatibleColumn(u"contact"_s);
    run.log(u"source: contact.%1 added (nullable)"_s.arg(added));
    QString newType = u"nvarchar(20)"_s;
    for (const ColumnSchema &column : source.table(u"person"_s).columns) {
        if (column.name == u"gender" && column.dataType == newType)
            newType = u"smallint"_s;
    }
    mutator.changeColumnType(u"person"_s, u"gender"_s, newType);
    run.log(u"source: person.gender is now %1"_s.arg(newType));
    const QString created = mutator.createTable();
    run.log(u"source: table %1 created"_s.arg(created));
    if (source.hasTable(u"selection"_s)) {
        mutator.dropTable(u"selection"_s);
        run.log(u"source: table selection dropped"_s);
    }
    run.mutate();
    const CycleResult result = run.cycle(u"apply the schema changes"_s);

    const TableCycleOutcome *contact = findTable(result, u"contact"_s);
    const TableCycleOutcome *person = findTable(result, u"person"_s);
    const TableCycleOutcome *fresh = findTable(result, created);
    expect(contact && contact->schemaChange == SchemaChange::Altered && !contact->repopulated,
           u"an added nullable column must be Altered, keeping the rows"_s);
    expect(person && person->schemaChange == SchemaChange::Recreated && person->repopulated,
           u"a changed column type must be Recreated and repopulated"_s);
    expect(fresh && fresh->schemaChange == SchemaChange::Created && fresh->repopulated,
           u"a new table must be Created and populated"_s);
    expect(!findTable(result, u"selection"_s), u"a dropped table must not be sent"_s);
}

} // namespace

QStringList scenarioNames()
{
    return {u"new-customer"_s, u"mirror-restored"_s, u"online-restored"_s,
            u"write-fails"_s,  u"endpoint-down"_s,   u"schema-change"_s};
}

bool scenarioNeedsMirror(const QString &name)
{
    return name == u"mirror-restored" || name == u"write-fails";
}

ScenarioResult runScenario(const QString &name, const ScenarioContext &context)
{
    if (!scenarioNames().contains(name))
        throw clientError(
            u"Unknown scenario \"%1\"; known: %2"_s.arg(name, scenarioNames().join(u", "_s)));
    if (scenarioNeedsMirror(name) && !context.mirror)
        throw clientError(
            u"Scenario %1 needs the endpoint's mirror (--mirror or --database)"_s.arg(name));
    ScenarioResult result;
    Runner run(context, result);
    QTemporaryDir scratch;
    if (!scratch.isValid())
        throw serverError(u"Cannot create a temporary directory for snapshots"_s);
    try {
        if (name == u"new-customer")
            newCustomer(run);
        else if (name == u"mirror-restored")
            mirrorRestored(run);
        else if (name == u"online-restored")
            onlineRestored(run, scratch);
        else if (name == u"write-fails")
            writeFails(run);
        else if (name == u"endpoint-down")
            endpointDown(run);
        else
            schemaChange(run);
        result.ok = true;
    } catch (const Expectation &failed) {
        result.error = failed.message;
    } catch (const Error &e) {
        result.error = e.message();
    }
    return result;
}

} // namespace ms
