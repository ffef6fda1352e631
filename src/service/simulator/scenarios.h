#pragma once

#include "cycleresult.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace ms {

class MirrorTampering;
class SourceDatabase;

/// What a scenario works with. The cycle runs against the endpoint; the endpoint's mirror is
/// only touched, by the scenarios that tamper with it, through `mirror` (its backend's locks).
struct ScenarioContext
{
    SourceDatabase *source = nullptr;
    MirrorTampering *mirror = nullptr; ///< needed by mirror-restored and write-fails; not owned
    qint64 mutations = 50;             ///< row changes a scenario makes between cycles
    std::function<CycleResult()> runCycle;
    std::function<void(const QString &)> log; ///< one line of progress, for a person
};

struct ScenarioResult
{
    bool ok = false;
    QString error; ///< when !ok: the step or the expectation that failed
    QList<CycleResult> cycles;
};

/// new-customer, mirror-restored, online-restored, write-fails, endpoint-down, schema-change.
QStringList scenarioNames();
/// Whether the scenario needs ScenarioContext::mirror.
bool scenarioNeedsMirror(const QString &name);

/// Runs the scenario's steps and cycles and checks that the endpoint did what PROTOCOL.md says
/// (e.g. a mirror ahead of the source is repopulated). The last cycle must complete. Blocking;
/// the thread that owns the source. Throws ms::Error(Client) for an unknown name.
ScenarioResult runScenario(const QString &name, const ScenarioContext &context);

} // namespace ms
