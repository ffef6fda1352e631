#include "model/modelroles.h"
#include "model/tablecontentsmodel.h"
#include "modeltestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <time.h>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using modeltest::MirrorDir;

namespace {

const QString Tenant = u"Cust1"_s;
constexpr qint64 Rows = 1000000;
// The GUI thread's longest turn (its CPU time, and wall clock) is printed for a person to read;
// the 50 ms target of issue #8 is a benchmark's to hold, never a timed test's (an ASan build or a
// loaded CI machine would fail it for reasons that are not the code's).

qint64 threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// The longest gap between ticks of a 5 ms timer on the GUI thread.
class StallMeter final
{
public:
    StallMeter()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_worstWall = std::max(m_worstWall, m_sinceTick.restart());
            const qint64 cpu = threadCpuMs();
            m_worstCpu = std::max(m_worstCpu, cpu - m_lastCpu);
            m_lastCpu = cpu;
        });
        m_sinceTick.start();
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    qint64 worstCpuMs() const { return m_worstCpu; }
    qint64 worstWallMs() const { return m_worstWall; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_lastCpu = 0;
    qint64 m_worstCpu = 0;
    qint64 m_worstWall = 0;
};

bool rowShows(const QTableView &view, int row, const QString &id)
{
    return view.model()->index(row, 0).data(LoadedRole).toBool() &&
           view.model()->index(row, 0).data().toString() == id;
}

} // namespace

class TstContentsView final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void viewScrollsAMillionRowsLazily();

private:
    MirrorDir m_mirror;
};

void TstContentsView::initTestCase()
{
    m_mirror.createTables(Tenant, {modeltest::personSchema()});
    m_mirror.insertRows(
        Tenant, u"person"_s, modeltest::columnNames(modeltest::personSchema()), Rows,
        [](qint64 n) -> QVariantList {
            return {qlonglong(n + 1), n % 7 == 0 ? QVariant() : QVariant(u"name %1"_s.arg(n)),
                    double(n) / 8, n % 3 == 0 ? QVariant(QByteArray(20, char(n))) : QVariant(),
                    n % 5 == 0 ? QVariant(QString()) : QVariant(u"city %1"_s.arg(n % 40))};
        });
    QVERIFY(!QTest::currentTestFailed());
}

void TstContentsView::viewScrollsAMillionRowsLazily()
{
    TableContentsModel model(m_mirror.backend);
    QTableView view;
    view.resize(900, 400);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    StallMeter meter;
    QElapsedTimer opened;
    opened.start();
    model.setTable(Tenant, modeltest::personSchema());
    QTRY_VERIFY_WITH_TIMEOUT(rowShows(view, 0, u"1"_s), 10000);
    qInfo("first rows shown after %lld ms", opened.elapsed());
    QCOMPARE(model.rowCount(), int(Rows));
    QVERIFY2(model.fetchedRowCount() < 1000, qPrintable(QString::number(model.fetchedRowCount())));
    QVERIFY(view.grab().save(QDir::temp().filePath(u"mirrorscope-contents-top.png"_s)));

    // Drag the scroll bar to the middle, then scroll on in small steps as a person would.
    QScrollBar *bar = view.verticalScrollBar();
    bar->setValue(bar->maximum() / 2);
    const int middle = view.rowAt(0);
    QVERIFY(middle > 400000 && middle < 600000);
    QTRY_VERIFY_WITH_TIMEOUT(rowShows(view, middle, QString::number(middle + 1)), 10000);
    for (int step = 0; step < 30; ++step) {
        bar->setValue(bar->value() + 3);
        QTest::qWait(10);
    }
    const int lower = view.rowAt(0);
    QTRY_VERIFY_WITH_TIMEOUT(rowShows(view, lower, QString::number(lower + 1)), 10000);
    QVERIFY2(model.fetchedRowCount() < 1000, qPrintable(QString::number(model.fetchedRowCount())));
    QVERIFY(view.grab().save(QDir::temp().filePath(u"mirrorscope-contents-middle.png"_s)));

    // Sorting through the header: keyset on (score, id), still lazy.
    view.setSortingEnabled(true);
    view.sortByColumn(2, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(rowShows(view, view.rowAt(0), QString::number(Rows)), 20000);
    bar->setValue(bar->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(rowShows(view, int(Rows) - 1, u"1"_s), 20000);
    qInfo("worst GUI thread stall: %lld ms of work, %lld ms wall clock", meter.worstCpuMs(),
          meter.worstWallMs());
}

QTEST_MAIN(TstContentsView)
#include "tst_contentsview.moc"
