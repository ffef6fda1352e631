// Export through the table contents pane writes the shown table (its filter and order) as an
// exact RFC 4180 CSV; the filter line edits under the header drive the model after the debounce.

#include "uitestsupport.h"

#include "ui/filterheaderview.h"
#include "ui/tablecontentspane.h"

#include "model/modelroles.h"
#include "model/tablecontentsmodel.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestContentsExport : public QObject
{
    Q_OBJECT

private:
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ms::SqliteMirrorBackend> m_backend;

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<ms::SqliteMirrorBackend>(m_dir.path());
        uitest::addContacts(*m_backend, u"Cust1"_s, 1, 5, 7);
    }

    void exportsTheWholeTable()
    {
        ms::TableContentsModel model(*m_backend);
        ms::ui::TableContentsPane pane(model, *m_backend);
        pane.show();
        pane.showTable(u"Cust1"_s, uitest::contactSchema());
        QTRY_VERIFY(model.isCountKnown());
        QCOMPARE(model.rowCount(), 5);

        const QString path = m_dir.filePath(u"contact.csv"_s);
        QSignalSpy finished(&pane, &ms::ui::TableContentsPane::exportFinished);
        pane.exportCsv(path);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
        QCOMPARE(readAll(path), QByteArray("contact_id,name\r\n"
                                           "1,\"name, \"\"1\"\"\"\r\n"
                                           "2,\r\n"
                                           "3,\r\n"
                                           "4,\"name, \"\"4\"\"\"\r\n"
                                           "5,\"name, \"\"5\"\"\"\r\n"));
        QVERIFY(!QFile::exists(path + u".part"_s));
    }

    void exportsWhatTheFilterShows()
    {
        ms::TableContentsModel model(*m_backend);
        ms::ui::TableContentsPane pane(model, *m_backend);
        pane.show();
        pane.showTable(u"Cust1"_s, uitest::contactSchema());
        QTRY_VERIFY(model.isCountKnown());

        QLineEdit *nameFilter = pane.filterHeader()->editor(1);
        QVERIFY(nameFilter);
        nameFilter->setText(u"\"4"_s);
        QTRY_COMPARE(model.filter(1), u"\"4"_s);
        QTRY_VERIFY(model.isCountKnown());
        QTRY_COMPARE(model.rowCount(), 1);

        const QString path = m_dir.filePath(u"filtered.csv"_s);
        QSignalSpy finished(&pane, &ms::ui::TableContentsPane::exportFinished);
        pane.exportCsv(path);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(readAll(path), QByteArray("contact_id,name\r\n4,\"name, \"\"4\"\"\"\r\n"));
    }

    void nullIsShownDistinctlyFromEmptyText()
    {
        ms::TableContentsModel model(*m_backend);
        ms::ui::TableContentsPane pane(model, *m_backend);
        pane.show();
        pane.showTable(u"Cust1"_s, uitest::contactSchema());
        QTRY_VERIFY(model.index(2, 1).data(ms::LoadedRole).toBool());
        const QModelIndex null = model.index(1, 1);
        const QModelIndex empty = model.index(2, 1);
        QVERIFY(null.data(ms::IsNullRole).toBool());
        QVERIFY(!empty.data(ms::IsNullRole).toBool());
        QVERIFY(null.data().toString() != empty.data().toString());
    }
};

QTEST_MAIN(TestContentsExport)
#include "tst_contentsexport.moc"
