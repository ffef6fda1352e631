#include "simulatecommand.h"

#include "demosourcegenerator.h"
#include "mirroringtask.h"
#include "mirrortampering.h"
#include "mutator.h"
#include "scenarios.h"
#include "sourcedatabase.h"
#include "verifier.h"

#include "service/auth/certificate.h"
#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/store/backendfactory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSslCertificate>

#include <cstdio>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

void printErr(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fflush(stderr);
}

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

QByteArray readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw clientError(u"Cannot read %1 %2: %3"_s.arg(what, path, file.errorString()));
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw serverError(u"Cannot write %1: %2"_s.arg(path, file.errorString()));
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit())
        throw serverError(u"Cannot write %1: %2"_s.arg(path, file.errorString()));
}

qint64 numberOption(const QCommandLineParser &parser, const QString &name, qint64 fallback,
                    qint64 minimum)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum)
        throw clientError(
            u"--%1 wants a whole number of at least %2, got \"%3\""_s.arg(name).arg(minimum).arg(
                parser.value(name)));
    return value;
}

// Without --signing-key the simulator keeps its own "SuperOffice" key next to the source, so
// that a certificate written once with --write-signing-cert stays valid for later runs.
RsaPrivateKey signingKey(const QCommandLineParser &parser, const QString &sourcePath)
{
    if (parser.isSet(u"signing-key"_s))
        return RsaPrivateKey::fromText(
            readFile(parser.value(u"signing-key"_s), u"the signing key"_s));
    const QString path = sourcePath + u".signing-key.pem"_s;
    if (QFileInfo::exists(path))
        return RsaPrivateKey::fromText(readFile(path, u"the signing key"_s));
    const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    writeFile(path, key.toPem(), true);
    printErr(u"simulate: generated a signing key in %1\n"_s.arg(path));
    return key;
}

// The endpoint's mirror, for --verify and the scenarios that tamper with it: the SQLite file of
// --mirror, or the tenant's mirror in the server database of --database (the spec `serve` takes).
std::optional<ReadAccess> mirrorAccess(const QCommandLineParser &parser, const QString &tenant)
{
    const bool file = parser.isSet(u"mirror"_s);
    const bool server = parser.isSet(u"database"_s);
    if (file && server)
        throw clientError(u"--mirror and --database both name the mirror; give one of them"_s);
    if (file) {
        ReadAccess access;
        access.driver = u"QSQLITE"_s;
        access.databaseName = parser.value(u"mirror"_s);
        return access;
    }
    if (!server)
        return std::nullopt;
    const DatabaseTarget target = DatabaseTarget::parse(parser.value(u"database"_s), {});
    if (target.kind == DatabaseTarget::Kind::Sqlite)
        throw clientError(u"--database wants a server URL (postgresql://...); a SQLite mirror is "
                          "named by --mirror FILE"_s);
    if (target.kind != DatabaseTarget::Kind::Postgres)
        throw clientError(u"--database: the simulator reads SQLite and PostgreSQL mirrors only, "
                          "not %1"_s.arg(target.describe()));
    return createMirrorBackend(target)->readAccess(tenant);
}

QString summary(const CycleResult &result)
{
    QString text;
    for (const TableCycleOutcome &t : result.tables) {
        if (t.inserted + t.updated + t.deleted == 0 && !t.repopulated)
            continue;
        text += u"  %1%2: %3 inserted, %4 updated, %5 deleted (schema %6)\n"_s.arg(t.tableName)
                    .arg(t.repopulated ? u" (repopulated)"_s : QString())
                    .arg(t.inserted)
                    .arg(t.updated)
                    .arg(t.deleted)
                    .arg(schemaChangeName(t.schemaChange));
    }
    text += u"cycle %1: %2 tables, %3 rows, %4 calls, %5 MB in %6 s\n"_s.arg(result.describe())
                .arg(result.tables.size())
                .arg(result.rowsSent)
                .arg(result.calls)
                .arg(double(result.bytesSent) / 1e6, 0, 'f', 2)
                .arg(result.seconds, 0, 'f', 2);
    return text;
}

