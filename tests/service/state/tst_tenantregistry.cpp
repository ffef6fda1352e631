#include "service/state/tenantregistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using State = ms::TenantStatus::State;

class TestTenantRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pauseIsSharedThroughTheFile()
    {
        QTemporaryDir dir;
        ms::TenantRegistry endpointSide(dir.path());
        ms::TenantRegistry cliSide(dir.path()); // another process in real life
        QVERIFY(!endpointSide.isPaused(u"CustA"_s));
        cliSide.setPaused(u"CustA"_s, true);
        QVERIFY(endpointSide.isPaused(u"CustA"_s));
        cliSide.setPaused(u"CustA"_s, false);
        QVERIFY(!endpointSide.isPaused(u"CustA"_s));
    }

    void cycleStates()
    {
        QTemporaryDir dir;
        ms::TenantRegistry registry(dir.path());
        const QDateTime t0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        registry.recordCycleStarted(u"CustA"_s, t0);
        registry.recordCall(u"CustA"_s, u"RowData"_s, t0.addSecs(5));
        auto status = *registry.tenant(u"CustA"_s);
        QCOMPARE(status.firstSeen, t0);
        QCOMPARE(status.lastOperation, u"RowData"_s);
        QCOMPARE(status.stateAt(t0.addSecs(10)), State::Receiving);
        QCOMPARE(status.stateAt(t0.addSecs(600)), State::NeverCompleted);

        registry.recordCycleCompleted(u"CustA"_s, t0.addSecs(20));
        QCOMPARE(registry.tenant(u"CustA"_s)->stateAt(t0.addSecs(30)), State::Ok);

        registry.recordFailure(u"CustA"_s, u"disk full"_s, t0.addSecs(40));
        status = *registry.tenant(u"CustA"_s);
        QCOMPARE(status.lastFailure, u"disk full"_s);
        QCOMPARE(status.stateAt(t0.addSecs(50)), State::Error);

        registry.recordCycleStarted(u"CustA"_s, t0.addSecs(60));
        registry.recordCycleCompleted(u"CustA"_s, t0.addSecs(70));
        QCOMPARE(registry.tenant(u"CustA"_s)->stateAt(t0.addSecs(80)), State::Ok);

        registry.setPaused(u"CustA"_s, true);
        QCOMPARE(registry.tenant(u"CustA"_s)->stateAt(t0.addSecs(80)), State::Paused);
    }

    void listAndForget()
    {
        QTemporaryDir dir;
        ms::TenantRegistry registry(dir.path());
        const auto now = QDateTime::currentDateTimeUtc();
        registry.recordCall(u"CustB"_s, u"Authenticate"_s, now);
        registry.recordCall(u"CustA"_s, u"Authenticate"_s, now);
        QCOMPARE(registry.tenants().size(), 2);
        QCOMPARE(registry.tenants().first().tenant, u"CustA"_s);
        registry.forget(u"CustA"_s);
        QCOMPARE(registry.tenants().size(), 1);
        QVERIFY(!registry.tenant(u"CustA"_s));
    }
};

QTEST_APPLESS_MAIN(TestTenantRegistry)
#include "tst_tenantregistry.moc"
