// The tables pane follows the endpoint: after rows are committed to the mirror and the
// endpoint reports the RowData call (callsArrived, as EndpointController batches callServed),
// the pane shows the new row count without a manual refresh.

#include "uitestsupport.h"

#include "ui/endpointcontroller.h"
#include "ui/mainwindow.h"
#include "ui/tablespane.h"
#include "ui/tenantspane.h"

#include "model/modelroles.h"
#include "model/tablelistmodel.h"
#include "service/endpoint/callrecord.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTablesPaneLive : public QObject
{
    Q_OBJECT

private:
    static qint64 shownRows(QTableView *view, const QString &table)
    {
        QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ms::TableListModel::Table).data().toString() == table)
                return model->index(row, ms::TableListModel::Rows).data(ms::SortRole).toLongLong();
        }
        return -1;
    }

    static ms::CallRecord rowDataCall(const QString &tenant, qint64 rows)
    {
        ms::CallRecord call;
        call.time = QDateTime::currentDateTimeUtc();
        call.tenant = tenant;
        call.operation = u"RowData"_s;
        call.ok = true;
        call.rows = rows;
        return call;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newRowsAppearAfterRowData()
    {
        QTemporaryDir dir;
        ms::ui::EndpointController endpoint(dir.path());
        uitest::addContacts(endpoint.backend(), u"Cust7"_s, 1, 10, 10);
        ms::ui::MainWindow window(endpoint);
        window.show();
        window.tenantsPane()->selectTenant(u"Cust7"_s);
        QTableView *tables = window.tablesPane()->view();
        QTRY_COMPARE(shownRows(tables, u"contact"_s), 10);

        // What the endpoint does for a RowData call: commit through the store, then report it.
        uitest::addContacts(endpoint.backend(), u"Cust7"_s, 11, 25, 20);
        Q_EMIT endpoint.callsArrived({rowDataCall(u"Cust7"_s, 25)});
        QTRY_COMPARE(shownRows(tables, u"contact"_s), 35);
        const QModelIndex lsn = tables->model()->index(0, ms::TableListModel::Lsn);
        QTRY_COMPARE(lsn.data(ms::SortRole).toLongLong(), 20);
    }

    void otherTenantsCallsDoNotReloadTheList()
    {
        QTemporaryDir dir;
        ms::ui::EndpointController endpoint(dir.path());
        uitest::addContacts(endpoint.backend(), u"Cust7"_s, 1, 10, 10);
        uitest::addContacts(endpoint.backend(), u"Cust8"_s, 1, 3, 10);
        ms::ui::MainWindow window(endpoint);
        window.show();
        window.tenantsPane()->selectTenant(u"Cust7"_s);
        QTableView *tables = window.tablesPane()->view();
        QTRY_COMPARE(shownRows(tables, u"contact"_s), 10);

        auto *model = window.findChild<ms::TableListModel *>();
        QSignalSpy refreshed(model, &ms::TableListModel::refreshed);
        uitest::addContacts(endpoint.backend(), u"Cust8"_s, 4, 5, 20);
        Q_EMIT endpoint.callsArrived({rowDataCall(u"Cust8"_s, 5)});
        QTest::qWait(1000);
        QCOMPARE(refreshed.size(), 0);
        QCOMPARE(shownRows(tables, u"contact"_s), 10);
    }
};

QTEST_MAIN(TestTablesPaneLive)
#include "tst_tablespanelive.moc"
