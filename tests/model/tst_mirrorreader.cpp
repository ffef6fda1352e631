#include "mirrorvariant.h"
#include "model/mirrorreader.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using MirrorDir = modeltest::TestMirror;

namespace {

const QString Tenant = modeltest::testTenant(u"Cust1"_s);
constexpr qint64 Rows = 95;

PageQuery personQuery()
{
    PageQuery query;
    query.tenant = Tenant;
    query.table = u"person"_s;
    query.columns = {u"id"_s, u"name"_s};
    query.keyColumns = {u"id"_s};
    return query;
}

QList<qlonglong> ids(const RowPage &page)
{
    QList<qlonglong> out;
    for (const QVariantList &row : page.rows)
        out.append(row.first().toLongLong());
    return out;
}

QList<qlonglong> range(qlonglong first, qlonglong last)
{
    QList<qlonglong> out;
    for (qlonglong id = first; id <= last; ++id)
        out.append(id);
    return out;
}

} // namespace

class TstMirrorReader final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pagesFollowTheKey();
    void boundariesStartPagesAnywhere();
    void countHonoursFilters();
    void staleRequestsAreSkippedAndInterrupted();
    void invalidNamesAreRefused_data();
    void invalidNamesAreRefused();
    void listsTablesWithCounts();
    void deletedAndRemadeMirrorIsReadAfresh();
    void cellsLookTheSameOnEveryTarget();

private:
    RowPage page(MirrorReader &reader, quint64 generation, const PageQuery &query,
                 const PageStart &start, int limit, qint64 firstRow = 0);
    MirrorDir m_mirror;
};

void TstMirrorReader::initTestCase()
{
    MS_REQUIRE_TEST_MIRRORS();
    m_mirror.createTables(Tenant, {modeltest::personSchema()});
    m_mirror.insertRows(
        Tenant, u"person"_s, {u"id"_s, u"name"_s}, Rows, [](qint64 n) -> QVariantList {
            return {qlonglong(n + 1), n % 5 == 0 ? QVariant() : QVariant(u"n%1"_s.arg(n % 3))};
        });
    QVERIFY(!QTest::currentTestFailed());
}

RowPage TstMirrorReader::page(MirrorReader &reader, quint64 generation, const PageQuery &query,
                              const PageStart &start, int limit, qint64 firstRow)
{
    QSignalSpy ready(&reader, &MirrorReader::pageReady);
    reader.requestPage(generation, query, start, limit, firstRow);
    // Not ready.wait(): the answer may come before it starts waiting.
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, 10000))
        return {};
    return ready.first().at(1).value<RowPage>();
}

void TstMirrorReader::pagesFollowTheKey()
{
    const MirrorReaderPtr reader = MirrorReader::start(m_mirror.backend);
    const RowPage first = page(*reader, 1, personQuery(), {}, 10);
    QCOMPARE(ids(first), range(1, 10));
    QCOMPARE(first.lastKey, QVariantList{qlonglong(10)});
    QVERIFY(!first.rows.first().at(1).isValid()); // NULL
    QCOMPARE(first.rows.at(1).at(1).toString(), u"n1"_s);
    const RowPage second =
        page(*reader, 1, personQuery(), {PageStart::Kind::After, first.lastKey, 0}, 10, 10);
    QCOMPARE(second.firstRow, 10);
    QCOMPARE(ids(second), range(11, 20));
    const RowPage last = page(*reader, 1, personQuery(), {PageStart::Kind::Offset, {}, 90}, 10, 90);
    QCOMPARE(ids(last), range(91, 95));

    // Sorted by name descending (NULLs last), ties by id descending.
    PageQuery byName = personQuery();
    byName.sortColumn = 1;
    byName.order = Qt::DescendingOrder;
    QList<qlonglong> walked;
    PageStart start;
    for (int guard = 0; guard < 20; ++guard) {
        const RowPage next = page(*reader, 1, byName, start, 7);
        walked += ids(next);
        if (next.rows.size() < 7)
            break;
        start = {PageStart::Kind::After, next.lastKey, 0};
    }
    QList<qlonglong> expected;
    for (const QString name : {u"n2"_s, u"n1"_s, u"n0"_s}) {
        for (qlonglong id = Rows; id >= 1; --id) {
            if ((id - 1) % 5 != 0 && u"n%1"_s.arg((id - 1) % 3) == name)
                expected.append(id);
        }
    }
    for (qlonglong id = Rows; id >= 1; --id) {
        if ((id - 1) % 5 == 0)
            expected.append(id);
    }
    QCOMPARE(walked, expected);
}

