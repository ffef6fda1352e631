#include "mirrorvariant.h"
#include "model/modelroles.h"
#include "model/tablecontentsmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFont>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using MirrorDir = modeltest::TestMirror;

namespace {

const QString Tenant = modeltest::testTenant(u"Cust1"_s);

QString nameOf(qint64 n)
{
    return u"name-%1"_s.arg(n, 7, 10, QChar(u'0'));
}

bool isLoaded(const TableContentsModel &model, int row)
{
    return model.data(model.index(row, 0), LoadedRole).toBool();
}

// The small table: names and cities with NULLs and duplicates, scores with ties.
QVariantList smallRow(qint64 n)
{
    const QVariant name =
        n % 17 == 0 ? QVariant() : QVariant(u"n%1"_s.arg(n % 50, 2, 10, QChar(u'0')));
    const QVariant city = n % 11 == 0 ? QVariant() : QVariant(u"city%1"_s.arg(n % 7));
    return {qlonglong(n + 1), name, double(n % 13) / 2, QVariant(), city};
}

// The order SQLite uses: NULL first ascending, then values; ties by id in the same direction.
bool lessThan(const QVariant &a, const QVariant &b)
{
    if (!a.isValid() || !b.isValid())
        return !a.isValid() && b.isValid();
    if (a.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    if (a.typeId() == QMetaType::LongLong)
        return a.toLongLong() < b.toLongLong();
    return a.toString() < b.toString();
}

bool matches(const QVariant &value, const QString &filter)
{
    if (filter.isEmpty())
        return true;
    if (!value.isValid())
        return false;
    const QString text =
        value.typeId() == QMetaType::Double ? QString::number(value.toDouble()) : value.toString();
    return filter.startsWith(u'=') ? text == filter.mid(1)
                                   : text.contains(filter, Qt::CaseInsensitive);
}

// A started reader whose thread waits in a queued call until the returned semaphore is released:
// everything asked of it meanwhile waits too, as a count of a huge table would hold it.
std::pair<MirrorReaderPtr, std::shared_ptr<QSemaphore>> heldReader(MirrorBackend &backend)
{
    MirrorReaderPtr reader = MirrorReader::start(backend);
    auto gate = std::make_shared<QSemaphore>();
    QMetaObject::invokeMethod(
        reader.get(), [gate] { gate->acquire(); }, Qt::QueuedConnection);
    return {std::move(reader), gate};
}

} // namespace

class TstTableContentsModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void millionRowsOpenWithoutLoadingThem();
    void firstRowsComeWhileTheCountIsHeldUp();
    void shortFirstPageIsTheCount();
    void keysetPagingMatchesSortAndFilter_data();
    void keysetPagingMatchesSortAndFilter();
    void nullDiffersFromEmptyText();
    void binaryValuesShowSizeAndHex();
    void copyTextIsTabSeparatedWithHeaders();
    void headersCarryTheSqlServerType();
    void errorsAreReported();

private:
    MirrorDir m_big;
    MirrorDir m_small;
    // PostgreSQL: 200,000 rows made by generate_series in one statement.
    static constexpr qint64 BigRows = modeltest::IsPostgres ? 200000 : 1000000;
    static constexpr qint64 SmallRows = 1000;
};

void TstTableContentsModel::initTestCase()
{
    MS_REQUIRE_TEST_MIRRORS();
    QElapsedTimer timer;
    timer.start();
    m_big.createTables(Tenant, {modeltest::personSchema()});
    const QStringList bigColumns{u"id"_s, u"name"_s, u"score"_s, u"city"_s};
#ifdef MS_TEST_POSTGRES
    // The same rows as below, n = 1..BigRows.
    m_big.backend.insertSeries(Tenant, u"person"_s, bigColumns, BigRows,
                               {u"n"_s, u"'name-' || lpad(n::text, 7, '0')"_s,
                                u"(n - 1) / 4.0::float8"_s, u"'city' || ((n - 1) % 100)"_s});
#else
    m_big.insertRows(Tenant, u"person"_s, bigColumns, BigRows, [](qint64 n) -> QVariantList {
        return {qlonglong(n + 1), nameOf(n + 1), double(n) / 4, u"city%1"_s.arg(n % 100)};
    });
#endif
    QVERIFY(!QTest::currentTestFailed());
    m_small.createTables(Tenant, {modeltest::personSchema()});
    m_small.insertRows(Tenant, u"person"_s, modeltest::columnNames(modeltest::personSchema()),
                       SmallRows, smallRow);
    QVERIFY(!QTest::currentTestFailed());
    qInfo("test mirrors built in %lld ms", timer.elapsed());
}

