// Failures of the storage itself are s:Server (PROTOCOL.md, errors), say what and where, and leave
// the mirror as it was. Here: another process holds the write lock longer than the busy timeout.

#include "storetestsupport.h"

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
};

void TestStoreFailures::lockedDatabaseIsAServerError()
{
    STORETEST_SQLITE_ONLY("SQLite's write lock and busy timeout");
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &other = f.db();
    const QString before = other.dump();
    QVERIFY(other.exec(u"BEGIN IMMEDIATE"_s));

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
    QVERIFY2(message.contains(f.mirrorFile(f.tenant())) && message.contains(u"RowData"_s),
             qPrintable(message));

    QVERIFY(other.exec(u"ROLLBACK"_s));
    QCOMPARE(other.dump(), before);
    // Once the lock is gone the store works again.
    sendRowData(*f.store, {batch(u"contact"_s, {u"contact_id"_s, u"name"_s},
                                 {row(ms::RowOperation::Insert, vals({u"1"_s, u"a"_s}))}, 5)});
    QCOMPARE(other.lsn(f.metadataTable(), u"contact"_s), 5);
}

QTEST_GUILESS_MAIN(TestStoreFailures)
#include "tst_storefailures.moc"
