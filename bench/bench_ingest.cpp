// Ingest speed on the same rows, side by side (issue #8): (a) raw sqlite3, (b) the mirror store,
// (c) the simulator over loopback HTTP into `mirrorscope serve`.

#include "benchdata.h"
#include "benchendpoint.h"
#include "rawinsert.h"
#include "storeingest.h"

#include "service/common/error.h"
#include "service/simulator/mirroringtask.h"
#include "service/simulator/sourcedatabase.h"
#include "service/store/backendfactory.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using namespace ms::bench;

namespace {

constexpr auto Tenant = "Bench";

Measurement measureEndToEnd(const QString &binary, const QString &sourcePath,
                            const QString &dataDir, qint64 payloadBytes, qint64 batchSize,
                            qint64 *wireBytes)
{
    BenchEndpoint endpoint(binary, dataDir);
    MirroringTaskOptions options;
    options.url = endpoint.url();
    options.tenant = QString::fromLatin1(Tenant);
    options.applicationId = QString::fromLatin1(BenchEndpoint::ApplicationId);
    options.applicationPublicKey = endpoint.applicationKey().publicKey();
    options.signingKey = endpoint.signingKey();
    options.batchSize = batchSize;
    MirroringTask task(options);
    SourceDatabase source(sourcePath);
    const CycleResult result = task.runCycle(source);
    if (result.failed())
        throw serverError(u"The end-to-end cycle failed: %1"_s.arg(result.error));
    *wireBytes = result.bytesSent;
    Measurement m;
    m.name = u"(c) simulate -> serve"_s;
    m.rows = result.rowsSent;
    m.bytes = payloadBytes;
    m.seconds = result.seconds;
    return m;
}

void print(const Measurement &m, const Measurement &raw)
{
    std::printf("%-24s %9lld rows %8.3f s %11.0f rows/s %8.1f MB/s   ratio to (a) %.2f\n",
                qPrintable(m.name), static_cast<long long>(m.rows), m.seconds, m.rowsPerSecond(),
                m.megabytesPerSecond(),
                raw.rowsPerSecond() > 0 ? m.rowsPerSecond() / raw.rowsPerSecond() : 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Mirror ingest speed: raw SQLite, the store, end to end."_s);
    parser.addHelpOption();
    QCommandLineOption rowsOption(u"rows"_s, u"Rows of the demo tenant (default 300000)."_s, u"N"_s,
                                  u"300000"_s);
    QCommandLineOption batchOption(u"batch-size"_s, u"Bytes per RowData call (default 1000000)."_s,
                                   u"BYTES"_s, u"1000000"_s);
    QCommandLineOption binaryOption(u"binary"_s, u"The mirrorscope executable."_s, u"PATH"_s,
                                    QStringLiteral(MIRRORSCOPE_BINARY));
    QCommandLineOption databaseOption(
        u"database"_s,
        u"Also measure (b) on this server, e.g. postgresql://USER@HOST:PORT/DB (a throw-away "
        "tenant, deleted afterwards)."_s,
        u"SPEC"_s);
    parser.addOptions({rowsOption, batchOption, binaryOption, databaseOption});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();
    const qint64 batchSize = parser.value(batchOption).toLongLong();

    try {
        QTemporaryDir work;
        const QString sourcePath = work.filePath(u"source.sqlite3"_s);
        QElapsedTimer prep;
        prep.start();
        const BenchData data = loadDemoTenant(sourcePath, rows);
        std::printf("demo tenant: %d tables, %lld rows, %lld values, %.1f MB of values (prepared "
                    "in %.1f s)\n",
                    int(data.tables.size()), static_cast<long long>(data.rowCount()),
                    static_cast<long long>(data.valueCount()), data.payloadBytes() / 1e6,
                    prep.elapsed() / 1000.0);

        // The mirror DDL as the store writes it, for (a).
        const QString ddlDir = work.filePath(u"ddl"_s);
        QDir().mkpath(ddlDir);
        {
            SqliteMirrorBackend backend(ddlDir);
            QList<TableSchema> schemas;
            for (const auto &t : data.tables)
                schemas.append(t.schema);
            backend.open(QString::fromLatin1(Tenant))->applySchema(schemas);
        }
        const QString ddlSource =
            SqliteMirrorBackend(ddlDir).mirrorPath(QString::fromLatin1(Tenant));

        const Measurement raw = measureRawInsert(data, ddlSource, work.filePath(u"raw.sqlite3"_s));
        print(raw, raw);
        const QString storeDir = work.filePath(u"store"_s);
        QDir().mkpath(storeDir);
        SqliteMirrorBackend storeBackend(storeDir);
        const Measurement store = measureStoreIngest(
            data, storeBackend, QString::fromLatin1(Tenant), batchSize, u"(b) mirror store"_s);
        print(store, raw);
        if (parser.isSet(databaseOption)) {
            const DatabaseTarget target = DatabaseTarget::parse(parser.value(databaseOption), {});
            const auto server = createMirrorBackend(target);
            const QString tenant =
                u"Bench%1"_s.arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
            const Measurement onServer =
                measureStoreIngest(data, *server, tenant, batchSize, u"(b) store on server"_s);
            server->deleteTenant(tenant);
            print(onServer, raw);
            std::printf("(b) on server: %s\n", qPrintable(target.describe()));
        }
        const QString serveDir = work.filePath(u"serve"_s);
        QDir().mkpath(serveDir);
        qint64 wireBytes = 0;
        const Measurement e2e = measureEndToEnd(parser.value(binaryOption), sourcePath, serveDir,
                                                data.payloadBytes(), batchSize, &wireBytes);
        print(e2e, raw);
        std::printf("(c) on the wire: %.1f MB of RowData XML, %.1f MB/s\n", wireBytes / 1e6,
                    e2e.seconds > 0 ? wireBytes / e2e.seconds / 1e6 : 0.0);
        std::printf("ratio b/a = %.2f\nratio c/a = %.2f (target >= 0.70)\n",
                    store.rowsPerSecond() / raw.rowsPerSecond(),
                    e2e.rowsPerSecond() / raw.rowsPerSecond());
        std::fflush(stdout);
        return 0;
    } catch (const ms::Error &e) {
        std::fprintf(stderr, "bench_ingest: %s\n", qPrintable(e.message()));
        return 1;
    }
}
