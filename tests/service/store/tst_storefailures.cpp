// Failures of the storage itself are s:Server (PROTOCOL.md, errors), say what and where, and leave
// the mirror as it was. Here: another session holds a lock longer than the store waits for it (the
// busy timeout, PostgreSQL's lock_timeout), and the PostgreSQL server ends the store's connection
// in the middle of a call.

#include "storetestsupport.h"

#include "postgresrawconnection.h"

#include "service/store/backendfactory.h"
#include "service/store/databasetarget.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;
using namespace storetest;

class TestStoreFailures : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { STORETEST_INIT_BACKEND(); }
    void cleanupTestCase() { finishBackend(); }
    void lockedDatabaseIsAServerError();
    void connectionLostMidCallIsAServerError();
    void unreachableServerOrDatabaseIsAServerError_data();
    void unreachableServerOrDatabaseIsAServerError();
};

void TestStoreFailures::lockedDatabaseIsAServerError()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &other = f.db();
    const QString before = other.dump();
    // SQLite: the write lock of the file; PostgreSQL: a lock on the table (the store waits for
    // it as long as its lock_timeout).
    QVERIFY(other.exec(f.isPostgres() ? u"BEGIN; LOCK TABLE contact IN ACCESS EXCLUSIVE MODE"_s
                                      : u"BEGIN IMMEDIATE"_s));

    QElapsedTimer timer;
    timer.start();
    QString message;
    QCOMPARE(errorKindOf(
                 [&] {
                     sendRowData(
                         *f.store,
                         {batch(u"contact"_s, {u"contact_id"_s, u"name"_s},
                                {row(ms::RowOperation::Insert, vals({u"1"_s, u"a"_s}))}, 5)});
                 },
                 &message),
             std::optional(ms::Error::Kind::Server));
    // It waited for the lock (the busy timeout) before giving up, and says where and what.
    QVERIFY(timer.elapsed() >= 1000);
    // Where: the mirror file, or the tenant's schema on the server (as store->location() says);
    // what: the RowData call (SQLite), the table being written (PostgreSQL).
    if (f.isPostgres()) {
        QVERIFY2(message.contains(u"Mirror_"_s + f.tenant()) && message.contains(u"contact"_s),
                 qPrintable(message));
    } else {
        QVERIFY2(message.contains(f.mirrorFile(f.tenant())) && message.contains(u"RowData"_s),
                 qPrintable(message));
    }

    QVERIFY(other.exec(u"ROLLBACK"_s));
    QCOMPARE(other.dump(), before);
    // Once the lock is gone the store works again.
    sendRowData(*f.store, {batch(u"contact"_s, {u"contact_id"_s, u"name"_s},
                                 {row(ms::RowOperation::Insert, vals({u"1"_s, u"a"_s}))}, 5)});
    QCOMPARE(other.lsn(f.metadataTable(), u"contact"_s), 5);
}

void TestStoreFailures::connectionLostMidCallIsAServerError()
{
    if (backendUnderTest() != Backend::Postgres)
        QSKIP("PostgreSQL only: the server ends the store's connection (SQLite has none)");
    MirrorFixture f;
    const QStringList columns{u"contact_id"_s, u"name"_s};
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {batch(u"contact"_s, columns,
                                 {row(ms::RowOperation::Insert, vals({u"1"_s, u"a"_s}))}, 5)});
    RawConnection &db = f.db();
    const QString before = db.dump();

    auto transaction = f.store->beginRowData();
    transaction->beginBatch(u"contact"_s, columns);
    transaction->row(ms::RowOperation::Insert, {}, vals({u"2"_s, u"b"_s}));
    transaction->endBatch(6);
    // A restart or an administrator ends the store's connection in the middle of the call.
    const Rows ended = db.query(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                "AND state = 'idle in transaction'"_s);
    QCOMPARE(ended, (Rows{{Cell::ofInt(1)}}));
    QString message;
    QCOMPARE(errorKindOf([&] { transaction->commit(); }, &message),
             std::optional(ms::Error::Kind::Server));
    // Says where: the server.
    QVERIFY2(message.contains(PgServer::fromUrl(qEnvironmentVariable("MIRRORSCOPE_TEST_PG")).host),
             qPrintable(message));
    transaction.reset();
    QCOMPARE(db.dump(), before);

    // The next call works, on a new connection.
    sendRowData(*f.store, {batch(u"contact"_s, columns,
                                 {row(ms::RowOperation::Insert, vals({u"3"_s, u"c"_s}))}, 7)});
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 7);
    QCOMPARE(db.query(u"SELECT contact_id FROM contact ORDER BY contact_id"_s),
             (Rows{{Cell::ofInt(1)}, {Cell::ofInt(3)}}));
}

void TestStoreFailures::unreachableServerOrDatabaseIsAServerError_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("named"); // what the message must name
    if (backendUnderTest() != Backend::Postgres) {
        QTest::newRow("PostgreSQL only") << QString() << QString();
        return;
    }
    const PgServer server = PgServer::fromUrl(qEnvironmentVariable("MIRRORSCOPE_TEST_PG"));
    // Port 1 on loopback: nothing listens there.
    PgServer closed = server;
    closed.port = 1;
    QTest::newRow("nothing listens") << closed.url(server.database) << u"127.0.0.1:1"_s;
    QTest::newRow("no such database")
        << server.url(u"mirrorscope_no_such_database"_s) << u"mirrorscope_no_such_database"_s;
}

void TestStoreFailures::unreachableServerOrDatabaseIsAServerError()
{
    QFETCH(QString, url);
    QFETCH(QString, named);
    if (backendUnderTest() != Backend::Postgres)
        QSKIP("PostgreSQL only: a database server that cannot be reached (SQLite has a file)");
    // The backend is made without connecting; every use says what cannot be reached.
    const auto backend = ms::createMirrorBackend(ms::DatabaseTarget::parse(url, QString()));
    for (const auto &use : QList<std::function<void()>>{[&] { backend->open(u"Cust1"_s); },
                                                        [&] {
                                                            backend->tenants();
                                                        }}) {
        QString message;
        QCOMPARE(errorKindOf(use, &message), std::optional(ms::Error::Kind::Server));
        QVERIFY2(message.contains(named), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestStoreFailures)
#include "tst_storefailures.moc"