int run(const QCommandLineParser &parser)
{
    for (const QString &required :
         {u"url"_s, u"tenant"_s, u"app-id"_s, u"app-public-key"_s, u"source"_s}) {
        if (!parser.isSet(required))
            throw clientError(u"--%1 is required (see --help)"_s.arg(required));
    }
    const QString sourcePath = parser.value(u"source"_s);
    const QString tenant = parser.value(u"tenant"_s);
    if (!isValidTenantId(tenant))
        throw clientError(u"--tenant \"%1\" is not a valid context id"_s.arg(tenant));
    const QUrl url(parser.value(u"url"_s));
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        throw clientError(
            u"--url wants an http or https URL, got \"%1\""_s.arg(parser.value(u"url"_s)));
    const bool verify = parser.isSet(u"verify"_s);
    const std::optional<ReadAccess> mirror = mirrorAccess(parser, tenant);
    if (verify && !mirror)
        throw clientError(u"--verify needs --mirror FILE or --database URL"_s);
    const QString scenario = parser.value(u"scenario"_s);
    if (!scenario.isEmpty() && !scenarioNames().contains(scenario))
        throw clientError(
            u"Unknown --scenario \"%1\"; known: %2"_s.arg(scenario, scenarioNames().join(u", "_s)));
    if (!scenario.isEmpty() && scenarioNeedsMirror(scenario) && !mirror)
        throw clientError(u"--scenario %1 needs --mirror FILE or --database URL"_s.arg(scenario));

    if (parser.isSet(u"create-demo"_s)) {
        const qint64 rows = numberOption(parser, u"rows"_s, 1000, 0);
        DemoSourceGenerator().generate(sourcePath, rows);
        printErr(
            u"simulate: demo source %1 created with about %2 rows\n"_s.arg(sourcePath).arg(rows));
    } else if (!QFileInfo::exists(sourcePath)) {
        throw clientError(
            u"The source %1 does not exist; --create-demo makes one"_s.arg(sourcePath));
    }

    MirroringTaskOptions options;
    options.url = url;
    options.tenant = tenant;
    options.applicationId = parser.value(u"app-id"_s);
    options.applicationPublicKey = RsaPublicKey::fromText(
        readFile(parser.value(u"app-public-key"_s), u"the application public key"_s));
    options.signingKey = signingKey(parser, sourcePath);
    options.batchSize = numberOption(parser, u"batch-size"_s, 1'000'000, 1);
    if (parser.isSet(u"ca-cert"_s)) {
        options.caCertificates = QSslCertificate::fromData(
            readFile(parser.value(u"ca-cert"_s), u"the CA certificate"_s), QSsl::Pem);
        if (options.caCertificates.isEmpty())
            throw clientError(
                u"--ca-cert %1 holds no PEM certificate"_s.arg(parser.value(u"ca-cert"_s)));
    }
    if (parser.isSet(u"write-signing-cert"_s)) {
        const Certificate cert = Certificate::createSelfSigned(
            options.signingKey, u"MirrorScope simulator (SuperOffice stand-in)"_s, {}, {}, 3650);
        writeFile(parser.value(u"write-signing-cert"_s), cert.toPem(), false);
        printErr(
            u"simulate: signing certificate written to %1 (trust it with --superoffice-cert)\n"_s
                .arg(parser.value(u"write-signing-cert"_s)));
    }

    SourceDatabase source(sourcePath);
    const qint64 mutations = numberOption(parser, u"mutate"_s, scenario.isEmpty() ? 0 : 50, 0);
    if (scenario.isEmpty() && mutations > 0) {
        const Mutator::Summary s =
            Mutator(source, quint64(1000 + source.currentLsn())).applyChanges(mutations);
        printErr(
            u"simulate: source changed: %1 inserted, %2 updated, %3 deleted\n"_s.arg(s.inserted)
                .arg(s.updated)
                .arg(s.deleted));
    }

    MirroringTask task(options);
    QObject::connect(
        &task, &MirroringTask::tableStarted, &task, [](const QString &table, bool repopulating) {
            printErr(u"%1: %2\n"_s.arg(table, repopulating ? u"wipe and send all rows"_s
                                                           : u"send changes"_s));
        });
    QObject::connect(&task, &MirroringTask::progress, &task,
                     [](const QString &table, qint64 rows, qint64 bytes, double rate) {
                         printErr(u"  %1: %2 rows, %3 MB sent, %4 MB/s\n"_s.arg(table)
                                      .arg(rows)
                                      .arg(double(bytes) / 1e6, 0, 'f', 2)
                                      .arg(rate, 0, 'f', 2));
                     });

    bool succeeded = false;
    if (scenario.isEmpty()) {
        const CycleResult result = task.runCycle(source);
        printOut(summary(result));
        succeeded = !result.failed();
    } else {
        const std::unique_ptr<MirrorTampering> tampering =
            mirror ? createMirrorTampering(*mirror, tenant) : nullptr;
        ScenarioContext context;
        context.source = &source;
        context.mirror = tampering.get();
        context.mutations = mutations;
        context.runCycle = [&] {
            const CycleResult result = task.runCycle(source);
            printOut(summary(result));
            return result;
        };
        context.log = [](const QString &line) {
            printErr(line + u'\n');
        };
        const ScenarioResult result = runScenario(scenario, context);
        printOut(u"scenario %1: %2\n"_s.arg(scenario, result.ok ? u"passed"_s
                                                                : u"FAILED: "_s + result.error));
        succeeded = result.ok;
    }
    if (!verify)
        return succeeded ? 0 : 1;

    const VerifyReport report = Verifier(source, *mirror, tenant).run();
    for (const QString &line : report.differences)
        printOut(u"  differs: "_s + line + u'\n');
    printOut(u"verify: %1 tables, %2 rows compared, %3 differences\n"_s.arg(report.tablesCompared)
                 .arg(report.rowsCompared)
                 .arg(report.differenceCount));
    return succeeded && report.matched() ? 0 : 1;
}

} // namespace

