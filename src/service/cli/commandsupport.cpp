#include "commandsupport.h"

#include "service/settings/appsettings.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

bool parseCommand(QCommandLineParser &parser, const QStringList &arguments, int *exitCode)
{
    parser.addHelpOption();
    // Drop the subcommand so that it is not taken for a positional argument.
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1);
    if (!parser.parse(args)) {
        std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitCode = 0;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "Unexpected argument: %s\n",
                     qPrintable(parser.positionalArguments().constFirst()));
        *exitCode = 2;
        return false;
    }
    return true;
}

QString dataDirectory(const QCommandLineParser &parser)
{
    if (parser.isSet(u"data-dir"_s))
        return parser.value(u"data-dir"_s);
    return AppSettings().dataDirectory();
}

QCommandLineOption databaseOption()
{
    return {u"database"_s,
            u"Where the mirrors live: postgresql://USER[:PASSWORD]@HOST[:PORT]/DB (one schema "
            "Mirror_<ctx> per tenant) or mssql://USER@HOST[:PORT]/; default: SQLite files in "
            "the data directory."_s,
            u"SPEC"_s};
}

DatabaseTarget databaseTarget(const QCommandLineParser &parser, const QString &dataDir)
{
    const QString spec =
        parser.isSet(u"database"_s) ? parser.value(u"database"_s) : AppSettings().database();
    return DatabaseTarget::parse(spec, dataDir);
}

int fail(const QString &command, const QString &message, int exitCode)
{
    std::fprintf(stderr, "mirrorscope %s: %s\n", qPrintable(command), qPrintable(message));
    return exitCode;
}

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

} // namespace ms::cli