void TstTableContentsModel::millionRowsOpenWithoutLoadingThem()
{
    TableContentsModel model(m_big.backend);
    QSignalSpy counted(&model, &TableContentsModel::rowCountKnown);
    QElapsedTimer timer;
    timer.start();
    model.setTable(Tenant, modeltest::personSchema());
    // What a view does when the rows appear: ask for the visible ones.
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && isLoaded(model, 0), 10000);
    const qint64 firstRowsMs = timer.elapsed();
    // Printed, not asserted: the 200 ms target is bench_gui's (issue #8); a timed assertion
    // fails on a loaded CI machine or under ASan for reasons not the code's.
    qInfo("first rows of a %lld-row table after %lld ms", BigRows, firstRowsMs);
    // The first rows come before the count (firstRowsComeWhileTheCountIsHeldUp), which follows.
    QTRY_COMPARE_WITH_TIMEOUT(counted.size(), 1, 10000);
    QCOMPARE(model.rowCount(), int(BigRows));
    QCOMPARE(counted.first().first().toLongLong(), BigRows);
    for (int row = 0; row < 40; ++row)
        QTRY_VERIFY(isLoaded(model, row));
    QCOMPARE(model.data(model.index(0, 1)).toString(), nameOf(1));
    QCOMPARE(model.data(model.index(39, 0)).toString(), u"40"_s);
    QVERIFY2(model.fetchedRowCount() < 1000, qPrintable(QString::number(model.fetchedRowCount())));

    // Scrolling to the middle shows a placeholder, then the right rows.
    const int middle = int(BigRows / 2) + 17;
    QCOMPARE(model.data(model.index(middle, 1)).toString(), u"\u2026"_s);
    QCOMPARE(model.data(model.index(middle, 1), LoadedRole).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(model, middle), 10000);
    for (int row = middle; row < middle + 30; ++row) {
        QTRY_VERIFY(isLoaded(model, row));
        QCOMPARE(model.data(model.index(row, 0), RawValueRole).toLongLong(), qlonglong(row + 1));
        QCOMPARE(model.data(model.index(row, 1)).toString(), nameOf(row + 1));
        QCOMPARE(model.data(model.index(row, 2), RawValueRole).toDouble(), double(row) / 4);
    }
    QVERIFY2(model.fetchedRowCount() < 1000, qPrintable(QString::number(model.fetchedRowCount())));

    // The last rows, by the page boundaries or the offset fallback.
    const int last = int(BigRows) - 1;
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(model, last), 10000);
    QCOMPARE(model.data(model.index(last, 1)).toString(), nameOf(BigRows));

    // Sorting the million rows by another column descending: keyset on (name, id).
    model.setSort(1, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && isLoaded(model, 0), 20000);
    QCOMPARE(model.data(model.index(0, 1)).toString(), nameOf(BigRows));
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(model, 250), 20000);
    QCOMPARE(model.data(model.index(250, 1)).toString(), nameOf(BigRows - 250));

    // A filter: city99 is every hundredth row.
    model.setSort(-1, Qt::AscendingOrder);
    model.setFilter(4, u"=city99"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model.isCountKnown(), 20000);
    QCOMPARE(model.rowCount(), int(BigRows / 100));
    const int probe = int(BigRows / 200); // half way through the filtered rows
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(model, probe), 20000);
    QCOMPARE(model.data(model.index(probe, 0)).toString(), QString::number(probe * 100 + 100));
}

