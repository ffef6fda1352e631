#include "admincommand.h"

#include "commandsupport.h"

#include "service/common/error.h"
#include "service/endpoint/mirroradmin.h"
#include "service/endpoint/tenantslots.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"
#include "service/store/backendfactory.h"

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

int runAdminCommand(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"invalidate: rows deleted, LSN -1 (forced re-sync). repopulate: metadata rows deleted "
        "and tables dropped (hard reset). pause/resume: answer doNotReplicate or not. delete: "
        "remove the tenant's mirror."_s);
    parser.addOptions({
        {u"data-dir"_s, u"Directory of the mirrors and the event log."_s, u"DIR"_s},
        {u"tenant"_s, u"The tenant (context id), e.g. Cust12345."_s, u"CTX"_s},
        {u"table"_s, u"Only this table (repeatable; default: all tables)."_s, u"T"_s},
    });
    parser.addOption(databaseOption());
    int exitCode = 0;
    if (!parseCommand(parser, arguments, &exitCode))
        return exitCode;
    if (!parser.isSet(u"tenant"_s))
        return fail(command, u"--tenant is required"_s, 2);
    const QString tenant = parser.value(u"tenant"_s);
    const QStringList tables = parser.values(u"table"_s);
    if (!tables.isEmpty() && command != u"invalidate" && command != u"repopulate")
        return fail(command, u"--table goes with invalidate and repopulate only"_s, 2);

    try {
        const QString dir = dataDirectory(parser);
        const std::unique_ptr<MirrorBackend> backend =
            createMirrorBackend(databaseTarget(parser, dir));
        EventLog events(dir);
        TenantRegistry registry(dir);
        TenantSlots slots(*backend);
        MirrorAdmin admin(slots, events, registry);
        if (command == u"invalidate")
            admin.invalidate(tenant, tables);
        else if (command == u"repopulate")
            admin.repopulate(tenant, tables);
        else if (command == u"pause")
            admin.setPaused(tenant, true);
        else if (command == u"resume")
            admin.setPaused(tenant, false);
        else if (command == u"delete")
            admin.deleteMirror(tenant);
        else
            return fail(command, u"unknown command"_s, 2);
        printOut(events.query({}).value(0).message + u'\n');
    } catch (const ms::Error &e) {
        return fail(command, e.message());
    }
    return 0;
}

} // namespace ms::cli
