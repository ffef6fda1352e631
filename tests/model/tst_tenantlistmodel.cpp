#include "model/modelroles.h"
#include "model/tenantlistmodel.h"
#include "modeltestsupport.h"
#include "service/state/tenantregistry.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using modeltest::MirrorDir;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 11, 23), QTime(10, 0, 0), Qt::UTC);

TableSchema named(const QString &name)
{
    TableSchema schema = modeltest::personSchema();
    schema.tableName = name;
    return schema;
}

CallRecord call(const QString &tenant, const QString &operation, const QDateTime &time,
                bool ok = true)
{
    CallRecord record;
    record.time = time;
    record.tenant = tenant;
    record.operation = operation;
    record.ok = ok;
    record.rows = 10;
    return record;
}

} // namespace

class TstTenantListModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void mergesRegistryAndMirrors();
    void noteCallIsCoalesced();
    void noteCallAddsUnknownTenants();
    void refreshKeepsRows();

private:
    std::unique_ptr<MirrorDir> m_mirror;
    std::unique_ptr<TenantRegistry> m_registry;
};

void TstTenantListModel::init()
{
    m_mirror = std::make_unique<MirrorDir>();
    m_registry = std::make_unique<TenantRegistry>(m_mirror->dir.path());
    // Cust1: a completed cycle and a mirror of two tables; Cust2: registry only, failed;
    // Cust3: a mirror the registry does not know (say, copied in by hand).
    m_registry->recordCycleStarted(u"Cust1"_s, Now.addSecs(-600));
    m_registry->recordCall(u"Cust1"_s, u"ReplicationCompleted"_s, Now.addSecs(-500));
    m_registry->recordCycleCompleted(u"Cust1"_s, Now.addSecs(-500));
    m_registry->recordCycleStarted(u"Cust2"_s, Now.addSecs(-300));
    m_registry->recordFailure(u"Cust2"_s, u"disk full"_s, Now.addSecs(-290));
    m_mirror->createTables(u"Cust1"_s, {named(u"a"_s), named(u"b"_s)});
    m_mirror->insertRows(u"Cust1"_s, u"a"_s, {u"id"_s}, 7,
                         [](qint64 n) -> QVariantList { return {qlonglong(n)}; });
    m_mirror->insertRows(u"Cust1"_s, u"b"_s, {u"id"_s}, 5,
                         [](qint64 n) -> QVariantList { return {qlonglong(n)}; });
    m_mirror->createTables(u"Cust3"_s, {named(u"c"_s)});
}

void TstTenantListModel::cleanup()
{
    m_registry.reset();
    m_mirror.reset();
}

void TstTenantListModel::mergesRegistryAndMirrors()
{
    TenantListModel model(*m_registry, m_mirror->backend);
    model.setClock([] { return Now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &TenantListModel::refreshed);
    model.refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    const auto cell = [&](const QString &tenant, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(model.rowOf(tenant), column), role);
    };
    QCOMPARE(model.tenant(0), u"Cust1"_s);
    QCOMPARE(cell(u"Cust1"_s, TenantListModel::Status).toString(), u"OK"_s);
    QCOMPARE(cell(u"Cust1"_s, TenantListModel::Tables).toString(), u"2"_s);
    QCOMPARE(cell(u"Cust1"_s, TenantListModel::Rows).toString(), u"12"_s);
    QCOMPARE(cell(u"Cust1"_s, TenantListModel::Outcome).toString(), u"Completed"_s);
    QVERIFY(!cell(u"Cust1"_s, TenantListModel::LastCycle).toString().isEmpty());
    QCOMPARE(cell(u"Cust1"_s, TenantListModel::LastCycle, SortRole).toDateTime(),
             Now.addSecs(-500));
    QCOMPARE(cell(u"Cust2"_s, TenantListModel::Status).toString(), u"error"_s);
    QCOMPARE(cell(u"Cust2"_s, TenantListModel::Tables).toString(), QString());
    QVERIFY(cell(u"Cust2"_s, TenantListModel::Outcome).toString().contains(u"disk full"_s));
    QCOMPARE(cell(u"Cust2"_s, 0, StateRole).toInt(), int(TenantStatus::State::Error));
    QCOMPARE(cell(u"Cust3"_s, TenantListModel::Status).toString(), u"never completed"_s);
    QCOMPARE(cell(u"Cust3"_s, TenantListModel::Tables).toString(), u"1"_s);
    QCOMPARE(cell(u"Cust3"_s, TenantListModel::Rows, SortRole).toLongLong(), 0);
    QCOMPARE(cell(u"Cust3"_s, 0, TenantRole).toString(), u"Cust3"_s);
    QVERIFY(!m_mirror->backend.exists(u"Cust2"_s)); // listing never creates a mirror
}

void TstTenantListModel::noteCallIsCoalesced()
{
    TenantListModel model(*m_registry, m_mirror->backend);
    model.setClock([] { return Now; });
    QSignalSpy refreshed(&model, &TenantListModel::refreshed);
    model.refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    const int row = model.rowOf(u"Cust1"_s);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.noteCall(call(u"Cust1"_s, u"Authenticate"_s, Now.addSecs(-2)));
    for (int i = 0; i < 2000; ++i)
        model.noteCall(call(u"Cust1"_s, u"RowData"_s, Now.addSecs(-1)));
    model.noteCall(call(u"Cust2"_s, u"RowData"_s, Now.addSecs(-1)));
    QCOMPARE(changed.size(), 0);
    QTRY_COMPARE(changed.size(), 2);
    QTest::qWait(2 * TenantListModel::CoalesceMs);
    QCOMPARE(changed.size(), 2); // one per tenant, not one per call
    QCOMPARE(model.data(model.index(row, TenantListModel::Status)).toString(), u"receiving"_s);
    QCOMPARE(model.summary(row).status.lastOperation, u"RowData"_s);
}

void TstTenantListModel::noteCallAddsUnknownTenants()
{
    TenantListModel model(*m_registry, m_mirror->backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.noteCall(call(u"Cust9"_s, u"Authenticate"_s, Now));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.tenant(0), u"Cust9"_s);
    model.noteCall(call(QString(), u"Authenticate"_s, Now, false)); // a refused token
    QCOMPARE(model.rowCount(), 1);
}

void TstTenantListModel::refreshKeepsRows()
{
    TenantListModel model(*m_registry, m_mirror->backend);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &TenantListModel::refreshed);
    model.refresh();
    QTRY_COMPARE(refreshed.size(), 1);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    m_mirror->backend.deleteTenant(u"Cust3"_s);
    m_registry->setPaused(u"Cust1"_s, true);
    model.refresh();
    QTRY_COMPARE(refreshed.size(), 2);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(model.rowOf(u"Cust1"_s), TenantListModel::Status)).toString(),
             u"paused"_s);
}

QTEST_GUILESS_MAIN(TstTenantListModel)
#include "tst_tenantlistmodel.moc"
