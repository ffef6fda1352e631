#include "service/state/eventlog.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

class TestEventLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appendAndQueryByTenantSeverityAndTime()
    {
        QTemporaryDir dir;
        ms::EventLog log(dir.path());
        const QDateTime t0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        log.append({0, t0, u"CustA"_s, ms::Severity::Information, u"ReplicationCompleted"_s,
                    u"Cycle completed"_s, u"contact: 10 inserted"_s});
        log.append({0,
                    t0.addSecs(60),
                    u"CustB"_s,
                    ms::Severity::Warning,
                    u"Wipe"_s,
                    u"Wiped table contact"_s,
                    {}});
        const auto e3 = log.append({0, t0.addSecs(120), u"CustA"_s, ms::Severity::Error,
                                    u"RowData"_s, u"Row refused"_s, u"NOT NULL: person.name"_s});
        QVERIFY(e3.id > 0);

        QCOMPARE(log.count(), 3);
        const auto all = log.query({});
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().message, u"Row refused"_s); // newest first
        QCOMPARE(all.first().time, t0.addSecs(120));

        ms::EventQuery byTenant;
        byTenant.tenant = u"CustA"_s;
        QCOMPARE(log.query(byTenant).size(), 2);

        ms::EventQuery warnings;
        warnings.minimumSeverity = ms::Severity::Warning;
        QCOMPARE(log.query(warnings).size(), 2);

        ms::EventQuery window;
        window.since = t0.addSecs(30);
        window.until = t0.addSecs(90);
        const auto windowed = log.query(window);
        QCOMPARE(windowed.size(), 1);
        QCOMPARE(windowed.first().tenant, u"CustB"_s);

        ms::EventQuery text;
        text.text = u"not null"_s;
        QCOMPARE(log.query(text).size(), 1);

        ms::EventQuery older;
        older.beforeId = e3.id;
        QCOMPARE(log.query(older).size(), 2);
    }

    void persistsAcrossInstances()
    {
        QTemporaryDir dir;
        {
            ms::EventLog log(dir.path());
            log.append(u"CustA"_s, ms::Severity::Information, u"Invalidate"_s,
                       ms::eventmessage::tableWiped(u"hello"_s));
        }
        ms::EventLog reopened(dir.path());
        const ms::Event event = reopened.query({}).value(0);
        QCOMPARE(event.message, u"Wiped table hello: all rows removed, LSN set to -1"_s);
        QCOMPARE(event.code, u"table.wiped"_s);
        QCOMPARE(event.arguments, QStringList{u"hello"_s});
    }

    void staysBounded()
    {
        QTemporaryDir dir;
        ms::EventLog log(dir.path(), 100);
        for (int i = 0; i < 1000; ++i)
            log.append(
                {0, {}, u"CustA"_s, ms::Severity::Information, u"X"_s, QString::number(i), {}});
        QVERIFY2(log.count() <= 100 + 256, qPrintable(QString::number(log.count())));
        QCOMPARE(log.query({}).first().message, u"999"_s);
    }

    void storesCodeAndArguments()
    {
        QTemporaryDir dir;
        ms::EventLog log(dir.path());
        // Arguments keep their exact text: commas, quotes, brackets and non-ASCII included.
        const QStringList tables{u"contact"_s, u"person, \"x\" [1] æøå"_s};
        const ms::Event written =
            log.append(u"CustA"_s, ms::Severity::Information, u"TableSchema"_s,
                       ms::eventmessage::tablesCreated(tables));
        QCOMPARE(written.code, u"schema.created"_s);
        const ms::Event read = log.query({}).value(0);
        QCOMPARE(read.code, u"schema.created"_s);
        QCOMPARE(read.arguments, (QStringList{u"2"_s, tables.join(u", "_s)}));
        QCOMPARE(read.message, u"Created 2 table(s): "_s + tables.join(u", "_s));
    }

    void opensALogWrittenBeforeCodes()
    {
        QTemporaryDir dir;
        {
            // The schema of the first versions: no code, no arguments.
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(qPrintable(ms::EventLog::filePath(dir.path())), &db), SQLITE_OK);
            const char *old = "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, time "
                              "INTEGER NOT NULL, tenant TEXT NOT NULL, severity INTEGER NOT NULL, "
                              "operation TEXT NOT NULL, message TEXT NOT NULL, details TEXT NOT "
                              "NULL);"
                              "INSERT INTO events(time, tenant, severity, operation, message, "
                              "details) VALUES (0, 'CustA', 1, 'Wipe', 'old text', '');";
            QCOMPARE(sqlite3_exec(db, old, nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
        }
        ms::EventLog log(dir.path());
        log.append(u"CustA"_s, ms::Severity::Information, u"Pause"_s, ms::eventmessage::paused());
        const QList<ms::Event> events = log.query({});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).message, u"old text"_s);
        QVERIFY(events.at(1).code.isEmpty());
        QVERIFY(events.at(1).arguments.isEmpty());
        QCOMPARE(events.at(0).code, u"admin.paused"_s);
        // Opening it again finds the columns added and changes nothing.
        ms::EventLog reopened(dir.path());
        QCOMPARE(reopened.count(), 2);
    }

    void severityNames()
    {
        QCOMPARE(ms::severityFromName(u"warning"), ms::Severity::Warning);
        QCOMPARE(ms::severityFromName(u"ERROR"), ms::Severity::Error);
        QCOMPARE(ms::severityFromName(u"info"), ms::Severity::Information);
        QCOMPARE(ms::severityFromName(u"x"), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
