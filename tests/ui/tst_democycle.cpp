// Run demo cycle: against a running endpoint with the session's demo identity, the in-process
// Mirroring Task mirrors tenant Demo1, and the demo signing certificate is trusted only during
// the run.

#include "ui/democycle.h"
#include "ui/endpointcontroller.h"
#include "ui/endpointsetup.h"

#include "service/endpoint/mirroringservice.h"
#include "service/store/mirrorbackend.h"
#include "service/store/mirrorstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDemoCycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mirrorsTheDemoTenant()
    {
        QTemporaryDir dir;
        ms::ui::EndpointController endpoint(dir.path());
        ms::ui::DemoCycle demo(endpoint);
        QVERIFY(!demo.start()); // the endpoint is stopped
        QVERIFY(endpoint.start(ms::ui::demoEndpointSetup(u"127.0.0.1:0"_s)));
        const int trustedBefore = int(endpoint.service()->trustedCertificates().size());

        QSignalSpy finished(&demo, &ms::ui::DemoCycle::finished);
        QVERIFY(demo.start());
        QVERIFY(demo.isRunning());
        // The signer's key is made off the GUI thread: it is trusted once made (the cycle's
        // success below needs that), and no longer once the cycle ends.
        QVERIFY(!demo.start()); // one at a time
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 120000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(endpoint.service()->trustedCertificates().size(), trustedBefore);

        QVERIFY(endpoint.backend().exists(ms::ui::DemoCycle::DemoTenant));
        const QList<ms::MirroredTable> tables =
            endpoint.backend().open(ms::ui::DemoCycle::DemoTenant)->tables();
        QVERIFY(tables.size() > 10);
        for (const ms::MirroredTable &table : tables)
            QVERIFY2(table.lsn > 0, qPrintable(table.tableName));
        QVERIFY(QFile::exists(demo.sourcePath()));
    }
};

QTEST_MAIN(TestDemoCycle)
#include "tst_democycle.moc"
