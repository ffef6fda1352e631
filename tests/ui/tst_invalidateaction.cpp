// Pressing Invalidate in the window (confirmation answered by a scripted Confirmer) sets the
// selected table's LSN to -1 in the mirror file; declining changes nothing.

#include "uitestsupport.h"

#include "ui/adminactions.h"
#include "ui/endpointcontroller.h"
#include "ui/mainwindow.h"
#include "ui/tablespane.h"
#include "ui/tenantspane.h"
#include "ui/windowactions.h"

#include "model/tablelistmodel.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestInvalidateAction : public QObject
{
    Q_OBJECT

private:
    /// Opens the window on dir with Cust12345's contact table selected.
    void selectContact(ms::ui::MainWindow &window)
    {
        window.tenantsPane()->selectTenant(u"Cust12345"_s);
        QTRY_COMPARE(window.tenantsPane()->currentTenant(), u"Cust12345"_s);
        QTableView *tables = window.tablesPane()->view();
        QTRY_COMPARE(tables->model()->rowCount(), 2);
        window.tablesPane()->selectTable(u"contact"_s);
        tables->selectRow(tables->selectionModel()->currentIndex().row());
        QTRY_COMPARE(window.tablesPane()->selectedTables(), QStringList{u"contact"_s});
        QTRY_VERIFY(window.actions().invalidate->isEnabled());
    }

    void makeMirror(const QString &dir)
    {
        ms::SqliteMirrorBackend backend(dir);
        uitest::addContacts(backend, u"Cust12345"_s, 1, 20, 4711);
        const auto store = backend.open(u"Cust12345"_s);
        auto person = uitest::contactSchema();
        person.tableName = u"person"_s;
        store->applySchema({uitest::contactSchema(), person});
        const auto transaction = store->beginRowData();
        transaction->beginBatch(u"person"_s, {u"contact_id"_s, u"name"_s});
        transaction->row(ms::RowOperation::Insert, 99, {{u"1"_s, false}, {u"p"_s, false}});
        transaction->endBatch(99);
        transaction->commit();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void invalidateSelectedTable()
    {
        QTemporaryDir dir;
        makeMirror(dir.path());
        uitest::ScriptedConfirmer confirmer;
        ms::ui::EndpointController endpoint(dir.path());
        ms::ui::MainWindow window(endpoint, &confirmer);
        window.show();
        selectContact(window);

        QSignalSpy finished(&window.adminActions(), &ms::ui::AdminActions::finished);
        window.actions().invalidate->trigger();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(2).toBool(), true);

        QCOMPARE(confirmer.texts.size(), 1);
        QVERIFY2(confirmer.texts.first().contains(u"contact"_s),
                 qPrintable(confirmer.texts.first()));
        QVERIFY(confirmer.texts.first().contains(u"Cust12345_mirroring"_s));
        QVERIFY(confirmer.texts.first().contains(u"-1"_s));
        QVERIFY(confirmer.failures.isEmpty());

        // Read the file again through a backend of our own, as another process would.
        ms::SqliteMirrorBackend check(dir.path());
        QCOMPARE(uitest::lsnOf(check, u"Cust12345"_s, u"contact"_s), -1);
        QCOMPARE(uitest::lsnOf(check, u"Cust12345"_s, u"person"_s), 99);

        // The window shows the new LSN after its refresh.
        auto *model = window.findChild<ms::TableListModel *>();
        QVERIFY(model);
        QTRY_COMPARE(model->summary(model->rowOf(u"contact"_s)).table.lsn, -1);
    }

    void declinedInvalidateChangesNothing()
    {
        QTemporaryDir dir;
        makeMirror(dir.path());
        uitest::ScriptedConfirmer confirmer;
        confirmer.answer = false;
        ms::ui::EndpointController endpoint(dir.path());
        ms::ui::MainWindow window(endpoint, &confirmer);
        window.show();
        selectContact(window);

        QSignalSpy finished(&window.adminActions(), &ms::ui::AdminActions::finished);
        window.actions().invalidate->trigger();
        QCOMPARE(confirmer.texts.size(), 1);
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        ms::SqliteMirrorBackend check(dir.path());
        QCOMPARE(uitest::lsnOf(check, u"Cust12345"_s, u"contact"_s), 4711);
    }

    void invalidateAllNamesEveryTable()
    {
        const QString text = ms::ui::AdminActions::confirmationText(
            ms::ui::AdminActions::Kind::Invalidate, u"Cust12345"_s, {});
        QVERIFY(text.contains(u"every table"_s));
        QVERIFY(text.contains(u"Cust12345_mirroring"_s));
    }
};

QTEST_MAIN(TestInvalidateAction)
#include "tst_invalidateaction.moc"
