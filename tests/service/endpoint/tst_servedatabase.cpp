// `mirrorscope serve --database SPEC` and the admin commands' --database: a PostgreSQL target
// mirrors a whole cycle into the tenant's schema and the admin commands act on it; an
// unreachable database does not stop serve, and every call that needs the mirror gets an
// s:Server fault saying the database cannot be reached, while serving goes on.

#include "servetestsupport.h"

#include "service/soap/soaprequestwriter.h"
#include "service/soap/soapresponsereader.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

namespace {

QString testPg()
{
    return qEnvironmentVariable("MIRRORSCOPE_TEST_PG");
}

/// Runs `mirrorscope <arguments>`; returns the exit code, output in *out.
int runMirrorscope(const QStringList &arguments, QString *out)
{
    QProcess process;
    process.setProgram(QStringLiteral(MIRRORSCOPE_BINARY));
    process.setArguments(arguments);
    process.start();
    if (!process.waitForFinished(60000))
        return -1;
    *out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitCode();
}

/// (rows in contact, its LSN) in the tenant's PostgreSQL schema; -2 where unreadable.
std::pair<qint64, qint64> pgMirror(const QString &tenant)
{
    std::pair<qint64, qint64> state{-2, -2};
    {
        const QUrl url(testPg());
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"check"_s);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT count(*) FROM \"Mirror_%1\".contact"_s.arg(tenant)) && q.next())
                state.first = q.value(0).toLongLong();
            if (q.exec(
                    u"SELECT lsn FROM \"Mirror_%1\".%2_mirroring WHERE tablename = 'contact'"_s.arg(
                        tenant, tenant.toLower())) &&
                q.next())
                state.second = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    return state;
}

} // namespace

class TestServeDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unreachableDatabaseGivesServerFaults()
    {
        QTemporaryDir dir;
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        ServeProcess serve(dir.path(),
                           {u"--database"_s, u"postgresql://mirror:topsecret@127.0.0.1:1/db"_s});
        QVERIFY2(serve.port() != 0, qPrintable(serve.line()));
        QVERIFY(serve.line().startsWith(u"listening on http://127.0.0.1:"_s));

        const QString t = token(u"CustDown"_s);
        const QList<std::pair<QByteArray, QByteArray>> calls = {
            {"TableSchema", ms::writeTableSchemaRequest(t, {u"c"_s, {contactSchema()}})},
            {"Wipe", ms::writeWipeRequest(t, {u"c"_s, u"contact"_s})},
            {"RowData",
             ms::writeRowDataRequest(t, {u"c"_s, {contactBatch(1, 3, std::optional<qint64>(3))}})},
        };
        for (int round = 0; round < 2; ++round) { // and again: serving goes on
            for (const auto &[operation, body] : calls) {
                const RawResponse response = rawExchange(serve.port(), soapPost(body, operation));
                QCOMPARE(response.status, 500);
                QVERIFY2(response.body.contains("s:Server"), response.body.constData());
                QVERIFY2(response.body.contains("cannot reach PostgreSQL at 127.0.0.1:1"),
                         response.body.constData());
                QVERIFY2(!response.body.contains("topsecret"), response.body.constData());
            }
        }
        const auto page = rawExchange(serve.port(), "GET /MirroringClientService.svc HTTP/1.1\r\n"
                                                    "Host: x\r\n\r\n");
        QCOMPARE(page.status, 200);
        QCOMPARE(serve.process().state(), QProcess::Running);
    }

    void badDatabaseSpecStopsServeWithTheReason()
    {
        QTemporaryDir dir;
        QString out;
        const int code = runMirrorscope({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                                         u"--data-dir"_s, dir.path(), u"--app-id"_s, kAppId,
                                         u"--superoffice-cert"_s, fixture(u"DevNet.crt"_s),
                                         u"--app-key"_s, fixture(u"app-private-key.xml"_s),
                                         u"--database"_s, u"mysql://u@h/db"_s},
                                        &out);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains(u"unknown scheme 'mysql'"_s), qPrintable(out));
    }

    void serveAndAdminCommandsOnPostgres()
    {
        if (testPg().isEmpty()) {
            if (qEnvironmentVariable("MIRRORSCOPE_REQUIRE_PG") == u"1")
                QFAIL("MIRRORSCOPE_REQUIRE_PG=1 but MIRRORSCOPE_TEST_PG is not set");
            QSKIP("MIRRORSCOPE_TEST_PG is not set (scripts/test.sh starts a PostgreSQL server)");
        }
        const QString tenant =
            u"T%1"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        QTemporaryDir dir;
        {
            ServeProcess serve(dir.path(), {u"--database"_s, testPg()});
            QVERIFY2(serve.port() != 0, qPrintable(serve.line()));
            const QString t = token(tenant);
            auto schema = rawExchange(
                serve.port(), soapPost(ms::writeTableSchemaRequest(t, {u"c"_s, {contactSchema()}}),
                                       "TableSchema"));
            QCOMPARE(schema.status, 200);
            for (int first = 1; first <= 1500; first += 500) {
                const bool last = first + 500 > 1500;
                auto data = rawExchange(
                    serve.port(),
                    soapPost(
                        ms::writeRowDataRequest(
                            t, {u"c"_s,
                                {contactBatch(first, 500,
                                              last ? std::optional<qint64>(1500) : std::nullopt)}}),
                        "RowData"));
                QVERIFY2(data.status == 200, data.body.constData());
            }
            QCOMPARE(pgMirror(tenant), std::make_pair(qint64(1500), qint64(1500)));
            // No SQLite file was made: the mirror is on the server.
            QVERIFY(!QFile::exists(dir.filePath(u"Mirror_%1.sqlite3"_s.arg(tenant))));
        }
        QString out;
        QCOMPARE(runMirrorscope({u"invalidate"_s, u"--data-dir"_s, dir.path(), u"--database"_s,
                                 testPg(), u"--tenant"_s, tenant},
                                &out),
                 0);
        QCOMPARE(pgMirror(tenant), std::make_pair(qint64(0), qint64(-1)));
        QCOMPARE(runMirrorscope({u"delete"_s, u"--data-dir"_s, dir.path(), u"--database"_s,
                                 testPg(), u"--tenant"_s, tenant},
                                &out),
                 0);
        QCOMPARE(pgMirror(tenant).first, -2); // the schema is gone
    }
};

QTEST_GUILESS_MAIN(TestServeDatabase)
#include "tst_servedatabase.moc"
