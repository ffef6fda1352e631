#include "mirrorvariant.h"
#include "model/modelroles.h"
#include "model/queryresultmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using MirrorDir = modeltest::TestMirror;

namespace {

const QString Tenant = modeltest::testTenant(u"Cust1"_s);
const QString Endless = u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                        u"SELECT count(*) FROM c"_s;

} // namespace

class TstQueryResultModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void selectShowsColumnsRowsAndTime();
    void rowLimitTruncates();
    void errorsAreShownNotThrown();
    void writesAreRefused_data();
    void writesAreRefused();
    void cancelInterruptsALongQuery();
    void anUpdateIsRefusedWithAReadableMessage();

private:
    void runAndWait(QueryResultModel &model, const QString &sql, int limit = 1000);
    MirrorDir m_mirror;
};

void TstQueryResultModel::initTestCase()
{
    MS_REQUIRE_TEST_MIRRORS();
    m_mirror.createTables(Tenant, {modeltest::personSchema()});
    m_mirror.insertRows(
        Tenant, u"person"_s, {u"id"_s, u"name"_s, u"photo"_s}, 50, [](qint64 n) -> QVariantList {
            return {qlonglong(n + 1), n == 0 ? QVariant() : QVariant(u"p%1"_s.arg(n)),
                    QByteArray(3, char(n))};
        });
    QVERIFY(!QTest::currentTestFailed());
}

void TstQueryResultModel::runAndWait(QueryResultModel &model, const QString &sql, int limit)
{
    QSignalSpy finished(&model, &QueryResultModel::finished);
    model.run(Tenant, sql, limit);
    QVERIFY(model.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!model.isRunning());
}

void TstQueryResultModel::selectShowsColumnsRowsAndTime()
{
    QueryResultModel model(m_mirror.backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy running(&model, &QueryResultModel::runningChanged);
    runAndWait(model, u"SELECT id, name AS who, photo FROM person WHERE id <= 3 ORDER BY id"_s);
    QCOMPARE(running.size(), 2);
    QCOMPARE(model.error(), QString());
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"who"_s);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isTruncated());
    QVERIFY(model.elapsed().count() > 0);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"NULL"_s);
    QCOMPARE(model.data(model.index(0, 1), IsNullRole).toBool(), true);
    QCOMPARE(model.data(model.index(1, 1)).toString(), u"p1"_s);
    QCOMPARE(model.data(model.index(2, 0), RawValueRole).toLongLong(), 3);
    QCOMPARE(model.data(model.index(2, 2)).toString(), u"<3 bytes> 020202"_s);
}

void TstQueryResultModel::rowLimitTruncates()
{
    QueryResultModel model(m_mirror.backend);
    runAndWait(model, u"SELECT * FROM person"_s, 10);
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(model.isTruncated());
    runAndWait(model, u"SELECT * FROM person"_s);
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(!model.isTruncated());
}

void TstQueryResultModel::errorsAreShownNotThrown()
{
    QueryResultModel model(m_mirror.backend);
    runAndWait(model, u"SELECT * FROM person"_s);
    QCOMPARE(model.rowCount(), 50);
    runAndWait(model, u"SELEC nonsense"_s);
    QVERIFY(!model.error().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QSignalSpy finished(&model, &QueryResultModel::finished);
    model.run(u"Nobody"_s, u"SELECT 1"_s);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(model.error().contains(u"Nobody"_s));
    QVERIFY(!m_mirror.backend.exists(u"Nobody"_s));
}

void TstQueryResultModel::writesAreRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("delete") << u"DELETE FROM person"_s;
    QTest::newRow("update") << u"UPDATE person SET name = 'x'"_s;
    QTest::newRow("drop") << u"DROP TABLE person"_s;
    QTest::newRow("create") << u"CREATE TABLE t (x int)"_s;
    // Attempts to switch the guard off first.
#ifdef MS_TEST_POSTGRES
    QTest::newRow("session read write") << u"SET SESSION CHARACTERISTICS AS TRANSACTION READ "
                                           u"WRITE; DELETE FROM person"_s;
    QTest::newRow("transaction read write") << u"SET TRANSACTION READ WRITE; DELETE FROM person"_s;
    QTest::newRow("commit, then write") << u"COMMIT; DELETE FROM person"_s;
#else
    QTest::newRow("pragma off") << u"PRAGMA query_only=0; DELETE FROM person"_s;
#endif
}

void TstQueryResultModel::writesAreRefused()
{
    QFETCH(QString, sql);
    QueryResultModel model(m_mirror.backend);
    runAndWait(model, sql);
    runAndWait(model, u"SELECT count(*), count(name) FROM person"_s);
    QCOMPARE(model.error(), QString());
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"50"_s);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"49"_s);
#ifdef MS_TEST_POSTGRES
    runAndWait(model, u"SELECT count(*) FROM pg_tables WHERE tablename = 't'"_s);
#else
    runAndWait(model, u"SELECT count(*) FROM sqlite_master WHERE name = 't'"_s);
#endif
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"0"_s);
}

// On PostgreSQL the refusal is the server's own words, which say what happened.
void TstQueryResultModel::anUpdateIsRefusedWithAReadableMessage()
{
    QueryResultModel model(m_mirror.backend);
    runAndWait(model, u"UPDATE person SET name = 'x' WHERE id = 2"_s);
    const QString expected = modeltest::IsPostgres ? u"read-only transaction"_s : u"readonly"_s;
    QVERIFY2(model.error().contains(expected, Qt::CaseInsensitive), qPrintable(model.error()));
    runAndWait(model, u"SELECT name FROM person WHERE id = 2"_s);
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"p1"_s);
}

void TstQueryResultModel::cancelInterruptsALongQuery()
{
    QueryResultModel model(m_mirror.backend);
    QSignalSpy finished(&model, &QueryResultModel::finished);
    model.run(Tenant, Endless);
    QTest::qWait(200);
    QVERIFY(model.isRunning());
    model.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!model.isRunning());
    QVERIFY(!model.error().isEmpty());
    // The reader is free again: the next query answers at once.
    runAndWait(model, u"SELECT 42"_s);
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"42"_s);
    // A new run abandons the endless one the same way.
    model.run(Tenant, Endless);
    QTest::qWait(100);
    runAndWait(model, u"SELECT 7"_s);
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"7"_s);
}

QTEST_GUILESS_MAIN(TstQueryResultModel)
#include "tst_queryresultmodel.moc"
