#include "model/throughputmonitor.h"
#include "model/throughputseries.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

class TstThroughputSeries final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsRowsPerSecond();
    void forgetsOutsideTheWindow();
    void emptySeriesIsZero();
    void monitorAnnouncesChanges();
};

namespace {

const QDateTime T0 = QDateTime(QDate(2026, 11, 23), QTime(10, 0, 0), Qt::UTC);

} // namespace

void TstThroughputSeries::countsRowsPerSecond()
{
    ThroughputSeries series;
    series.add(T0, 100);
    series.add(T0.addMSecs(900), 50);
    series.add(T0.addSecs(2), 7);
    const QList<qint64> samples = series.samples(T0.addSecs(2));
    QCOMPARE(samples.size(), ThroughputSeries::Seconds);
    QCOMPARE(samples.last(), 7);
    QCOMPARE(samples.at(samples.size() - 2), 0);
    QCOMPARE(samples.at(samples.size() - 3), 150);
    QCOMPARE(series.peak(T0.addSecs(2)), 150);
    QCOMPARE(series.total(T0.addSecs(2)), 157);
    // A late call still counts in its own second.
    series.add(T0.addSecs(1), 3);
    QCOMPARE(series.samples(T0.addSecs(2)).at(ThroughputSeries::Seconds - 2), 3);
}

void TstThroughputSeries::forgetsOutsideTheWindow()
{
    ThroughputSeries series;
    series.add(T0, 10);
    QCOMPARE(series.total(T0.addSecs(ThroughputSeries::Seconds - 1)), 10);
    QCOMPARE(series.samples(T0.addSecs(ThroughputSeries::Seconds - 1)).first(), 10);
    QCOMPARE(series.total(T0.addSecs(ThroughputSeries::Seconds)), 0);
    series.add(T0.addSecs(130), 4);
    QCOMPARE(series.total(T0.addSecs(130)), 4);
    series.add(T0, 99); // older than the window now
    QCOMPARE(series.total(T0.addSecs(130)), 4);
    // A jump far ahead clears the ring instead of reusing old slots.
    series.add(T0.addSecs(130 + 10 * ThroughputSeries::Seconds), 1);
    QCOMPARE(series.total(T0.addSecs(130 + 10 * ThroughputSeries::Seconds)), 1);
}

void TstThroughputSeries::emptySeriesIsZero()
{
    const ThroughputSeries series;
    QCOMPARE(series.total(T0), 0);
    QCOMPARE(series.peak(T0), 0);
    QCOMPARE(series.samples(T0), QList<qint64>(ThroughputSeries::Seconds, 0));
}

void TstThroughputSeries::monitorAnnouncesChanges()
{
    ThroughputMonitor monitor;
    QSignalSpy changed(&monitor, &ThroughputMonitor::changed);
    CallRecord call;
    call.time = QDateTime::currentDateTimeUtc();
    call.tenant = u"Cust1"_s;
    call.operation = u"RowData"_s;
    call.ok = true;
    call.rows = 500;
    for (int i = 0; i < 100; ++i)
        monitor.noteCall(call);
    QCOMPARE(changed.size(), 0); // coalesced, not one signal per call
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 3000);
    QVERIFY(changed.size() <= 2);
    QCOMPARE(monitor.series().total(QDateTime::currentDateTimeUtc()), 50000);
    QCOMPARE(monitor.samples().size(), ThroughputSeries::Seconds);
}

QTEST_GUILESS_MAIN(TstThroughputSeries)
#include "tst_throughputseries.moc"
