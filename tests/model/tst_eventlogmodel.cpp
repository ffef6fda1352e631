#include "model/eventfilterproxymodel.h"
#include "model/eventlogmodel.h"
#include "model/modelroles.h"
#include "service/state/eventlog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {
/// An event as written before message codes existed: English text only.
Event appendUncoded(EventLog &log, const QString &tenant, Severity severity,
                    const QString &operation, const QString &message, const QString &details = {})
{
    return log.append(Event{0, {}, tenant, severity, operation, message, details});
}
} // namespace

class TstEventLogModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void snapshotHoldsTheNewestOldestFirst();
    void appendSkipsKnownAndSortsById();
    void appendTrimsTheOldest();
    void rolesCarrySeverityTenantAndDetails();
    void proxyFiltersByTenantSeverityAndText();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventLog> m_log;
};

void TstEventLogModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log = std::make_unique<EventLog>(m_dir->path());
    for (int i = 1; i <= 5; ++i)
        appendUncoded(*m_log, u"Cust%1"_s.arg(i % 2), Severity::Information, u"RowData"_s,
                      u"message %1"_s.arg(i));
}

void TstEventLogModel::cleanup()
{
    m_log.reset();
    m_dir.reset();
}

void TstEventLogModel::snapshotHoldsTheNewestOldestFirst()
{
    EventLogModel model(*m_log, 3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0); // nothing before reload()
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.cap(), 3);
    QCOMPARE(model.event(0).message, u"message 3"_s);
    QCOMPARE(model.event(2).message, u"message 5"_s);
    QCOMPARE(model.data(model.index(2, EventLogModel::Message)).toString(), u"message 5"_s);
    QCOMPARE(model.data(model.index(2, EventLogModel::Tenant)).toString(), u"Cust1"_s);
    QCOMPARE(model.data(model.index(2, EventLogModel::Operation)).toString(), u"RowData"_s);
    QVERIFY(!model.data(model.index(2, EventLogModel::Time)).toString().isEmpty());
    QCOMPARE(model.headerData(EventLogModel::Severity, Qt::Horizontal).toString(), u"Severity"_s);
}

void TstEventLogModel::appendSkipsKnownAndSortsById()
{
    EventLogModel model(*m_log, 100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 5);
    const Event known = model.event(4);
    const Event a = appendUncoded(*m_log, u"Cust1"_s, Severity::Warning, u"Wipe"_s, u"six"_s);
    const Event b = appendUncoded(*m_log, u"Cust1"_s, Severity::Error, u"RowData"_s, u"seven"_s);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvents({b, known, a, b});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.event(5).message, u"six"_s);
    QCOMPARE(model.event(6).message, u"seven"_s);
    model.appendEvents({a});
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(inserted.size(), 1);
}

void TstEventLogModel::appendTrimsTheOldest()
{
    EventLogModel model(*m_log, 4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QCOMPARE(model.rowCount(), 4);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QList<Event> batch;
    for (int i = 6; i <= 8; ++i)
        batch.append(appendUncoded(*m_log, u"Cust1"_s, Severity::Information, u"RowData"_s,
                                   u"message %1"_s.arg(i)));
    model.appendEvents(batch);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(removed.first().at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.event(0).message, u"message 5"_s);
    QCOMPARE(model.event(3).message, u"message 8"_s);
    // A batch larger than the cap keeps its newest.
    batch.clear();
    for (int i = 9; i <= 15; ++i)
        batch.append(appendUncoded(*m_log, u"Cust1"_s, Severity::Information, u"RowData"_s,
                                   u"message %1"_s.arg(i)));
    model.appendEvents(batch);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.event(0).message, u"message 12"_s);
    QCOMPARE(model.event(3).message, u"message 15"_s);
}

void TstEventLogModel::rolesCarrySeverityTenantAndDetails()
{
    appendUncoded(*m_log, u"Cust7"_s, Severity::Error, u"Token"_s, u"refused"_s,
                  u"line 1\nline 2"_s);
    EventLogModel model(*m_log);
    model.reload();
    const int last = model.rowCount() - 1;
    const QModelIndex message = model.index(last, EventLogModel::Message);
    QCOMPARE(model.data(message, SeverityRole).toInt(), int(Severity::Error));
    QCOMPARE(model.data(message, TenantRole).toString(), u"Cust7"_s);
    QCOMPARE(model.data(message, DetailsRole).toString(), u"line 1\nline 2"_s);
    QCOMPARE(model.data(message, Qt::ToolTipRole).toString(), u"line 1\nline 2"_s);
    QCOMPARE(model.data(model.index(last, EventLogModel::Severity)).toString(),
             severityName(Severity::Error));
    QVERIFY(model.data(model.index(last, EventLogModel::Time), SortRole).toLongLong() >
            model.data(model.index(0, EventLogModel::Time), SortRole).toLongLong());
}

void TstEventLogModel::proxyFiltersByTenantSeverityAndText()
{
    appendUncoded(*m_log, u"Cust0"_s, Severity::Warning, u"Wipe"_s, u"wiped contact"_s);
    appendUncoded(*m_log, u"Cust1"_s, Severity::Error, u"RowData"_s, u"failed"_s,
                  u"UNIQUE constraint"_s);
    EventLogModel model(*m_log);
    model.reload();
    EventFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setTenant(u"Cust0"_s);
    QCOMPARE(proxy.tenant(), u"Cust0"_s);
    QCOMPARE(proxy.rowCount(), 3); // messages 2, 4 and the wipe
    proxy.setMinimumSeverity(Severity::Warning);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, EventLogModel::Message).data().toString(), u"wiped contact"_s);
    proxy.setTenant(QString());
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setMinimumSeverity(Severity::Error);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setMinimumSeverity(Severity::Information);
    proxy.setText(u"unique"_s); // found in the details
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(u"WIPE"_s); // the operation, case-insensitive
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setText(u"message"_s);
    QCOMPARE(proxy.rowCount(), 5);
    // New rows pass through the filter as they arrive.
    model.appendEvents(
        {appendUncoded(*m_log, u"Cust1"_s, Severity::Information, u"RowData"_s, u"message 6"_s)});
    QCOMPARE(proxy.rowCount(), 6);
}

QTEST_GUILESS_MAIN(TstEventLogModel)
#include "tst_eventlogmodel.moc"