// The order of an open: the first page before any scan of the table, and the scans (count,
// boundaries) on a reader of their own, so that neither the first rows nor a page asked for
// meanwhile wait for them. Here the scan reader is held up until the end.
void TstTableContentsModel::firstRowsComeWhileTheCountIsHeldUp()
{
    auto [scans, gate] = heldReader(m_big.backend);
    TableContentsModel model(MirrorReader::start(m_big.backend), std::move(scans));
    // Declared after the model: released before the model waits for the reader's thread.
    auto openGate = qScopeGuard([gate] { gate->release(); });
    QSignalSpy counted(&model, &TableContentsModel::rowCountKnown);
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && isLoaded(model, 0), 10000);
    QCOMPARE(model.data(model.index(0, 1)).toString(), nameOf(1));
    QVERIFY(!model.isCountKnown());
    // Meanwhile the database's guess (SQLite's largest rowid: exact for this table), or without
    // one (a PostgreSQL table not analyzed yet) the first page, growing by fetchMore().
    qInfo("rows shown before the count: %d", model.rowCount());
    QVERIFY(model.rowCount() >= TableContentsModel::PageSize);
    if (!modeltest::IsPostgres)
        QCOMPARE(model.rowCount(), int(BigRows));

    // A page further down, asked for while the count is held up.
    const int target = 2 * TableContentsModel::PageSize + 5;
    while (model.rowCount() <= target) {
        QTRY_VERIFY(model.canFetchMore({}));
        const int before = model.rowCount();
        model.fetchMore({});
        QTRY_VERIFY(model.rowCount() > before);
    }
    QTRY_VERIFY_WITH_TIMEOUT(isLoaded(model, target), 10000);
    QCOMPARE(model.data(model.index(target, 0), RawValueRole).toLongLong(), qlonglong(target + 1));
    if (model.rowCount() > BigRows / 2) {
        const int middle = int(BigRows / 2) + 3;
        QTRY_VERIFY_WITH_TIMEOUT(isLoaded(model, middle), 10000);
        QCOMPARE(model.data(model.index(middle, 1)).toString(), nameOf(middle + 1));
    }
    QTest::qWait(50);
    QVERIFY(!model.isCountKnown());
    QCOMPARE(counted.size(), 0);

    // Released: the exact count replaces the provisional one.
    openGate.dismiss();
    gate->release();
    QTRY_VERIFY_WITH_TIMEOUT(model.isCountKnown(), 20000);
    QCOMPARE(model.rowCount(), int(BigRows));
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), BigRows);
    QVERIFY2(model.fetchedRowCount() < 1000, qPrintable(QString::number(model.fetchedRowCount())));
}

// A first page shorter than a page is the whole (filtered) result: known without a count.
void TstTableContentsModel::shortFirstPageIsTheCount()
{
    qint64 expected = 0;
    for (qint64 n = 0; n < SmallRows; ++n)
        expected += matches(smallRow(n).at(4), u"=city3"_s);
    QVERIFY(expected > 0 && expected < TableContentsModel::PageSize);
    auto [scans, gate] = heldReader(m_small.backend);
    TableContentsModel model(MirrorReader::start(m_small.backend), std::move(scans));
    const auto openGate = qScopeGuard([gate] { gate->release(); });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counted(&model, &TableContentsModel::rowCountKnown);
    model.setTable(Tenant, modeltest::personSchema()); // 1,000 rows: its count waits
    QTRY_VERIFY(model.rowCount() > 0 && isLoaded(model, 0));
    QVERIFY(!model.isCountKnown());
    model.setFilter(4, u"=city3"_s);
    QTRY_VERIFY(model.isCountKnown());
    QCOMPARE(model.rowCount(), int(expected));
    QCOMPARE(counted.size(), 1);
    QCOMPARE(counted.first().first().toLongLong(), expected);
    QVERIFY(isLoaded(model, int(expected) - 1));
}

