// Peak resident memory of `mirrorscope serve` while it ingests about 1 GB of RowData calls
// (issue #8 target: <= 150 MB).

#include "benchendpoint.h"

#include "service/auth/tokenminter.h"
#include "service/common/error.h"
#include "service/simulator/soaptransport.h"
#include "service/soap/rowdatarequestwriter.h"
#include "service/soap/soaprequestwriter.h"
#include "service/soap/soapresponsereader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using namespace ms::bench;

namespace {

TableSchema ingestTable()
{
    TableSchema t;
    t.tableName = u"ingest"_s;
    t.columns = {
        {u"ingest_id"_s, u"bigint"_s, false, {}},       {u"name"_s, u"nvarchar(200)"_s, false, {}},
        {u"note"_s, u"nvarchar(max)"_s, true, {}},      {u"amount"_s, u"decimal(18,4)"_s, true, {}},
        {u"registered"_s, u"datetime2(7)"_s, true, {}}, {u"flags"_s, u"int"_s, true, {}}};
    t.primaryKey = {u"ingest_id"_s};
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption megabytesOption(u"megabytes"_s, u"RowData to send, in MB (default 1000)."_s,
                                       u"MB"_s, u"1000"_s);
    QCommandLineOption binaryOption(u"binary"_s, u"The mirrorscope executable."_s, u"PATH"_s,
                                    QStringLiteral(MIRRORSCOPE_BINARY));
    parser.addOptions({megabytesOption, binaryOption});
    parser.process(app);
    const qint64 target = parser.value(megabytesOption).toLongLong() * 1'000'000;

    try {
        QTemporaryDir dataDir;
        BenchEndpoint endpoint(parser.value(binaryOption), dataDir.path());
        SoapTransport transport(endpoint.url(), {});
        TokenMintOptions mint;
        mint.tenant = u"MemBench"_s;
        mint.applicationId = QString::fromLatin1(BenchEndpoint::ApplicationId);
        const auto token = [&] {
            return QString::fromLatin1(mintToken(endpoint.signingKey(), mint));
        };

        const TableSchema table = ingestTable();
        readTableSchemaResponse(transport.post(
            SoapOperation::TableSchema, writeTableSchemaRequest(token(), {QString(), {table}})));
        QStringList columns;
        for (const auto &c : table.columns)
            columns.append(c.name);

        const qint64 idleKiB = endpoint.peakResidentKiB();
        QElapsedTimer clock;
        clock.start();
        qint64 sent = 0, id = 0, calls = 0;
        const QString filler = u"Ærlig talt, Grüße & <tags> \"quoted\" "_s.repeated(4);
        while (sent < target) {
            RowDataRequestWriter writer(token(), QString());
            writer.beginBatch(table.tableName, columns);
            while (writer.size() < 1'000'000) {
                ++id;
                writer.row(RowOperation::Insert, id,
                           {{QString::number(id), false},
                            {u"Customer %1"_s.arg(id), false},
                            {filler, false},
                            {u"%1.2500"_s.arg(id % 100000), false},
                            {u"2024-01-31T13:45:00.1234567"_s, false},
                            {QString(), true}});
            }
            writer.endBatch(id);
            const QByteArray body = writer.finish();
            sent += body.size();
            readRowDataResponse(transport.post(SoapOperation::RowData, body));
            ++calls;
        }
        const double seconds = clock.elapsed() / 1000.0;
        const qint64 peakKiB = endpoint.peakResidentKiB();
        std::printf(
            "serve ingested %.0f MB in %lld RowData calls (%lld rows) in %.1f s (%.1f MB/s)\n",
            sent / 1e6, static_cast<long long>(calls), static_cast<long long>(id), seconds,
            seconds > 0 ? sent / seconds / 1e6 : 0.0);
        std::printf(
            "serve peak resident memory: %.1f MB (idle before ingest %.1f MB; target <= 150 MB)\n",
            peakKiB / 1024.0, idleKiB / 1024.0);
        return 0;
    } catch (const ms::Error &e) {
        std::fprintf(stderr, "bench_memory: %s\n", qPrintable(e.message()));
        return 1;
    }
}
