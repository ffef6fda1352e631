#include "eventmessage.h"

using namespace Qt::Literals::StringLiterals;

namespace ms::eventmessage {

namespace {
EventMessage make(const char *code, QStringList arguments, QString text)
{
    return EventMessage{QString::fromLatin1(code), std::move(arguments), std::move(text)};
}

QString number(qint64 value)
{
    return QString::number(value);
}

EventMessage tableListMessage(const char *code, const QStringList &tables, const QString &text)
{
    const QString list = tables.join(u", "_s);
    return make(code, {number(tables.size()), list}, text.arg(number(tables.size()), list));
}
} // namespace

EventMessage tokenRejected(const QString &reason)
{
    return make(code::TokenRejected, {reason}, u"Rejected a token: %1"_s.arg(reason));
}

EventMessage callRefused(const QString &reason)
{
    return make(code::CallRefused, {reason}, u"Refused the call: %1"_s.arg(reason));
}

EventMessage callFailed(const QString &reason)
{
    return make(code::CallFailed, {reason}, u"Failed to serve the call: %1"_s.arg(reason));
}

EventMessage tenantPausedSkipped()
{
    return make(code::TenantPausedSkipped, {},
                u"The tenant is paused: asked the Mirroring Task to skip this cycle."_s);
}

EventMessage tablesDropped(const QStringList &tables)
{
    return tableListMessage(code::TablesDropped, tables,
                            u"Dropped %1 table(s) no longer mirrored: %2"_s);
}

EventMessage tablesRecreated(const QStringList &tables)
{
    return tableListMessage(code::TablesRecreated, tables,
                            u"Recreated %1 table(s) after an incompatible schema change: %2"_s);
}

EventMessage tablesCreated(const QStringList &tables)
{
    return tableListMessage(code::TablesCreated, tables, u"Created %1 table(s): %2"_s);
}

EventMessage tablesAltered(const QStringList &tables)
{
    return tableListMessage(code::TablesAltered, tables, u"Added columns to %1 table(s): %2"_s);
}

EventMessage tableWiped(const QString &table)
{
    return make(code::TableWiped, {table},
                u"Wiped table %1: all rows removed, LSN set to -1"_s.arg(table));
}

EventMessage cycleCompleted(qint64 tables, qint64 rowChanges)
{
    return make(code::CycleCompleted, {number(tables), number(rowChanges)},
                u"Cycle completed: %1 table(s), %2 row change(s)"_s.arg(tables).arg(rowChanges));
}

EventMessage invalidated(const QStringList &tables)
{
    const auto text =
        u"Invalidated %1: rows deleted and LSN set to -1; the next cycle sends everything again"_s;
    if (tables.isEmpty())
        return make(code::InvalidatedAll, {}, text.arg(u"all tables"_s));
    const QString list = tables.join(u", "_s);
    return make(code::Invalidated, {list}, text.arg(list));
}

EventMessage repopulated(const QStringList &tables)
{
    const auto text = u"Hard reset of %1: metadata rows deleted and tables dropped; the next "
                      "cycle recreates and repopulates them"_s;
    if (tables.isEmpty())
        return make(code::RepopulatedAll, {}, text.arg(u"all tables"_s));
    const QString list = tables.join(u", "_s);
    return make(code::Repopulated, {list}, text.arg(list));
}

EventMessage paused()
{
    return make(code::Paused, {},
                u"Paused: the Mirroring Task is asked to skip this tenant (doNotReplicate)"_s);
}

EventMessage resumed()
{
    return make(code::Resumed, {}, u"Resumed: the next cycle mirrors this tenant again"_s);
}

EventMessage mirrorDeleted(const QString &tenant)
{
    return make(code::MirrorDeleted, {tenant},
                u"Deleted the mirror of tenant %1; the next cycle starts it anew"_s.arg(tenant));
}

EventMessage actionFailed(const QString &operation, const QString &reason)
{
    return make(code::ActionFailed, {operation, reason}, u"%1 failed: %2"_s.arg(operation, reason));
}

EventMessage demoStarted(const QString &certificateThumbprint)
{
    return make(
        code::DemoStarted, {certificateThumbprint},
        u"Demo cycle started: the demo signing certificate %1 is trusted until it ends"_s.arg(
            certificateThumbprint));
}

EventMessage demoCompleted(qint64 rowsSent)
{
    return make(code::DemoCompleted, {number(rowsSent)},
                u"Demo cycle finished: completed (%1 row(s) sent)"_s.arg(rowsSent));
}

EventMessage demoSkipped(qint64 rowsSent)
{
    return make(code::DemoSkipped, {number(rowsSent)},
                u"Demo cycle finished: skipped, the endpoint answered doNotReplicate (%1 row(s) "
                "sent)"_s.arg(rowsSent));
}

EventMessage demoFailed(const QString &reason, qint64 rowsSent)
{
    return make(code::DemoFailed, {reason, number(rowsSent)},
                u"Demo cycle failed: %1 (%2 row(s) sent)"_s.arg(reason, number(rowsSent)));
}

EventMessage endpointSetupInvalid(const QString &reason)
{
    return make(code::EndpointSetupInvalid, {reason},
                u"The endpoint cannot start: %1"_s.arg(reason));
}

EventMessage endpointSetupFallback()
{
    return make(code::EndpointSetupFallback, {},
                u"The saved setup could not be loaded; using the demo identity"_s);
}

EventMessage endpointListenFailed(const QString &listen, const QString &reason)
{
    return make(code::EndpointListenFailed, {listen, reason},
                reason.isEmpty() ? u"Cannot listen on %1"_s.arg(listen)
                                 : u"Cannot listen on %1: %2"_s.arg(listen, reason));
}

} // namespace ms::eventmessage
