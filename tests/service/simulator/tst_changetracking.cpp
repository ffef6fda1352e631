#include "service/simulator/changeset.h"
#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/mutator.h"
#include "service/simulator/sourcedatabase.h"

#include <QDateTime>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {
TableSchema smallTable()
{
    TableSchema t;
    t.tableName = u"item"_s;
    t.primaryKey = {u"item_id"_s};
    t.columns = {{u"item_id"_s, u"int"_s, false, std::nullopt},
                 {u"name"_s, u"nvarchar(50)"_s, true, std::nullopt}};
    return t;
}
QList<QVariant> item(qint64 id, const QString &name)
{
    return {QVariant::fromValue(id), QVariant::fromValue(name)};
}
} // namespace

class TestChangeTracking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void netChangesFold()
    {
        using Op = RowOperation;
        const QList<ChangeLogEntry> log = {
            {10, Op::Insert, u"[1]"_s}, {11, Op::Update, u"[1]"_s}, {12, Op::Update, u"[2]"_s},
            {13, Op::Delete, u"[2]"_s}, {14, Op::Delete, u"[3]"_s}, {15, Op::Insert, u"[3]"_s},
            {16, Op::Update, u"[4]"_s}, {17, Op::Update, u"[1]"_s},
        };
        // Shuffled input: the fold must not rely on log order.
        QList<ChangeLogEntry> shuffled = log;
        std::reverse(shuffled.begin(), shuffled.end());
        const QList<NetChange> expected = {{u"[2]"_s, Op::Update, 13},
                                           {u"[3]"_s, Op::Delete, 15},
                                           {u"[4]"_s, Op::Update, 16},
                                           {u"[1]"_s, Op::Insert, 17}};
        QCOMPARE(netChanges(shuffled), expected);
    }

    void wireOperations()
    {
        using Op = RowOperation;
        QCOMPARE(wireOperation(Op::Insert, true), Op::Insert);
        QCOMPARE(wireOperation(Op::Update, true), Op::Update);
        QCOMPARE(wireOperation(Op::Delete, true), Op::Insert);
        QCOMPARE(wireOperation(Op::Insert, false), Op::Delete);
        QCOMPARE(wireOperation(Op::Update, false), Op::Delete);
        QCOMPARE(wireOperation(Op::Delete, false), Op::Delete);
    }

    void triggersLogEveryChange()
    {
        QTemporaryDir dir;
        SourceDatabase source(dir.filePath(u"s.db"_s));
        source.setTracking(false);
        source.createTable(smallTable());
        source.insertRow(u"item"_s, item(1, u"before tracking"_s));
        source.insertRow(u"item"_s, item(2, u"doomed"_s));
        source.setTracking(true);
        QCOMPARE(source.currentLsn(), 0);
        source.insertRow(u"item"_s, item(3, u"new"_s));
        source.updateRow(u"item"_s, item(3, u"new, edited"_s));
        source.updateRow(u"item"_s, item(1, u"edited"_s));
        source.deleteRow(u"item"_s, {QVariant::fromValue(qint64(2))});
        QCOMPARE(source.currentLsn(), 4);

        const QList<SourceRow> changes = source.changesAfter(source.table(u"item"_s), 0);
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(0).operation, RowOperation::Insert);
        QCOMPARE(changes.at(0).lsn, 2);
        QCOMPARE(changes.at(0).values, item(3, u"new, edited"_s));
        QCOMPARE(changes.at(1).operation, RowOperation::Update);
        QCOMPARE(changes.at(1).values, item(1, u"edited"_s));
        QCOMPARE(changes.at(2).operation, RowOperation::Delete);
        QCOMPARE(changes.at(2).lsn, 4);
        QCOMPARE(changes.at(2).values,
                 (QList<QVariant>{QVariant::fromValue(qint64(2)), QVariant()}));
        QCOMPARE(source.changesAfter(source.table(u"item"_s), 2).size(), 2);
        QVERIFY(source.changesAfter(source.table(u"item"_s), 4).isEmpty());

        // A full read gives each row the LSN of its last change, nil for untouched old rows.
        QList<std::optional<qint64>> lsns;
        source.forEachRow(u"item"_s, [&](const SourceRow &row) { lsns.append(row.lsn); });
        QCOMPARE(lsns, (QList<std::optional<qint64>>{3, 2}));
    }

    void rowLsnsForEveryKindOfKey()
    {
        // A full read finds each changed row's LSN by its key JSON: integer keys are written by
        // the reader, any other key by SQLite's json_array; both must match what the triggers
        // logged, or the row goes without its LSN.
        QTemporaryDir dir;
        SourceDatabase source(dir.filePath(u"s.db"_s));
        const auto keyed = [](const QString &name, const QList<ColumnSchema> &keys) {
            TableSchema t;
            t.tableName = name;
            for (const ColumnSchema &key : keys) {
                t.columns.append(key);
                t.primaryKey.append(key.name);
            }
            t.columns.append({u"note"_s, u"nvarchar(50)"_s, true, std::nullopt});
            return t;
        };
        const QList<TableSchema> tables = {
            keyed(u"by_text"_s, {{u"k"_s, u"nvarchar(50)"_s, false, std::nullopt}}),
            keyed(u"by_real"_s, {{u"k"_s, u"float"_s, false, std::nullopt}}),
            keyed(u"by_two"_s, {{u"a"_s, u"int"_s, false, std::nullopt},
                                {u"b"_s, u"bigint"_s, false, std::nullopt}}),
            keyed(u"by_mixed"_s, {{u"a"_s, u"int"_s, false, std::nullopt},
                                  {u"b"_s, u"nvarchar(50)"_s, false, std::nullopt}}),
        };
        const QList<QList<QVariant>> keys[] = {
            {{u"plain"_s},
             {u"quote\"back\\slash/"_s},
             {u"ctl\u0001\ttab\n"_s},
             {u"\u00fcn\u00ef\U0001F600"_s},
             {u"12"_s}},
            {{0.1}, {1e300}, {-2.5}, {1.0 / 3}},
            {{qint64(1), qint64(-9223372036854775807LL - 1)},
             {qint64(2), qint64(9223372036854775807LL)},
             {qint64(3), qint64(0)}},
            {{qint64(1), u"x"_s}, {qint64(1), u"\"y\""_s}, {qint64(2), u"x"_s}},
        };
        source.setTracking(false);
        for (qsizetype t = 0; t < tables.size(); ++t) {
            source.createTable(tables.at(t));
            for (const QList<QVariant> &key : keys[t])
                source.insertRow(tables.at(t).tableName, key + QList<QVariant>{u"old"_s});
        }
        source.setTracking(true);
        // Every other row changed: its last change's LSN, the others nil.
        QHash<QString, QHash<QString, qint64>> expected;
        const auto keyText = [](const QList<QVariant> &values, qsizetype n) {
            QStringList parts;
            for (qsizetype i = 0; i < n; ++i)
                parts.append(values.at(i).toString());
            return parts.join(u'|');
        };
        for (qsizetype t = 0; t < tables.size(); ++t) {
            for (qsizetype r = 0; r < keys[t].size(); r += 2) {
                source.updateRow(tables.at(t).tableName, keys[t].at(r) + QList<QVariant>{u"new"_s});
                expected[tables.at(t).tableName].insert(
                    keyText(keys[t].at(r), keys[t].at(r).size()), source.currentLsn());
            }
        }
        for (qsizetype t = 0; t < tables.size(); ++t) {
            const TableSchema &table = tables.at(t);
            const qsizetype keyCount = table.primaryKey.size();
            qsizetype rows = 0;
            source.forEachRow(table.tableName, [&](const SourceRow &row) {
                ++rows;
                const QString key = keyText(row.values, keyCount);
                const auto it = expected.value(table.tableName).constFind(key);
                const std::optional<qint64> want = it == expected.value(table.tableName).constEnd()
                                                       ? std::nullopt
                                                       : std::optional(*it);
                QVERIFY2(row.lsn == want, qPrintable(table.tableName + u": "_s + key));
            });
            QCOMPARE(rows, keys[t].size());
            qsizetype withLsn = 0;
            source.forEachWireRow(
                table.tableName, [&](const SourceWireRow &row) { withLsn += row.lsn.has_value(); });
            QCOMPARE(withLsn, expected.value(table.tableName).size());
        }
    }

    void changeWindowPrunes()
    {
        QTemporaryDir dir;
        SourceDatabase source(dir.filePath(u"s.db"_s));
        source.createTable(smallTable());
        for (qint64 i = 1; i <= 5; ++i)
            source.insertRow(u"item"_s, item(i, u"x"_s));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        source.pruneChangeLog(now);
        QCOMPARE(source.oldestValidLsn(), 0);
        source.ageChangeLog(8 * 86400);
        source.insertRow(u"item"_s, item(6, u"fresh"_s));
        source.pruneChangeLog(now);
        QCOMPARE(source.oldestValidLsn(), 5);
        QCOMPARE(source.currentLsn(), 6);
        QCOMPARE(source.changesAfter(source.table(u"item"_s), 0).size(), 1);
        // Pruning everything keeps the LSN counter going.
        source.ageChangeLog(8 * 86400);
        source.pruneChangeLog(now);
        QCOMPARE(source.currentLsn(), 6);
        source.insertRow(u"item"_s, item(7, u"later"_s));
        QCOMPARE(source.currentLsn(), 7);
    }

    void mutatorIsDeterministicAndLogged()
    {
        QTemporaryDir dir;
        for (const QString &name : {u"a.db"_s, u"b.db"_s})
            DemoSourceGenerator(3).generate(dir.filePath(name), 200);
        SourceDatabase a(dir.filePath(u"a.db"_s));
        SourceDatabase b(dir.filePath(u"b.db"_s));
        const qint64 before = a.currentLsn();
        const Mutator::Summary sa = Mutator(a, 99).applyChanges(60);
        const Mutator::Summary sb = Mutator(b, 99).applyChanges(60);
        QCOMPARE(sa.inserted + sa.updated + sa.deleted, 60);
        QVERIFY(sa.inserted > 0 && sa.updated > 0 && sa.deleted > 0);
        QCOMPARE(sb.inserted, sa.inserted);
        QCOMPARE(sb.deleted, sa.deleted);
        QCOMPARE(a.currentLsn(), before + 60);
        qint64 netRows = 0;
        for (const TableSchema &table : a.tables()) {
            const QList<SourceRow> changes = a.changesAfter(table, before);
            netRows += changes.size();
            QCOMPARE(b.changesAfter(b.table(table.tableName), before).size(), changes.size());
            for (qsizetype i = 1; i < changes.size(); ++i)
                QVERIFY(*changes.at(i - 1).lsn < *changes.at(i).lsn); // oldest first
        }
        QVERIFY(netRows > 0 && netRows <= 60);
    }

    void schemaChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.db"_s);
        DemoSourceGenerator(5).generate(path, 200);
        SourceDatabase source(path);
        Mutator mutator(source, 1);
        const qint64 lsn = source.currentLsn();
        const qint64 contacts = source.rowCount(u"contact"_s);

        const QString added = mutator.addCompatibleColumn(u"contact"_s);
        const TableSchema contact = source.table(u"contact"_s);
        QCOMPARE(contact.columns.constLast().name, added);
        QVERIFY(contact.columns.constLast().isNullable);
        QVERIFY(source.rowAt(u"contact"_s, 0)->constLast().isNull());

        mutator.changeColumnType(u"person"_s, u"gender"_s, u"nvarchar(20)"_s);
        const TableSchema person = source.table(u"person"_s);
        QCOMPARE(person.columns.at(10).dataType, u"nvarchar(20)"_s);
        bool sawText = false;
        source.forEachRow(u"person"_s, [&](const SourceRow &row) {
            QVERIFY(row.values.at(10).isNull() ||
                    row.values.at(10).metaType().id() == QMetaType::QString);
            sawText = sawText || !row.values.at(10).isNull();
        });
        QVERIFY(sawText);
        QCOMPARE(source.tables().at(1).tableName, u"person"_s); // keeps its place

        const QString created = mutator.createTable();
        QCOMPARE(source.rowCount(created), 5);
        mutator.dropTable(u"selection"_s);
        QVERIFY(!source.hasTable(u"selection"_s));
        QVERIFY(!source.connection().tableExists(u"selection"_s));
        // Schema work is not a row change, except the created table's rows.
        QCOMPARE(source.currentLsn(), lsn + 5);
        QCOMPARE(source.rowCount(u"contact"_s), contacts);
    }
    void snapshotAndRestore()
    {
        QTemporaryDir dir;
        SourceDatabase source(dir.filePath(u"s.db"_s));
        source.createTable(smallTable());
        source.insertRow(u"item"_s, item(1, u"one"_s));
        source.snapshotTo(dir.filePath(u"snap.db"_s));
        source.insertRow(u"item"_s, item(2, u"two"_s));
        source.addColumn(u"item"_s, {u"extra"_s, u"int"_s, true, std::nullopt});
        QCOMPARE(source.table(u"item"_s).columns.size(), 3);
        QCOMPARE(source.currentLsn(), 2);
        source.restoreFrom(dir.filePath(u"snap.db"_s));
        QCOMPARE(source.table(u"item"_s).columns.size(), 2); // not the cached schema
        QCOMPARE(source.rowCount(u"item"_s), 1);
        QCOMPARE(source.currentLsn(), 1); // the LSN goes back too: a mirror is now ahead
    }
};

QTEST_APPLESS_MAIN(TestChangeTracking)
#include "tst_changetracking.moc"