void TstMirrorReader::boundariesStartPagesAnywhere()
{
    const MirrorReaderPtr reader = MirrorReader::start(m_mirror.backend);
    QSignalSpy ready(reader.get(), &MirrorReader::boundariesReady);
    reader->requestBoundaries(3, personQuery(), 10);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    QCOMPARE(ready.first().at(0).toULongLong(), 3u);
    const auto keys = ready.first().at(1).value<QList<QVariantList>>();
    QCOMPARE(keys.size(), 10);
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(keys.at(i), QVariantList{qlonglong(10 * i + 1)});
    const RowPage at =
        page(*reader, 3, personQuery(), {PageStart::Kind::AtOrAfter, keys.at(4), 0}, 10, 40);
    QCOMPARE(ids(at), range(41, 50));

    // With a sort column the keys are (value, id); NULL values included.
    PageQuery byName = personQuery();
    byName.sortColumn = 1;
    ready.clear();
    reader->requestBoundaries(4, byName, 30);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    const auto sortedKeys = ready.first().at(1).value<QList<QVariantList>>();
    QCOMPARE(sortedKeys.size(), 4);
    QCOMPARE(sortedKeys.first(), (QVariantList{QVariant(), qlonglong(1)}));
    const RowPage fromNull =
        page(*reader, 4, byName, {PageStart::Kind::AtOrAfter, sortedKeys.first(), 0}, 30);
    const RowPage fromStart = page(*reader, 4, byName, {}, 30);
    QCOMPARE(ids(fromNull), ids(fromStart));
    const RowPage third =
        page(*reader, 4, byName, {PageStart::Kind::AtOrAfter, sortedKeys.at(2), 0}, 30, 60);
    const RowPage viaKeys = page(*reader, 4, byName, {PageStart::Kind::Offset, {}, 60}, 30, 60);
    QCOMPARE(ids(third), ids(viaKeys));
}

void TstMirrorReader::countHonoursFilters()
{
    const MirrorReaderPtr reader = MirrorReader::start(m_mirror.backend);
    QSignalSpy counted(reader.get(), &MirrorReader::countReady);
    PageQuery query = personQuery();
    reader->requestCount(1, query);
    QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 1, 10000);
    QCOMPARE(counted.last().at(1).toLongLong(), Rows);
    query.filters = {ColumnFilter{1, u"=n1"_s}};
    reader->requestCount(2, query);
    QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 2, 10000);
    qlonglong expected = 0;
    for (qint64 n = 0; n < Rows; ++n)
        expected += n % 5 != 0 && n % 3 == 1;
    QCOMPARE(counted.last().at(1).toLongLong(), expected);
    query.filters = {ColumnFilter{1, u"%"_s}}; // a literal percent sign: no name has one
    reader->requestCount(3, query);
    QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 3, 10000);
    QCOMPARE(counted.last().at(1).toLongLong(), 0);
}

void TstMirrorReader::staleRequestsAreSkippedAndInterrupted()
{
    const MirrorReaderPtr reader = MirrorReader::start(m_mirror.backend);
    QSignalSpy answers(reader.get(), &MirrorReader::queryReady);
    QSignalSpy failures(reader.get(), &MirrorReader::failed);
    reader->requestQuery(1, Tenant,
                         u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                         u"SELECT count(*) FROM c"_s,
                         10);
    reader->requestQuery(1, Tenant, u"SELECT 'queued behind'"_s, 10);
    QTest::qWait(200);
    reader->discardBefore(2);
    reader->requestQuery(2, Tenant, u"SELECT 'fresh'"_s, 10);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 10000);
    QTest::qWait(100);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().at(0).toULongLong(), 2u);
    QCOMPARE(answers.first().at(1).value<QueryResult>().rows.first().first().toString(),
             u"fresh"_s);
    QCOMPARE(failures.size(), 0);
}

void TstMirrorReader::invalidNamesAreRefused_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::newRow("table") << u"person\"; DROP TABLE person; --"_s << u"id"_s;
    QTest::newRow("column") << u"person"_s << u"id) FROM person; --"_s;
}

void TstMirrorReader::invalidNamesAreRefused()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    const MirrorReaderPtr reader = MirrorReader::start(m_mirror.backend);
    QSignalSpy failures(reader.get(), &MirrorReader::failed);
    PageQuery query = personQuery();
    query.table = table;
    query.columns = {column};
    reader->requestPage(1, query, {}, 10, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!failures.isEmpty(), 10000);
    QVERIFY(failures.first().at(1).toString().contains(u"not a valid identifier"_s));
}

void TstMirrorReader::listsTablesWithCounts()
{
    const MirrorReaderPtr reader = MirrorReader::start(m_mirror.backend);
    QSignalSpy tables(reader.get(), &MirrorReader::tablesReady);
    QSignalSpy counts(reader.get(), &MirrorReader::rowCountsReady);
    reader->requestTables(5, Tenant);
    QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty(), 10000);
    QCOMPARE(tables.size(), 1);
    const auto list = tables.first().at(2).value<QList<TableSummary>>();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().table.tableName, u"person"_s);
    QCOMPARE(list.first().rows, -1);
    QCOMPARE(counts.first().at(2).value<RowCounts>().value(u"person"_s), Rows);
}

