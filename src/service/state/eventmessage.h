#pragma once

#include <QString>
#include <QStringList>

namespace ms {

/// What an event says, in two forms: a stable code with its arguments, which the window
/// translates when it shows the event, and the English text, which logs, `events --json` and
/// readers without the code (older versions, scripts) show. Made only by the functions of
/// namespace ms::eventmessage, so that a code, its arguments and its English text agree.
struct EventMessage
{
    QString code;
    QStringList arguments;
    QString text;
};

/// The catalogue of event messages. Codes are stored in the event log: never change or reuse
/// one (add a new code instead); the window's EventMessageTranslator knows each of them.
/// Counts are passed as numbers and stored as decimal text.
namespace eventmessage {

namespace code {
inline constexpr char TokenRejected[] = "token.rejected";
inline constexpr char CallRefused[] = "call.refused";
inline constexpr char CallFailed[] = "call.failed";
inline constexpr char TenantPausedSkipped[] = "tenant.paused-skipped";
inline constexpr char TablesDropped[] = "schema.dropped";
inline constexpr char TablesRecreated[] = "schema.recreated";
inline constexpr char TablesCreated[] = "schema.created";
inline constexpr char TablesAltered[] = "schema.altered";
inline constexpr char TableWiped[] = "table.wiped";
inline constexpr char CycleCompleted[] = "cycle.completed";
inline constexpr char Invalidated[] = "admin.invalidated";
inline constexpr char InvalidatedAll[] = "admin.invalidated-all";
inline constexpr char Repopulated[] = "admin.repopulated";
inline constexpr char RepopulatedAll[] = "admin.repopulated-all";
inline constexpr char Paused[] = "admin.paused";
inline constexpr char Resumed[] = "admin.resumed";
inline constexpr char MirrorDeleted[] = "admin.deleted";
inline constexpr char ActionFailed[] = "admin.failed";
inline constexpr char DemoStarted[] = "demo.started";
inline constexpr char DemoCompleted[] = "demo.completed";
inline constexpr char DemoSkipped[] = "demo.skipped";
inline constexpr char DemoFailed[] = "demo.failed";
inline constexpr char EndpointSetupInvalid[] = "endpoint.setup-invalid";
inline constexpr char EndpointSetupFallback[] = "endpoint.setup-fallback";
inline constexpr char EndpointListenFailed[] = "endpoint.listen-failed";
} // namespace code

// The endpoint's calls (MirroringService). reason: the service's English error text.
EventMessage tokenRejected(const QString &reason);
EventMessage callRefused(const QString &reason);
EventMessage callFailed(const QString &reason);
EventMessage tenantPausedSkipped();
EventMessage tablesDropped(const QStringList &tables);
EventMessage tablesRecreated(const QStringList &tables);
EventMessage tablesCreated(const QStringList &tables);
EventMessage tablesAltered(const QStringList &tables);
EventMessage tableWiped(const QString &table);
EventMessage cycleCompleted(qint64 tables, qint64 rowChanges);

// The repair actions (MirrorAdmin, and the window when one is refused). Empty tables = all.
EventMessage invalidated(const QStringList &tables);
EventMessage repopulated(const QStringList &tables);
EventMessage paused();
EventMessage resumed();
EventMessage mirrorDeleted(const QString &tenant);
/// operation: the action's operation name as logged ("Invalidate", ...).
EventMessage actionFailed(const QString &operation, const QString &reason);

// The window's demo cycle and endpoint.
EventMessage demoStarted(const QString &certificateThumbprint);
EventMessage demoCompleted(qint64 rowsSent);
EventMessage demoSkipped(qint64 rowsSent);
EventMessage demoFailed(const QString &reason, qint64 rowsSent);
EventMessage endpointSetupInvalid(const QString &reason);
EventMessage endpointSetupFallback();
/// reason may be empty when the system gave none.
EventMessage endpointListenFailed(const QString &listen, const QString &reason);

} // namespace eventmessage
} // namespace ms
