#include "model/modelroles.h"
#include "model/tablefilterproxymodel.h"
#include "model/tablelistmodel.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using modeltest::MirrorDir;

namespace {

const QString Tenant = u"Cust1"_s;

TableSchema named(const QString &name)
{
    TableSchema schema = modeltest::personSchema();
    schema.tableName = name;
    return schema;
}

QVariantList idRow(qint64 n)
{
    return {qlonglong(n + 1)};
}

} // namespace

class TstTableListModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsTablesWithMetadataAndRowCounts();
    void refreshUpdatesInPlace();
    void proxySortsNumericallyAndFiltersByName();
    void tenantWithoutMirrorIsEmpty();

private:
    std::unique_ptr<MirrorDir> m_mirror;
};

void TstTableListModel::init()
{
    m_mirror = std::make_unique<MirrorDir>();
    m_mirror->createTables(Tenant, {named(u"alpha"_s), named(u"beta"_s), named(u"gamma"_s)});
    m_mirror->insertRows(Tenant, u"alpha"_s, {u"id"_s}, 9, idRow);
    m_mirror->insertRows(Tenant, u"beta"_s, {u"id"_s}, 10, idRow);
    m_mirror->insertRows(Tenant, u"gamma"_s, {u"id"_s}, 100, idRow);
    const auto store = m_mirror->backend.open(Tenant);
    const auto transaction = store->beginRowData();
    transaction->beginBatch(u"beta"_s, {u"id"_s, u"name"_s});
    transaction->row(RowOperation::Insert, 7,
                     {CellValue{u"500"_s, false}, CellValue{u"x"_s, false}});
    transaction->endBatch(42);
    transaction->commit();
    store->recordCycleSummary({TableCounts{u"beta"_s, 42, 1, 2, 3}});
}

void TstTableListModel::cleanup()
{
    m_mirror.reset();
}

void TstTableListModel::listsTablesWithMetadataAndRowCounts()
{
    TableListModel model(m_mirror->backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &TableListModel::refreshed);
    model.setTenant(Tenant);
    QCOMPARE(model.tenant(), Tenant);
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(TableListModel::ColumnCount));
    const int beta = model.rowOf(u"beta"_s);
    QVERIFY(beta >= 0);
    QCOMPARE(model.rowOf(u"nope"_s), -1);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role);
    };
    QCOMPARE(cell(beta, TableListModel::Table).toString(), u"beta"_s);
    QCOMPARE(cell(beta, TableListModel::Lsn).toLongLong(), 42);
    QCOMPARE(cell(beta, TableListModel::Rows).toString(), u"11"_s);
    QCOMPARE(cell(beta, TableListModel::Inserted).toString(), u"1"_s);
    QCOMPARE(cell(beta, TableListModel::Updated).toString(), u"2"_s);
    QCOMPARE(cell(beta, TableListModel::Deleted).toString(), u"3"_s);
    const QString hash = model.summary(beta).table.schemaHash;
    QVERIFY(hash.size() > 8);
    QCOMPARE(cell(beta, TableListModel::SchemaHash).toString(), hash.left(8));
    QCOMPARE(cell(beta, TableListModel::SchemaHash, Qt::ToolTipRole).toString(), hash);
    QVERIFY(cell(beta, TableListModel::LastChange, SortRole).toDateTime().isValid());
    QCOMPARE(cell(model.rowOf(u"alpha"_s), TableListModel::Lsn).toLongLong(), -1);
    QCOMPARE(cell(model.rowOf(u"gamma"_s), TableListModel::Rows, SortRole).toLongLong(), 100);
    QCOMPARE(model.headerData(TableListModel::Lsn, Qt::Horizontal).toString(), u"LSN"_s);
}

void TstTableListModel::refreshUpdatesInPlace()
{
    TableListModel model(m_mirror->backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &TableListModel::refreshed);
    model.setTenant(Tenant);
    QTRY_COMPARE(refreshed.size(), 1);
    m_mirror->backend.open(Tenant)->repopulate({u"alpha"_s}); // drops the table
    m_mirror->insertRows(Tenant, u"gamma"_s, {u"id"_s}, 5,
                         [](qint64 n) -> QVariantList { return {qlonglong(1000 + n)}; });
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.refresh();
    QTRY_COMPARE(refreshed.size(), 2);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(u"alpha"_s), -1);
    QCOMPARE(model.summary(model.rowOf(u"gamma"_s)).rows, 105);
}

void TstTableListModel::proxySortsNumericallyAndFiltersByName()
{
    TableListModel model(m_mirror->backend);
    TableFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &TableListModel::refreshed);
    model.setTenant(Tenant);
    QTRY_COMPARE(refreshed.size(), 1);
    const auto names = [&] {
        QStringList out;
        for (int row = 0; row < proxy.rowCount(); ++row)
            out.append(proxy.index(row, TableListModel::Table).data().toString());
        return out;
    };
    // alpha 9, beta 11, gamma 100 rows: as text "100" < "11" < "9".
    proxy.sort(TableListModel::Rows, Qt::AscendingOrder);
    QCOMPARE(names(), (QStringList{u"alpha"_s, u"beta"_s, u"gamma"_s}));
    proxy.sort(TableListModel::Rows, Qt::DescendingOrder);
    QCOMPARE(names(), (QStringList{u"gamma"_s, u"beta"_s, u"alpha"_s}));
    proxy.setNameFilter(u"A"_s);
    QCOMPARE(names(), (QStringList{u"gamma"_s, u"beta"_s, u"alpha"_s}));
    proxy.setNameFilter(u"mm"_s);
    QCOMPARE(names(), QStringList{u"gamma"_s});
    QCOMPARE(proxy.nameFilter(), u"mm"_s);
    proxy.setNameFilter(QString());
    QCOMPARE(proxy.rowCount(), 3);
}

void TstTableListModel::tenantWithoutMirrorIsEmpty()
{
    TableListModel model(m_mirror->backend);
    QSignalSpy refreshed(&model, &TableListModel::refreshed);
    model.setTenant(Tenant);
    QTRY_COMPARE(refreshed.size(), 1);
    model.setTenant(u"Other"_s);
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(refreshed.size(), 2);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!m_mirror->backend.exists(u"Other"_s));
    model.setTenant(QString());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TstTableListModel)
#include "tst_tablelistmodel.moc"
