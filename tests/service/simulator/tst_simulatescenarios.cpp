// Every scenario of `mirrorscope simulate` against the real `mirrorscope serve`, each verified
// row by row against the source afterwards. Runs as tst_simulatescenarios with serve's SQLite
// files and as tst_simulatescenarios_postgres with serve --database on a database of its own on
// MIRRORSCOPE_TEST_PG (MIRRORSCOPE_STORE_BACKEND=postgres; see
// tests/service/store/mirrorfixture.h).

#include "mirrorfixture.h"

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kAppId = u"123123123123123123"_s;
const QString kTenant = u"Cust5150"_s;

bool onPostgres()
{
    return storetest::backendUnderTest() == storetest::Backend::Postgres;
}

#define SQLITE_RUN_ONLY()                                                                          \
    do {                                                                                           \
        if (onPostgres())                                                                          \
            QSKIP("the SQLite run covers this; the PostgreSQL run is about the scenarios");        \
    } while (false)

QString fixture(const QString &name)
{
    return QStringLiteral(MIRRORSCOPE_FIXTURES_DIR) + u'/' + name;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run mirrorscope(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.start(QStringLiteral(MIRRORSCOPE_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = u"timed out"_s;
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// `mirrorscope serve` on a free port; stopped on destruction.
class Serve
{
public:
    Serve(const QString &dataDir, const QString &superOfficeCert, const QStringList &extra = {})
    {
        m_process.start(QStringLiteral(MIRRORSCOPE_BINARY),
                        QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s,
                                    dataDir, u"--app-id"_s, kAppId, u"--superoffice-cert"_s,
                                    superOfficeCert, u"--app-key"_s,
                                    fixture(u"app-private-key.xml"_s)} +
                            extra);
        if (!m_process.waitForStarted(10000))
            return;
        while (!m_process.canReadLine() && m_process.waitForReadyRead(30000)) {
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (line.startsWith(u"listening on "_s))
            m_url = line.section(u' ', 2);
    }
    ~Serve()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
    }
    QString url() const { return m_url; }

private:
    QProcess m_process;
    QString m_url;
};

// QTest cuts a failure message at about 1,000 characters: the end of the output is what says why
// (the scenario's verdict, the differences, the verify line).
QString lastLines(const QString &text, int count = 8)
{
    return text.section(u'\n', -count - 1);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}
} // namespace

class TestSimulateScenarios : public QObject
{
    Q_OBJECT

    QStringList simulateArgs(const QString &url, const QString &dir,
                             const QString &tenant = kTenant) const
    {
        const QStringList mirror =
            onPostgres()
                ? QStringList{u"--database"_s, storetest::testDatabaseUrl()}
                : QStringList{u"--mirror"_s, dir + u"/data/Mirror_"_s + tenant + u".sqlite3"_s};
        return QStringList{u"simulate"_s,
                           u"--url"_s,
                           url,
                           u"--tenant"_s,
                           tenant,
                           u"--app-id"_s,
                           kAppId,
                           u"--app-public-key"_s,
                           fixture(u"app-public-key.xml"_s),
                           u"--source"_s,
                           dir + u"/source.db"_s,
                           u"--verify"_s} +
               mirror;
    }

    /// serve's arguments beyond the common ones: on PostgreSQL, the test's database.
    QStringList serveDatabase() const
    {
        return onPostgres() ? QStringList{u"--database"_s, storetest::testDatabaseUrl()}
                            : QStringList{};
    }

private Q_SLOTS:
    void initTestCase() { STORETEST_INIT_BACKEND(); }
    void cleanupTestCase() { storetest::finishBackend(); }

    void scenario_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"new-customer", "mirror-restored", "online-restored",
                                 "write-fails", "endpoint-down", "schema-change"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void scenario()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // On PostgreSQL every scenario starts a new customer in the one database.
        const QString tenant =
            onPostgres() ? u"Cust%1"_s.arg(QRandomGenerator::global()->bounded(1000000)) : kTenant;
        Serve serve(dir.filePath(u"data"_s), fixture(u"DevNet.crt"_s), serveDatabase());
        QVERIFY(!serve.url().isEmpty());
        // Small batches, so that tables span several RowData calls.
        const Run run =
            mirrorscope(simulateArgs(serve.url(), dir.path(), tenant) +
                        QStringList{u"--create-demo"_s, u"--rows"_s, u"300"_s, u"--scenario"_s,
                                    name, u"--mutate"_s, u"40"_s, u"--batch-size"_s, u"20000"_s,
                                    u"--signing-key"_s, fixture(u"DevNet.key"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(lastLines(run.out) + lastLines(run.err, 5)));
        QVERIFY2(run.out.contains(u"scenario %1: passed"_s.arg(name)),
                 qPrintable(lastLines(run.out)));
        // Tables and rows compared: a verifier that read nothing must not pass.
        static const QRegularExpression verified(
            u"verify: (\\d+) tables, (\\d+) rows compared, 0 differences"_s);
        const QRegularExpressionMatch match = verified.match(run.out);
        QVERIFY2(match.hasMatch(), qPrintable(lastLines(run.out)));
        QVERIFY2(match.captured(1).toInt() >= 20 && match.captured(2).toInt() > 250,
                 qPrintable(match.captured(0)));
        QVERIFY(run.err.contains(u"MB/s"_s)); // progress on stderr
        qInfo().noquote() << match.captured(0);
    }

    void defaultSigningKeyAndHttps()
    {
        SQLITE_RUN_ONLY();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(u"superoffice.crt"_s);
        // No endpoint yet: the cycle fails, but the source, key and certificate are written.
        const Run prepare = mirrorscope(
            simulateArgs(u"http://127.0.0.1:1/MirroringClientService.svc"_s, dir.path()) +
            QStringList{u"--create-demo"_s, u"--rows"_s, u"120"_s, u"--write-signing-cert"_s,
                        cert});
        QCOMPARE(prepare.exitCode, 1);
        QVERIFY2(prepare.out.contains(u"cannot reach"_s), qPrintable(prepare.out + prepare.err));
        QVERIFY(QFile::exists(cert));

        const ms::RsaPrivateKey tlsKey = ms::RsaPrivateKey::generate(2048);
        const ms::Certificate tlsCert = ms::Certificate::createSelfSigned(
            tlsKey, u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s}, 2);
        QVERIFY(writeFile(dir.filePath(u"tls.crt"_s), tlsCert.toPem()));
        QVERIFY(writeFile(dir.filePath(u"tls.key"_s), tlsKey.toPem()));
        Serve serve(dir.filePath(u"data"_s), cert,
                    {u"--tls-cert"_s, dir.filePath(u"tls.crt"_s), u"--tls-key"_s,
                     dir.filePath(u"tls.key"_s)});
        QVERIFY2(serve.url().startsWith(u"https://"_s), qPrintable(serve.url()));

        const QStringList args = simulateArgs(serve.url(), dir.path());
        Run run = mirrorscope(args);
        QCOMPARE(run.exitCode, 1); // the self-signed endpoint is not trusted without --ca-cert
        run = mirrorscope(args + QStringList{u"--ca-cert"_s, dir.filePath(u"tls.crt"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"cycle completed: 21 tables, "_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u", 0 differences"_s), qPrintable(run.out));
    }

    void pausedTenantIsSkipped()
    {
        SQLITE_RUN_ONLY();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(u"data"_s);
        {
            Serve serve(data, fixture(u"DevNet.crt"_s));
            const Run first =
                mirrorscope(simulateArgs(serve.url(), dir.path()) +
                            QStringList{u"--create-demo"_s, u"--rows"_s, u"100"_s,
                                        u"--signing-key"_s, fixture(u"DevNet.key"_s)});
            QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        }
        const Run pause = mirrorscope({u"pause"_s, u"--data-dir"_s, data, u"--tenant"_s, kTenant});
        QVERIFY2(pause.exitCode == 0, qPrintable(pause.err));
        Serve serve(data, fixture(u"DevNet.crt"_s));
        QStringList args = simulateArgs(serve.url(), dir.path());
        args = args.mid(0, args.indexOf(u"--verify"_s));
        const Run run = mirrorscope(args + QStringList{u"--mutate"_s, u"10"_s, u"--signing-key"_s,
                                                       fixture(u"DevNet.key"_s)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"doNotReplicate"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"0 rows, 1 calls"_s), qPrintable(run.out));
    }
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList base = {u"simulate"_s,
                                  u"--tenant"_s,
                                  kTenant,
                                  u"--app-id"_s,
                                  kAppId,
                                  u"--app-public-key"_s,
                                  fixture(u"app-public-key.xml"_s),
                                  u"--source"_s,
                                  u"/nonexistent/source.db"_s};
        const QString url = u"http://127.0.0.1:1/MirroringClientService.svc"_s;
        QTest::newRow("no url") << base << u"--url is required"_s;
        QTest::newRow("verify without mirror")
            << base + QStringList{u"--url"_s, url, u"--verify"_s} << u"--verify needs --mirror"_s;
        QTest::newRow("unknown scenario")
            << base + QStringList{u"--url"_s, url, u"--scenario"_s, u"nope"_s}
            << u"Unknown --scenario"_s;
        QTest::newRow("scenario needs mirror")
            << base + QStringList{u"--url"_s, url, u"--scenario"_s, u"write-fails"_s}
            << u"needs --mirror"_s;
        QTest::newRow("mirror twice") << base + QStringList{u"--url"_s,
                                                            url,
                                                            u"--verify"_s,
                                                            u"--mirror"_s,
                                                            u"m.sqlite3"_s,
                                                            u"--database"_s,
                                                            u"postgresql://u@127.0.0.1/db"_s}
                                      << u"give one of them"_s;
        QTest::newRow("database not a server")
            << base + QStringList{u"--url"_s, url, u"--verify"_s, u"--database"_s, u" "_s}
            << u"--database wants a server URL"_s;
        QTest::newRow("database on SQL Server")
            << base + QStringList{u"--url"_s, url, u"--verify"_s, u"--database"_s,
                                  u"mssql://sa@127.0.0.1/"_s}
            << u"SQLite and PostgreSQL mirrors only"_s;
        QTest::newRow("database not a URL")
            << base + QStringList{u"--url"_s, url, u"--verify"_s, u"--database"_s, u"nope"_s}
            << u"not a database URL"_s;
        QTest::newRow("no source")
            << base + QStringList{u"--url"_s, url} << u"--create-demo makes one"_s;
        QTest::newRow("bad tenant")
            << QStringList{u"simulate"_s, u"--url"_s,    url,    u"--tenant"_s,
                           u"1bad"_s,     u"--app-id"_s, kAppId, u"--app-public-key"_s,
                           u"x"_s,        u"--source"_s, u"y"_s}
            << u"not a valid context id"_s;
    }

    void usageErrors()
    {
        SQLITE_RUN_ONLY();
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run run = mirrorscope(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestSimulateScenarios)
#include "tst_simulatescenarios.moc"