void TstTableContentsModel::keysetPagingMatchesSortAndFilter_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<int>("filterColumn");
    QTest::addColumn<QString>("filter");
    QTest::newRow("key order") << -1 << Qt::AscendingOrder << -1 << QString();
    QTest::newRow("key descending") << 0 << Qt::DescendingOrder << -1 << QString();
    QTest::newRow("name asc (NULLs, ties)") << 1 << Qt::AscendingOrder << -1 << QString();
    QTest::newRow("name desc (NULLs, ties)") << 1 << Qt::DescendingOrder << -1 << QString();
    QTest::newRow("score asc") << 2 << Qt::AscendingOrder << -1 << QString();
    QTest::newRow("city desc, name contains 1") << 4 << Qt::DescendingOrder << 1 << u"1"_s;
    QTest::newRow("score asc, city = city3") << 2 << Qt::AscendingOrder << 4 << u"=city3"_s;
    QTest::newRow("city contains CITY (case)") << 4 << Qt::AscendingOrder << 4 << u"CITY"_s;
    QTest::newRow("LIKE wildcards are literal") << -1 << Qt::AscendingOrder << 1 << u"n_1"_s;
    QTest::newRow("quote in filter") << -1 << Qt::AscendingOrder << 1 << u"'; DROP"_s;
}

