// The status bar's chart paints the received rows per second: nothing in its left half while
// idle, a filled area where seconds had rows.

#include "ui/throughputchart.h"

#include "model/throughputmonitor.h"
#include "service/endpoint/callrecord.h"

#include <QImage>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestThroughputChart : public QObject
{
    Q_OBJECT

private:
    /// Pixels of the left half (away from the right-aligned label) that are the highlight's.
    static int filledPixels(QWidget &chart)
    {
        const QImage image = chart.grab().toImage();
        const QColor highlight = chart.palette().color(QPalette::Highlight);
        int filled = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 2; x < image.width() / 2; ++x) {
                const QColor pixel = image.pixelColor(x, y);
                // The area is the highlight blended over the base: its hue, not the base's grey.
                if (qAbs(pixel.hue() - highlight.hue()) < 20 && pixel.saturation() > 40)
                    ++filled;
            }
        }
        return filled;
    }

private Q_SLOTS:
    void paintsRowsPerSecond()
    {
        ms::ThroughputMonitor monitor;
        ms::ui::ThroughputChart chart(monitor);
        chart.resize(chart.sizeHint());
        QCOMPARE(filledPixels(chart), 0);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int second = 100; second >= 0; second -= 3) {
            ms::CallRecord call;
            call.time = now.addSecs(-second);
            call.operation = u"RowData"_s;
            call.ok = true;
            call.rows = 500 + 10 * second;
            monitor.noteCall(call);
        }
        QTRY_VERIFY(filledPixels(chart) > 50);
        if (qEnvironmentVariableIsSet("MS_SAVE_PNG"))
            chart.grab().save(qEnvironmentVariable("MS_SAVE_PNG"));
    }
};

QTEST_MAIN(TestThroughputChart)
#include "tst_throughputchart.moc"