int runSimulateCommand(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() > 1 && args.at(1) == u"simulate")
        args.removeAt(1);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Plays SuperOffice's Mirroring Task: runs a mirroring cycle (or a scenario of several) "
        "from a simulated SuperOffice database against an endpoint, and can verify the mirror."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"url"_s, u"The endpoint URL (…/MirroringClientService.svc)."_s, u"URL"_s},
        {u"tenant"_s, u"The tenant (context id) the tokens name."_s, u"CTX"_s},
        {u"app-id"_s, u"The application id (client_id) the tokens are for."_s, u"ID"_s},
        {u"app-public-key"_s,
         u"The application's public key (RSA XML or PEM): verifies the "
         "endpoint's SignedApplicationToken."_s,
         u"PATH"_s},
        {u"source"_s, u"The simulated SuperOffice database (a SQLite file)."_s, u"FILE"_s},
        {u"create-demo"_s, u"Create a new demo source first (replaces FILE)."_s},
        {u"rows"_s, u"Rows of the demo source, over all tables (default 1000)."_s, u"N"_s},
        {u"mutate"_s,
         u"Random row changes before the cycle (in a scenario: between its cycles, "
         "default 50)."_s,
         u"N"_s},
        {u"scenario"_s, u"Run a scenario: %1."_s.arg(scenarioNames().join(u", "_s)), u"NAME"_s},
        {u"batch-size"_s, u"About this many bytes per RowData call (default 1000000)."_s,
         u"BYTES"_s},
        {u"signing-key"_s,
         u"The private key (PEM or RSA XML) that signs the tokens, playing "
         "SuperOffice (default: FILE.signing-key.pem, generated once)."_s,
         u"PEM"_s},
        {u"write-signing-cert"_s,
         u"Write a self-signed certificate of the signing key, for the "
         "endpoint to trust."_s,
         u"PATH"_s},
        {u"ca-cert"_s, u"Trust this PEM certificate for an https endpoint (self-signed)."_s,
         u"PEM"_s},
        {u"verify"_s, u"Afterwards compare the mirror with the source, row by row."_s},
        {u"mirror"_s, u"The endpoint's mirror file (Mirror_<ctx>.sqlite3)."_s, u"FILE"_s},
        {u"database"_s,
         u"Instead of --mirror: the database the endpoint keeps its mirrors in, as given to "
         "serve --database (postgresql://USER[:PASSWORD]@HOST[:PORT]/DB)."_s,
         u"SPEC"_s},
    });
    if (!parser.parse(args)) {
        printErr(u"mirrorscope simulate: %1\n"_s.arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        printOut(parser.helpText().replace(QFileInfo(args.value(0)).fileName(),
                                           u"mirrorscope simulate"_s));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printErr(u"mirrorscope simulate: unexpected argument \"%1\"\n"_s.arg(
            parser.positionalArguments().first()));
        return 2;
    }
    try {
        return run(parser);
    } catch (const Error &e) {
        printErr(u"mirrorscope simulate: %1\n"_s.arg(e.message()));
        return e.kind() == Error::Kind::Client ? 2 : 1;
    }
}

} // namespace ms