void TstTableContentsModel::keysetPagingMatchesSortAndFilter()
{
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    QFETCH(int, filterColumn);
    QFETCH(QString, filter);

    QList<QVariantList> expected;
    for (qint64 n = 0; n < SmallRows; ++n) {
        const QVariantList row = smallRow(n);
        if (filterColumn < 0 || matches(row.at(filterColumn), filter))
            expected.append(row);
    }
    std::stable_sort(expected.begin(), expected.end(), [&](const auto &a, const auto &b) {
        const int c = sortColumn < 0 ? 0 : sortColumn;
        const bool ascending = order == Qt::AscendingOrder;
        const QVariant &x = ascending ? a.at(c) : b.at(c);
        const QVariant &y = ascending ? b.at(c) : a.at(c);
        if (lessThan(x, y))
            return true;
        if (lessThan(y, x))
            return false;
        return ascending ? a.first().toLongLong() < b.first().toLongLong()
                         : a.first().toLongLong() > b.first().toLongLong();
    });

    TableContentsModel model(m_small.backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_VERIFY(model.isCountKnown());
    if (filterColumn >= 0)
        model.setFilter(filterColumn, filter);
    model.sort(sortColumn, order);
    QCOMPARE(model.filter(filterColumn), filterColumn >= 0 ? filter : QString());
    QTRY_VERIFY(model.isCountKnown());
    QCOMPARE(model.rowCount(), int(expected.size()));
    // Last page first: those pages start from boundaries (or the offset fallback), the others
    // then follow by key after them.
    QTest::qWait(100);
    const int pages =
        (model.rowCount() + TableContentsModel::PageSize - 1) / TableContentsModel::PageSize;
    for (int page = pages - 1; page >= 0; --page)
        QTRY_VERIFY2(isLoaded(model, page * TableContentsModel::PageSize),
                     qPrintable(model.lastError()));
    for (int row = 0; row < model.rowCount(); ++row) {
        QTRY_VERIFY(isLoaded(model, row));
        for (int column = 0; column < model.columnCount(); ++column) {
            const QVariant actual = model.data(model.index(row, column), RawValueRole);
            const QVariant &wanted = expected.at(row).at(column);
            QVERIFY2(actual.isValid() == wanted.isValid() && actual.toString() == wanted.toString(),
                     qPrintable(u"row %1 column %2: %3 instead of %4"_s.arg(row).arg(column).arg(
                         actual.toString(), wanted.toString())));
        }
    }
    QVERIFY(model.fetchedRowCount() <= 2 * SmallRows);
}

void TstTableContentsModel::nullDiffersFromEmptyText()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    mirror.insertRows(Tenant, u"person"_s, {u"id"_s, u"name"_s}, 2, [](qint64 n) -> QVariantList {
        return {qlonglong(n + 1), n == 0 ? QVariant() : QVariant(QString(u""_s))};
    });
    TableContentsModel model(mirror.backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_VERIFY(model.rowCount() == 2 && isLoaded(model, 1));
    const QModelIndex null = model.index(0, 1);
    const QModelIndex empty = model.index(1, 1);
    QCOMPARE(model.data(null, IsNullRole).toBool(), true);
    QCOMPARE(model.data(empty, IsNullRole).toBool(), false);
    QCOMPARE(model.data(null).toString(), u"NULL"_s);
    QCOMPARE(model.data(empty).toString(), QString());
    QVERIFY(!model.data(null, RawValueRole).isValid());
    QCOMPARE(model.data(empty, RawValueRole).toString(), QString());
    QVERIFY(model.data(empty, RawValueRole).isValid());
    QCOMPARE(model.data(null, Qt::FontRole).value<QFont>().italic(), true);
    QVERIFY(model.data(null, Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(empty, Qt::FontRole).isValid());
    QVERIFY(!model.data(empty, Qt::ForegroundRole).isValid());
    // Filtering for "=" finds the empty text and not NULL.
    model.setFilter(1, u"="_s);
    QTRY_VERIFY(model.isCountKnown());
    QCOMPARE(model.rowCount(), 1);
    QTRY_VERIFY(isLoaded(model, 0));
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"2"_s);
}

void TstTableContentsModel::binaryValuesShowSizeAndHex()
{
    QByteArray bytes;
    for (int i = 0; i < 20; ++i)
        bytes.append(char(i * 13));
    QCOMPARE(TableContentsModel::binaryDisplay(bytes),
             u"<20 bytes> 000d1a2734414e5b6875828f9ca9b6c3\u2026"_s);
    QCOMPARE(TableContentsModel::binaryDisplay(QByteArray("\x0a\x1b", 2)), u"<2 bytes> 0a1b"_s);
    QCOMPARE(TableContentsModel::binaryDisplay({}), u"<0 bytes>"_s);

    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    mirror.insertRows(Tenant, u"person"_s, {u"id"_s, u"photo"_s}, 1, [&](qint64) -> QVariantList {
        return {qlonglong(1), bytes};
    });
    TableContentsModel model(mirror.backend);
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_VERIFY(model.rowCount() == 1 && isLoaded(model, 0));
    const QModelIndex photo = model.index(0, 3);
    QCOMPARE(model.data(photo).toString(), TableContentsModel::binaryDisplay(bytes));
    QCOMPARE(model.data(photo, Qt::UserRole).toByteArray(), bytes);
    QCOMPARE(model.data(photo, IsNullRole).toBool(), false);
}

void TstTableContentsModel::copyTextIsTabSeparatedWithHeaders()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    mirror.insertRows(Tenant, u"person"_s, modeltest::columnNames(modeltest::personSchema()), 3,
                      [](qint64 n) -> QVariantList {
                          return {qlonglong(n + 1), u"a\tb\nc%1"_s.arg(n), double(n) + 0.5,
                                  QByteArray("\x01\xff", 2), QVariant()};
                      });
    TableContentsModel model(mirror.backend);
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_VERIFY(model.rowCount() == 3 && isLoaded(model, 2));
    const QModelIndexList selection{model.index(2, 4), model.index(1, 1), model.index(2, 3),
                                    model.index(1, 2)};
    QCOMPARE(model.copyText(selection), u"name\tscore\tphoto\tcity\n"
                                        u"a b c1\t1.5\t01ff\t\n"
                                        u"a b c2\t2.5\t01ff\t\n"_s);
    QCOMPARE(model.copyText({}), QString());
}

void TstTableContentsModel::headersCarryTheSqlServerType()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    TableContentsModel model(mirror.backend);
    model.setTable(Tenant, modeltest::personSchema());
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"name"_s);
    QVERIFY(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(u"nvarchar(50)"_s));
    QVERIFY(
        model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"NOT NULL"_s));
    QTRY_VERIFY(model.isCountKnown());
    QCOMPARE(model.rowCount(), 0);
    model.clear();
    QCOMPARE(model.columnCount(), 0);
}

void TstTableContentsModel::errorsAreReported()
{
    MirrorDir mirror;
    TableContentsModel model(mirror.backend);
    QSignalSpy errors(&model, &TableContentsModel::errorOccurred);
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(model.lastError().contains(Tenant));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!mirror.backend.exists(Tenant)); // reading never creates a mirror
}

QTEST_GUILESS_MAIN(TstTableContentsModel)
#include "tst_tablecontentsmodel.moc"
