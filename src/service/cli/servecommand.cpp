#include "servecommand.h"

#include "commandsupport.h"
#include "serveoptions.h"
#include "shutdownsignals.h"

#include "service/common/error.h"
#include "service/common/logging.h"
#include "service/endpoint/endpointserver.h"
#include "service/endpoint/mirroringservice.h"
#include "service/endpoint/tenantslots.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"
#include "service/store/backendfactory.h"

#include <QCoreApplication>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

namespace {
// Many held connections (issue #9 holds 10,000) need descriptors beyond the default soft limit.
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}
} // namespace

int runServeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs the mirroring endpoint without the window."_s);
    addServeOptions(parser);
    int exitCode = 0;
    if (!parseCommand(parser, arguments, &exitCode))
        return exitCode;

    ServeOptions options;
    try {
        options = resolveServeOptions(parser);
    } catch (const ms::Error &e) {
        return fail(u"serve"_s, e.message(), 2);
    }

    raiseOpenFileLimit();
    try {
        // Connects to nothing yet: an unreachable database server does not stop serve, each
        // call is answered with an s:Server fault saying so until it can be reached.
        const std::unique_ptr<MirrorBackend> backend = createMirrorBackend(options.database);
        qCInfo(lcStore).noquote() << "Mirrors:" << backend->description();
        EventLog events(options.dataDir);
        TenantRegistry registry(options.dataDir);
        TenantSlots slots(*backend);
        MirroringService service(options.endpoint, slots, events, registry);
        EndpointServer server(service);

        QString error;
        if (!server.start(options.http, &error))
            return fail(u"serve"_s, u"cannot listen on %1: %2"_s.arg(options.listenText, error));

        ShutdownSignals shutdown;
        QObject::connect(&shutdown, &ShutdownSignals::received, qApp, [&server] {
            server.stop();
            QCoreApplication::exit(0);
        });
        printOut(u"listening on %1\n"_s.arg(server.url().toString()));
        return QCoreApplication::exec();
    } catch (const ms::Error &e) {
        return fail(u"serve"_s, e.message());
    }
}

} // namespace ms::cli
