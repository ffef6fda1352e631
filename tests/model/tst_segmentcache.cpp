#include "model/segmentcache.h"

#include <QTest>

using namespace ms;

class TstSegmentCache final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsRowsInTheirSegment();
    void shortLastSegment();
    void evictsTheLeastRecentlyUsed();
    void clearEmpties();
};

namespace {

std::vector<int> rows(int first, int count)
{
    std::vector<int> out;
    for (int i = 0; i < count; ++i)
        out.push_back(first + i);
    return out;
}

} // namespace

void TstSegmentCache::findsRowsInTheirSegment()
{
    SegmentCache<int> cache(10, 4);
    QCOMPARE(cache.segmentOf(0), 0);
    QCOMPARE(cache.segmentOf(9), 0);
    QCOMPARE(cache.segmentOf(10), 1);
    QVERIFY(!cache.contains(25));
    QVERIFY(cache.insert(2, rows(20, 10)).empty());
    QVERIFY(cache.hasSegment(2));
    QVERIFY(!cache.hasSegment(1));
    QVERIFY(cache.contains(20));
    QCOMPARE(*cache.find(25), 25);
    QCOMPARE(*cache.find(29), 29);
    QVERIFY(!cache.find(30));
    QVERIFY(!cache.find(19));
    QCOMPARE(cache.rowCount(), 10);
}

void TstSegmentCache::shortLastSegment()
{
    SegmentCache<int> cache(10, 4);
    cache.insert(5, rows(50, 3));
    QCOMPARE(*cache.find(52), 52);
    QVERIFY(!cache.contains(53));
    QVERIFY(cache.hasSegment(5));
    QCOMPARE(cache.rowCount(), 3);
}

void TstSegmentCache::evictsTheLeastRecentlyUsed()
{
    SegmentCache<int> cache(10, 3);
    cache.insert(0, rows(0, 10));
    cache.insert(1, rows(10, 10));
    cache.insert(2, rows(20, 10));
    cache.touch(0); // 1 is now the oldest
    const std::vector<qint64> evicted = cache.insert(3, rows(30, 10));
    QCOMPARE(evicted.size(), size_t(1));
    QCOMPARE(evicted.front(), 1);
    QCOMPARE(cache.segmentCount(), 3);
    QVERIFY(cache.contains(5));
    QVERIFY(!cache.contains(15));
    QVERIFY(cache.contains(35));
    // Replacing a held segment evicts nothing.
    QVERIFY(cache.insert(3, rows(130, 10)).empty());
    QCOMPARE(*cache.find(31), 131);
}

void TstSegmentCache::clearEmpties()
{
    SegmentCache<int> cache(10, 3);
    cache.insert(0, rows(0, 10));
    cache.clear();
    QCOMPARE(cache.segmentCount(), 0);
    QVERIFY(!cache.contains(0));
}

QTEST_APPLESS_MAIN(TstSegmentCache)
#include "tst_segmentcache.moc"
