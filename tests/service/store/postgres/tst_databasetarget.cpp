// --database SPEC: the embedded default, PostgreSQL and SQL Server URLs, bad specs refused with a
// readable ms::Error, and the password never in describe() nor in an error message.

#include "service/common/error.h"
#include "service/store/backendfactory.h"
#include "service/store/databasetarget.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using ms::DatabaseTarget;

class TestDatabaseTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyMeansSqliteInDataDir();
    void postgresUrl();
    void postgresDefaultsAndEncoding();
    void postgresOptions();
    void sqlServerUrl();
    void badSpecs_data();
    void badSpecs();
    void passwordNeverShown();
    void factoryGivesSqliteBackend();
};

void TestDatabaseTarget::emptyMeansSqliteInDataDir()
{
    for (const QString &spec : {QString(), u""_s, u"   "_s}) {
        const DatabaseTarget target = DatabaseTarget::parse(spec, u"/data/dir"_s);
        QCOMPARE(target.kind, DatabaseTarget::Kind::Sqlite);
        QCOMPARE(target.dataDir, u"/data/dir"_s);
        QCOMPARE(target.describe(), u"SQLite files in /data/dir"_s);
    }
}

void TestDatabaseTarget::postgresUrl()
{
    const DatabaseTarget target =
        DatabaseTarget::parse(u"postgresql://mirror:s3cret@db.example:55440/reports"_s, u"/d"_s);
    QCOMPARE(target.kind, DatabaseTarget::Kind::Postgres);
    QCOMPARE(target.host, u"db.example"_s);
    QCOMPARE(target.port, 55440);
    QCOMPARE(target.user, u"mirror"_s);
    QCOMPARE(target.password, u"s3cret"_s);
    QCOMPARE(target.database, u"reports"_s);
    QVERIFY(target.connectOptions.isEmpty());
    QCOMPARE(target.describe(), u"PostgreSQL database reports on db.example:55440 as mirror"_s);
}

void TestDatabaseTarget::postgresDefaultsAndEncoding()
{
    const DatabaseTarget target =
        DatabaseTarget::parse(u"postgres://ann%40corp:p%3Ass%2Fw@127.0.0.1/My%20Db"_s, {});
    QCOMPARE(target.kind, DatabaseTarget::Kind::Postgres);
    QCOMPARE(target.port, 5432);
    QCOMPARE(target.user, u"ann@corp"_s);
    QCOMPARE(target.password, u"p:ss/w"_s);
    QCOMPARE(target.database, u"My Db"_s);
    const DatabaseTarget noPassword =
        DatabaseTarget::parse(u"postgresql://mirrorscope@127.0.0.1:5432/postgres"_s, {});
    QVERIFY(noPassword.password.isEmpty()); // libpq's PGPASSWORD / ~/.pgpass then apply
}

void TestDatabaseTarget::postgresOptions()
{
    const DatabaseTarget target =
        DatabaseTarget::parse(u"postgresql://u@h/db?sslmode=require&connect_timeout=5"_s, {});
    QCOMPARE(target.connectOptions, u"sslmode=require;connect_timeout=5"_s);
}

void TestDatabaseTarget::sqlServerUrl()
{
    const DatabaseTarget target = DatabaseTarget::parse(u"mssql://sa:pw@sql.example/"_s, {});
    QCOMPARE(target.kind, DatabaseTarget::Kind::SqlServer);
    QCOMPARE(target.port, 1433);
    QCOMPARE(target.user, u"sa"_s);
    QVERIFY(target.database.isEmpty());
    QCOMPARE(target.describe(), u"SQL Server on sql.example:1433 as sa"_s);
    QCOMPARE(DatabaseTarget::parse(u"mssql://sa@sql.example:1500"_s, {}).port, 1500);
}

void TestDatabaseTarget::badSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not a url") << u"just words"_s << u"not a database URL"_s;
    QTest::newRow("unknown scheme") << u"mysql://u@h/db"_s << u"unknown scheme 'mysql'"_s;
    QTest::newRow("no host") << u"postgresql://u@/db"_s << u"host name is missing"_s;
    QTest::newRow("no user") << u"postgresql://h/db"_s << u"user name is missing"_s;
    QTest::newRow("no database") << u"postgresql://u@h:5432"_s << u"database name is missing"_s;
    QTest::newRow("slash only") << u"postgresql://u@h/"_s << u"database name is missing"_s;
    QTest::newRow("nested path") << u"postgresql://u@h/a/b"_s << u"'a/b' is not a database name"_s;
    QTest::newRow("bad port") << u"postgresql://u@h:99999/db"_s << u"not a database URL"_s;
    QTest::newRow("unknown option")
        << u"postgresql://u@h/db?sslmod=require"_s << u"unknown option 'sslmod'"_s;
    QTest::newRow("option injection") << u"postgresql://u@h/db?sslmode=require%3Bhost%3Dx"_s
                                      << u"without spaces, quotes or ';'"_s;
    QTest::newRow("fragment") << u"postgresql://u@h/db#x"_s << u"fragment"_s;
    QTest::newRow("mssql database") << u"mssql://u@h/Mirror_x"_s << u"one database per tenant"_s;
}

void TestDatabaseTarget::badSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, reason);
    try {
        DatabaseTarget::parse(spec, u"/d"_s);
        QFAIL("accepted");
    } catch (const ms::Error &e) {
        QCOMPARE(e.kind(), ms::Error::Kind::Client);
        QVERIFY2(e.message().startsWith(u"--database "_s), qPrintable(e.message()));
        QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
    }
}

void TestDatabaseTarget::passwordNeverShown()
{
    const QString password = u"Hunter2xyz"_s;
    const DatabaseTarget target =
        DatabaseTarget::parse(u"postgresql://u:%1@h/db"_s.arg(password), {});
    QVERIFY(!target.describe().contains(password));
    for (const QString &bad : {u"postgresql://u:%1@h/db?bogus=1"_s, u"postgresql://u:%1@/db"_s,
                               u"postgresql://u:%1@h:x/db"_s, u"weird://u:%1@h/db"_s}) {
        try {
            DatabaseTarget::parse(bad.arg(password), {});
            QFAIL(qPrintable(bad));
        } catch (const ms::Error &e) {
            QVERIFY2(!e.message().contains(password), qPrintable(e.message()));
        }
    }
}

void TestDatabaseTarget::factoryGivesSqliteBackend()
{
    QTemporaryDir dir;
    const auto backend = ms::createMirrorBackend(DatabaseTarget::parse({}, dir.path()));
    QVERIFY(dynamic_cast<ms::SqliteMirrorBackend *>(backend.get()));
    const ms::ReadAccess access = backend->readAccess(u"Cust1"_s);
    QCOMPARE(access.driver, u"QSQLITE"_s);
    QCOMPARE(access.databaseName, dir.filePath(u"Mirror_Cust1.sqlite3"_s));
    QVERIFY(access.schema.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabaseTarget)
#include "tst_databasetarget.moc"