void TstMirrorReader::deletedAndRemadeMirrorIsReadAfresh()
{
    MirrorDir mirror;
    const auto fill = [&](qint64 rows) {
        mirror.createTables(Tenant, {modeltest::personSchema()});
        mirror.insertRows(Tenant, u"person"_s, {u"id"_s}, rows,
                          [](qint64 n) -> QVariantList { return {qlonglong(n + 1)}; });
    };
    fill(10);
    const MirrorReaderPtr reader = MirrorReader::start(mirror.backend);
    QSignalSpy counted(reader.get(), &MirrorReader::countReady);
    QSignalSpy failures(reader.get(), &MirrorReader::failed);
    reader->requestCount(1, personQuery());
    QTRY_COMPARE(counted.size(), 1);
    QCOMPARE(counted.last().at(1).toLongLong(), 10);
    mirror.backend.deleteTenant(Tenant);
    reader->requestCount(2, personQuery());
    QTRY_COMPARE(failures.size(), 1);
    QVERIFY(failures.first().at(1).toString().contains(u"no mirror"_s));
    QVERIFY(!mirror.backend.exists(Tenant));
    fill(3);
    reader->requestCount(3, personQuery());
    QTRY_COMPARE(counted.size(), 2);
    QCOMPARE(counted.last().at(1).toLongLong(), 3);
}

// SQLite keeps the received text; PostgreSQL typed values. Both show the same cells: bit as
// 0/1, datetimes in the protocol's form, decimals exactly, NULL apart from empty text, bytes.
void TstMirrorReader::cellsLookTheSameOnEveryTarget()
{
    using modeltest::col;
    const TableSchema schema{u"kinds"_s,
                             {col(u"id"_s, u"int"_s, false), col(u"flag"_s, u"bit"_s),
                              col(u"at"_s, u"datetime"_s), col(u"amount"_s, u"decimal(19,4)"_s),
                              col(u"guid"_s, u"uniqueidentifier"_s), col(u"day"_s, u"date"_s),
                              col(u"label"_s, u"nvarchar(10)"_s),
                              col(u"data"_s, u"varbinary(max)"_s)},
                             {u"id"_s}};
    const QString tenant = modeltest::testTenant(u"Kinds"_s);
    MirrorDir mirror;
    mirror.createTables(tenant, {schema});
    // PostgreSQL takes a boolean for a boolean column, SQLite stores bit as an integer.
    const QVariant yes = modeltest::IsPostgres ? QVariant(true) : QVariant(qlonglong(1));
    const QVariant no = modeltest::IsPostgres ? QVariant(false) : QVariant(qlonglong(0));
    mirror.insertRows(tenant, u"kinds"_s, modeltest::columnNames(schema), 2,
                      [&](qint64 n) -> QVariantList {
                          if (n == 1)
                              return {qlonglong(2), no,         QVariant(), QVariant(),
                                      QVariant(),   QVariant(), QVariant(), QVariant()};
                          return {qlonglong(1),
                                  yes,
                                  u"2024-01-31T13:45:00.123"_s,
                                  u"12345678901234.5678"_s,
                                  u"c0ffee00-0000-4000-8000-00000000000a"_s,
                                  u"2024-01-31"_s,
                                  QString(u""_s),
                                  QByteArray("\x01\x02", 2)};
                      });
    QVERIFY(!QTest::currentTestFailed());
    const QVariantList expected{qlonglong(1),
                                qlonglong(1),
                                u"2024-01-31T13:45:00.123"_s,
                                u"12345678901234.5678"_s,
                                u"c0ffee00-0000-4000-8000-00000000000a"_s,
                                u"2024-01-31"_s,
                                u""_s,
                                QByteArray("\x01\x02", 2)};
    PageQuery query;
    query.tenant = tenant;
    query.table = u"kinds"_s;
    query.columns = modeltest::columnNames(schema);
    query.keyColumns = {u"id"_s};
    const MirrorReaderPtr reader = MirrorReader::start(mirror.backend);
    const RowPage rows = page(*reader, 1, query, {}, 10);
    QCOMPARE(rows.rows.size(), 2);
    QCOMPARE(rows.rows.first(), expected);
    QCOMPARE(rows.rows.at(1).at(1), QVariant(qlonglong(0)));
    for (int c = 2; c < expected.size(); ++c)
        QVERIFY2(!rows.rows.at(1).at(c).isValid(), qPrintable(query.columns.at(c)));

    // Sorted by the datetime, and filtered by the text it shows.
    query.sortColumn = 2;
    query.order = Qt::DescendingOrder;
    query.filters = {ColumnFilter{2, u"01-31T13"_s}};
    const RowPage sorted = page(*reader, 1, query, {}, 10);
    QCOMPARE(sorted.rows.size(), 1);
    QCOMPARE(sorted.rows.first().at(2), expected.at(2));

    // The query pane shows the same cells.
    QSignalSpy answers(reader.get(), &MirrorReader::queryReady);
    reader->requestQuery(2, tenant, u"SELECT * FROM kinds ORDER BY id"_s, 10);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 10000);
    const auto result = answers.first().at(1).value<QueryResult>();
    QCOMPARE(result.error, QString());
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.first(), expected);
    mirror.backend.deleteTenant(tenant);
}

QTEST_GUILESS_MAIN(TstMirrorReader)
#include "tst_mirrorreader.moc"
