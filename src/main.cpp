// mirrorscope: the window when no command is given, else one of the command-line tools.

#include "service/cli/admincommand.h"
#include "service/cli/eventscommand.h"
#include "service/cli/keyscommand.h"
#include "service/cli/servecommand.h"
#include "service/simulator/simulatecommand.h"

#ifdef MIRRORSCOPE_WITH_GUI
#include "ui/application.h"
#endif

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto kUsage = R"(Usage: mirrorscope [COMMAND] [OPTIONS]

Without a command, opens the MirrorScope window.

Commands:
  serve        run the mirroring endpoint without the window
  simulate     run a Mirroring Task cycle against an endpoint (the simulator)
  events       print the event log
  invalidate   force a re-sync of tables (rows deleted, LSN -1)
  repopulate   hard reset of tables (metadata rows deleted, tables dropped)
  pause        answer doNotReplicate for a tenant
  resume       mirror a paused tenant again
  delete       delete a tenant's mirror
  keys         application and TLS keys (import-app-key, generate-app-key, show)

'mirrorscope COMMAND --help' describes a command's options.
)";

void setIdentity()
{
    QCoreApplication::setOrganizationName(u"MirrorScope"_s);
    QCoreApplication::setApplicationName(u"MirrorScope"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MIRRORSCOPE_VERSION));
}

int runCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == u"serve")
        return ms::cli::runServeCommand(args);
    if (command == u"simulate")
        return ms::runSimulateCommand(args);
    if (command == u"events")
        return ms::cli::runEventsCommand(args);
    if (command == u"invalidate" || command == u"repopulate" || command == u"pause" ||
        command == u"resume" || command == u"delete")
        return ms::cli::runAdminCommand(args);
    if (command == u"keys")
        return ms::cli::runKeysCommand(args);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (command == u"--version" || command == u"-v") {
        std::puts("mirrorscope " MIRRORSCOPE_VERSION);
        return 0;
    }
    std::fprintf(stderr, "mirrorscope: unknown command '%s'\n\n%s", qPrintable(command), kUsage);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const bool hasCommand = argc > 1 && std::strncmp(argv[1], "-", 1) != 0;
    const bool wantsInfo = argc > 1 && (std::strcmp(argv[1], "--help") == 0 ||
                                        std::strcmp(argv[1], "-h") == 0 ||
                                        std::strcmp(argv[1], "--version") == 0);
    if (hasCommand || wantsInfo)
        return runCommand(argc, argv);
#ifdef MIRRORSCOPE_WITH_GUI
    return ms::ui::runApplication(argc, argv);
#else
    std::fputs(kUsage, stderr);
    return 2;
#endif
}
