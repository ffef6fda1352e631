// PROTOCOL.md "RowData" on every store backend: idempotent upserts and deletes, batch LSNs, one
// transaction per call, big batches and rows that repeat a key, and refusals (s:Client) that
// leave the mirror exactly as it was. The values themselves: tst_rowvalues.

#include "storetestsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace storetest;
using ms::RowOperation;
using ms::TableCounts;

namespace {

const QStringList kContactColumns{u"contact_id"_s, u"name"_s, u"updated"_s};

ms::RowBatch contactBatch(QList<ms::RowBatch::Row> rows, std::optional<qint64> lsn)
{
    return batch(u"contact"_s, kContactColumns, std::move(rows), lsn);
}

ms::RowBatch::Row contact(RowOperation op, int id, const QString &name)
{
    return row(op, vals({QString::number(id), name, std::nullopt}));
}

/// Enough rows that a backend may take its bulk path (PostgreSQL: COPY from 50 rows).
constexpr int kManyRows = 60;

} // namespace

class TestRowData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STORETEST_INIT_BACKEND(); }
    void cleanupTestCase() { finishBackend(); }
    void insertUpdateDeleteAndCounts();
    void insertOfExistingKeyReplacesIt();
    void updateOfMissingKeyInsertsIt();
    void deleteOfMissingKeyIsANoOp();
    void deleteNeedsOnlyTheKey();
    void compositeKey();
    void tableWithOnlyKeyColumns();
    void intermediateBatchKeepsLsnLastBatchRecordsIt();
    void emptyBatchRecordsItsLsn();
    void emptyBatchWithoutColumns();
    void countsPerTableInOrderOfAppearance();
    void lastChangeOnlyForTouchedTables();
    void notNullBreakAtRow500LeavesNothing();
    void notNullColumnMissingFromBatch_data();
    void notNullColumnMissingFromBatch();
    void nullKeyIsRefused();
    void multiBatchCallRollsBackAsAWhole();
    void destroyedUncommittedRollsBack();
    void unusableAfterAFailure();
    void refusedBatches_data();
    void refusedBatches();
    void wrongValueCount();
    void rowDataIsVisibleOnlyAfterCommit();
    void bigBatchInOneCall();
    void sameKeyAgainLaterInTheBatch_data();
    void sameKeyAgainLaterInTheBatch();
};

void TestRowData::insertUpdateDeleteAndCounts()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 3, u"c"_s)}, 1000)});
    // The example of PROTOCOL.md.
    const auto counts = sendRowData(
        *f.store,
        {contactBatch(
            {row(RowOperation::Insert, vals({u"1"_s, u"Acme & Co"_s, std::nullopt}), 1200),
             row(RowOperation::Update, vals({u"2"_s, u"Beta"_s, u"2024-01-31T13:45:00.123"_s})),
             row(RowOperation::Delete, vals({u"3"_s, std::nullopt, std::nullopt}), 1210)},
            1210)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 1210, 1, 1, 1}}));
    RawConnection &db = f.db();
    // datetime is timestamp(3) on PostgreSQL, which prints it with a space.
    const QString updated =
        f.isPostgres() ? u"2024-01-31 13:45:00.123"_s : u"2024-01-31T13:45:00.123"_s;
    QCOMPARE(db.query(u"SELECT * FROM contact ORDER BY contact_id"_s),
             (Rows{{Cell::ofInt(1), Cell::ofText(u"Acme & Co"_s), Cell::null()},
                   {Cell::ofInt(2), Cell::ofText(u"Beta"_s), Cell::ofText(updated)}}));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 1210);
}

void TestRowData::insertOfExistingKeyReplacesIt()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    sendRowData(
        *f.store,
        {contactBatch({row(RowOperation::Insert, vals({u"1"_s, u"old"_s, u"2020-01-01"_s}))}, 1)});
    const auto counts = sendRowData(
        *f.store,
        {contactBatch({row(RowOperation::Insert, vals({u"1"_s, u"new"_s, std::nullopt}))}, 2)});
    QCOMPARE(counts.front().inserted, 1);
    QCOMPARE(f.db().query(u"SELECT * FROM contact"_s),
             (Rows{{Cell::ofInt(1), Cell::ofText(u"new"_s), Cell::null()}}));
}

void TestRowData::updateOfMissingKeyInsertsIt()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    const auto counts =
        sendRowData(*f.store, {contactBatch({contact(RowOperation::Update, 5, u"e"_s)}, 2)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 2, 0, 1, 0}}));
    QCOMPARE(f.db().query(u"SELECT contact_id, name FROM contact"_s),
             (Rows{{Cell::ofInt(5), Cell::ofText(u"e"_s)}}));
}

void TestRowData::deleteOfMissingKeyIsANoOp()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 1, u"a"_s)}, 1)});
    const auto counts =
        sendRowData(*f.store, {contactBatch({contact(RowOperation::Delete, 99, u"x"_s),
                                             contact(RowOperation::Delete, 99, u"x"_s)},
                                            2)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 2, 0, 0, 2}}));
    QCOMPARE(f.db().scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(1));
}

void TestRowData::deleteNeedsOnlyTheKey()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 1, u"a"_s),
                                         contact(RowOperation::Insert, 2, u"b"_s)},
                                        1)});
    // NULL in a NOT NULL column of a Delete row is fine: only the key counts.
    sendRowData(
        *f.store,
        {contactBatch({row(RowOperation::Delete, vals({u"1"_s, std::nullopt, std::nullopt}))}, 2),
         batch(u"contact"_s, {u"contact_id"_s}, {row(RowOperation::Delete, vals({u"2"_s}))}, 3)});
    QCOMPARE(f.db().scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(0));
}

void TestRowData::compositeKey()
{
    MirrorFixture f;
    f.store->applySchema({table(u"link"_s,
                                {col(u"a"_s, u"int"_s, false),
                                 col(u"b"_s, u"nvarchar(10)"_s, false), col(u"v"_s, u"int"_s)},
                                {u"b"_s, u"a"_s})});
    const QStringList columns{u"v"_s, u"b"_s, u"a"_s};
    sendRowData(*f.store, {batch(u"link"_s, columns,
                                 {row(RowOperation::Insert, vals({u"1"_s, u"x"_s, u"1"_s})),
                                  row(RowOperation::Insert, vals({u"2"_s, u"y"_s, u"1"_s})),
                                  row(RowOperation::Update, vals({u"3"_s, u"x"_s, u"1"_s})),
                                  row(RowOperation::Delete, vals({std::nullopt, u"y"_s, u"1"_s}))},
                                 1)});
    QCOMPARE(f.db().query(u"SELECT a, b, v FROM link"_s),
             (Rows{{Cell::ofInt(1), Cell::ofText(u"x"_s), Cell::ofInt(3)}}));
}

void TestRowData::tableWithOnlyKeyColumns()
{
    // Nothing to update on conflict: an Insert or Update of an existing key is still fine.
    MirrorFixture f;
    f.store->applySchema(
        {table(u"pair"_s, {col(u"a"_s, u"int"_s, false), col(u"b"_s, u"int"_s, false)},
               {u"a"_s, u"b"_s})});
    const QStringList columns{u"a"_s, u"b"_s};
    const auto counts =
        sendRowData(*f.store, {batch(u"pair"_s, columns,
                                     {row(RowOperation::Insert, vals({u"1"_s, u"2"_s})),
                                      row(RowOperation::Insert, vals({u"1"_s, u"2"_s})),
                                      row(RowOperation::Update, vals({u"1"_s, u"2"_s})),
                                      row(RowOperation::Update, vals({u"3"_s, u"4"_s}))},
                                     8)});
    QCOMPARE(counts, (QList<TableCounts>{{u"pair"_s, 8, 2, 2, 0}}));
    QCOMPARE(f.db().query(u"SELECT a, b FROM pair ORDER BY a"_s),
             (Rows{{Cell::ofInt(1), Cell::ofInt(2)}, {Cell::ofInt(3), Cell::ofInt(4)}}));
}

void TestRowData::intermediateBatchKeepsLsnLastBatchRecordsIt()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 1, u"a"_s)}, 100)});
    const auto intermediate =
        sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 2, u"b"_s)}, {})});
    QCOMPARE(intermediate, (QList<TableCounts>{{u"contact"_s, 100, 1, 0, 0}}));
    RawConnection &db = f.db();
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 100);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(2));
    // Several batches of one table in one call: the last one's LSN is the answer.
    const auto last =
        sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 3, u"c"_s)}, {}),
                               contactBatch({contact(RowOperation::Insert, 4, u"d"_s)}, 250)});
    QCOMPARE(last, (QList<TableCounts>{{u"contact"_s, 250, 2, 0, 0}}));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 250);
}

void TestRowData::emptyBatchRecordsItsLsn()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    const auto counts = sendRowData(*f.store, {contactBatch({}, 777)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 777, 0, 0, 0}}));
    QCOMPARE(f.db().lsn(f.metadataTable(), u"contact"_s), 777);
}

void TestRowData::emptyBatchWithoutColumns()
{
    // A table with no changes may come as a batch with <Columns/> empty: nothing to check.
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    const auto counts = sendRowData(*f.store, {batch(u"contact"_s, {}, {}, 778)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 778, 0, 0, 0}}));
    QCOMPARE(f.db().lsn(f.metadataTable(), u"contact"_s), 778);
    // But rows without columns are refused.
    QCOMPARE(errorKindOf([&] {
                 sendRowData(*f.store,
                             {batch(u"contact"_s, {}, {row(RowOperation::Insert, {})}, 779)});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(f.db().lsn(f.metadataTable(), u"contact"_s), 778);
}

void TestRowData::countsPerTableInOrderOfAppearance()
{
    MirrorFixture f;
    const auto other = table(u"other"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    f.store->applySchema({contactSchema(), other});
    const auto counts = sendRowData(
        *f.store, {batch(u"other"_s, {u"id"_s}, {row(RowOperation::Insert, vals({u"1"_s}))}, {}),
                   contactBatch({contact(RowOperation::Update, 1, u"a"_s)}, 5),
                   batch(u"other"_s, {u"id"_s},
                         {row(RowOperation::Delete, vals({u"1"_s})),
                          row(RowOperation::Insert, vals({u"2"_s}))},
                         9)});
    QCOMPARE(counts, (QList<TableCounts>{{u"other"_s, 9, 2, 0, 1}, {u"contact"_s, 5, 0, 1, 0}}));
}

void TestRowData::lastChangeOnlyForTouchedTables()
{
    MirrorFixture f;
    const auto other = table(u"other"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    f.store->applySchema({contactSchema(), other});
    RawConnection &db = f.db();
    QVERIFY(
        db.exec(u"update %1 set lastchange = '2001-01-01T00:00:00.000Z'"_s.arg(f.metadataTable())));
    sendRowData(*f.store, {contactBatch({}, {})});
    const auto tables = f.store->tables();
    QCOMPARE(tables[0].tableName, u"contact"_s);
    QVERIFY(tables[0].lastChange > QDateTime::currentDateTimeUtc().addSecs(-60));
    QCOMPARE(tables[1].lastChange, QDateTime(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC));
}

void TestRowData::notNullBreakAtRow500LeavesNothing()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 100000, u"keep"_s)}, 4242)});
    RawConnection &db = f.db();
    const QString before = db.dump();

    QList<ms::RowBatch::Row> rows;
    for (int i = 1; i <= 1000; ++i) {
        rows.append(i == 500 ? row(RowOperation::Insert, vals({u"500"_s, std::nullopt, u"x"_s}))
                             : contact(RowOperation::Insert, i, u"n"_s));
    }
    QString message;
    QCOMPARE(errorKindOf([&] { sendRowData(*f.store, {contactBatch(rows, 5000)}); }, &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY2(message.contains(u"contact"_s) && message.contains(u"row 500"_s) &&
                 message.contains(u"name"_s),
             qPrintable(message));
    QCOMPARE(db.dump(), before);
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 4242);
    QCOMPARE(f.store->tables().front().lsn, 4242);
}

void TestRowData::notNullColumnMissingFromBatch_data()
{
    QTest::addColumn<int>("rowCount");
    QTest::newRow("2 rows") << 2;
    QTest::newRow("long batch") << kManyRows; // PostgreSQL: the COPY path
}

void TestRowData::notNullColumnMissingFromBatch()
{
    // The mirror's own constraint, not our pre-check, refuses it: still s:Client, named.
    QFETCH(int, rowCount);
    QList<ms::RowBatch::Row> rows;
    for (int id = 1; id <= rowCount; ++id)
        rows.append(row(RowOperation::Insert, vals({QString::number(id), u"2"_s})));
    MirrorFixture f;
    f.store->applySchema({table(
        u"t"_s,
        {col(u"id"_s, u"int"_s, false), col(u"must"_s, u"int"_s, false), col(u"opt"_s, u"int"_s)},
        {u"id"_s})});
    RawConnection &db = f.db();
    const QString before = db.dump();
    QString message;
    QCOMPARE(errorKindOf(
                 [&] {
                     sendRowData(*f.store, {batch(u"t"_s, {u"id"_s, u"opt"_s}, rows, 3)});
                 },
                 &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY2(message.contains(u"'t'"_s) && message.contains(u"row 1"_s) &&
                 message.contains(u"must"_s),
             qPrintable(message));
    QCOMPARE(db.dump(), before);
}

void TestRowData::nullKeyIsRefused()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    for (RowOperation op : {RowOperation::Insert, RowOperation::Update, RowOperation::Delete}) {
        QString message;
        QCOMPARE(
            errorKindOf(
                [&] {
                    sendRowData(
                        *f.store,
                        {contactBatch({row(op, vals({std::nullopt, u"a"_s, std::nullopt}))}, 1)});
                },
                &message),
            std::optional(ms::Error::Kind::Client));
        QVERIFY2(message.contains(u"contact_id"_s), qPrintable(message));
    }
}

void TestRowData::multiBatchCallRollsBackAsAWhole()
{
    MirrorFixture f;
    const auto other = table(u"other"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    f.store->applySchema({contactSchema(), other});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 1, u"a"_s)}, 10),
                           batch(u"other"_s, {u"id"_s}, {}, 20)});
    RawConnection &db = f.db();
    const QString before = db.dump();
    QCOMPARE(errorKindOf([&] {
                 sendRowData(*f.store,
                             {contactBatch({contact(RowOperation::Insert, 2, u"b"_s),
                                            contact(RowOperation::Delete, 1, u"a"_s)},
                                           11),
                              batch(u"other"_s, {u"id"_s},
                                    {row(RowOperation::Insert, vals({u"1"_s})),
                                     row(RowOperation::Insert, vals({u"not a number"_s}))},
                                    21)});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 10);
    QCOMPARE(db.lsn(f.metadataTable(), u"other"_s), 20);
}

void TestRowData::destroyedUncommittedRollsBack()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &db = f.db();
    const QString before = db.dump();
    {
        auto transaction = f.store->beginRowData();
        transaction->beginBatch(u"contact"_s, kContactColumns);
        transaction->row(RowOperation::Insert, 5, vals({u"1"_s, u"a"_s, std::nullopt}));
        transaction->endBatch(99);
    }
    QCOMPARE(db.dump(), before);
    // The store is usable afterwards.
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 1, u"a"_s)}, 1)});
    QCOMPARE(db.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(1));
}

void TestRowData::unusableAfterAFailure()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    auto transaction = f.store->beginRowData();
    transaction->beginBatch(u"contact"_s, kContactColumns);
    QVERIFY(errorKindOf([&] {
        transaction->row(RowOperation::Insert, {}, vals({u"x"_s, u"a"_s, std::nullopt}));
    }));
    QCOMPARE(errorKindOf([&] { transaction->endBatch(5); }),
             std::optional(ms::Error::Kind::Server));
    QVERIFY(errorKindOf([&] { transaction->commit(); }));
    transaction.reset();
    QCOMPARE(f.db().lsn(f.metadataTable(), u"contact"_s), -1);
}

void TestRowData::refusedBatches_data()
{
    QTest::addColumn<ms::RowBatch>("refused");
    const auto one = [](const QString &tableName, const QStringList &columns) {
        const QList<ms::CellValue> cells(columns.size(), ms::CellValue{u"1"_s, false});
        return batch(tableName, columns, {row(RowOperation::Insert, cells)}, 5);
    };
    QTest::newRow("unknown table") << one(u"nosuch"_s, {u"id"_s});
    QTest::newRow("table name in other case") << one(u"Contact"_s, kContactColumns);
    QTest::newRow("partner's own table") << one(u"partner"_s, {u"id"_s});
    QTest::newRow("metadata table") << one(u"<ctx>_mirroring"_s, {u"tablename"_s});
    QTest::newRow("metadata table, lower case")
        << one(u"<ctx-lower>_mirroring"_s, {u"tablename"_s});
    QTest::newRow("unknown column") << one(u"contact"_s, {u"contact_id"_s, u"nosuch"_s});
    QTest::newRow("column in other case") << one(u"contact"_s, {u"contact_id"_s, u"Name"_s});
    QTest::newRow("column twice") << one(u"contact"_s, {u"contact_id"_s, u"name"_s, u"name"_s});
    QTest::newRow("key missing") << one(u"contact"_s, {u"name"_s, u"updated"_s});
    QTest::newRow("injection in column")
        << one(u"contact"_s, {u"contact_id"_s, u"name\" = 1; --"_s});
}

void TestRowData::refusedBatches()
{
    QFETCH(ms::RowBatch, refused);
    MirrorFixture f;
    refused.tableName = forTenant(refused.tableName, f.tenant());
    f.store->applySchema({contactSchema()});
    sendRowData(*f.store, {contactBatch({contact(RowOperation::Insert, 1, u"a"_s)}, 10)});
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner (id INTEGER PRIMARY KEY)"_s));
    const QString before = db.dump();
    // After a good batch in the same call, so that the refusal must roll that back too.
    QString message;
    QCOMPARE(errorKindOf(
                 [&] {
                     sendRowData(
                         *f.store,
                         {contactBatch({contact(RowOperation::Insert, 2, u"b"_s)}, 11), refused});
                 },
                 &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY2(message.contains(refused.tableName), qPrintable(message));
    QCOMPARE(db.dump(), before);
}

void TestRowData::wrongValueCount()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    for (const auto &values : {vals({u"1"_s, u"a"_s}), vals({u"1"_s, u"a"_s, u"b"_s, u"c"_s})}) {
        QCOMPARE(errorKindOf([&] {
                     sendRowData(*f.store, {contactBatch({row(RowOperation::Insert, values)}, 1)});
                 }),
                 std::optional(ms::Error::Kind::Client));
    }
    QCOMPARE(f.db().scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(0));
}

void TestRowData::rowDataIsVisibleOnlyAfterCommit()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &reader = f.db();
    auto transaction = f.store->beginRowData();
    transaction->beginBatch(u"contact"_s, kContactColumns);
    transaction->row(RowOperation::Insert, {}, vals({u"1"_s, u"a"_s, std::nullopt}));
    transaction->endBatch(3);
    QCOMPARE(reader.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(0));
    QCOMPARE(reader.lsn(f.metadataTable(), u"contact"_s), -1);
    QCOMPARE(transaction->commit(), (QList<TableCounts>{{u"contact"_s, 3, 1, 0, 0}}));
    QCOMPARE(reader.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(1));
    QCOMPARE(reader.lsn(f.metadataTable(), u"contact"_s), 3);
    QVERIFY(errorKindOf([&] { transaction->commit(); }));
}

void TestRowData::bigBatchInOneCall()
{
    // More values than one PostgreSQL statement may bind (65535), and an update of every row in
    // the same call: the call is still one transaction, and every value lands.
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    constexpr int kRows = 25000;
    QList<ms::RowBatch::Row> inserts, updates;
    for (int i = 1; i <= kRows; ++i) {
        inserts.append(
            row(RowOperation::Insert, vals({QString::number(i), u"n%1"_s.arg(i), std::nullopt})));
        updates.append(row(RowOperation::Update,
                           vals({QString::number(i), u"u%1"_s.arg(i), u"2024-01-31T13:45:00"_s})));
    }
    const auto counts =
        sendRowData(*f.store, {contactBatch(inserts, {}), contactBatch(updates, 2)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 2, kRows, kRows, 0}}));
    RawConnection &db = f.db();
    QCOMPARE(db.query(u"SELECT count(*), sum(contact_id), count(updated) FROM contact"_s),
             (Rows{{Cell::ofInt(kRows), Cell::ofInt(qint64(kRows) * (kRows + 1) / 2),
                    Cell::ofInt(kRows)}}));
    QCOMPARE(
        db.query(u"SELECT name FROM contact WHERE contact_id IN (1, 12345, 25000) "
                 "ORDER BY contact_id"_s),
        (Rows{{Cell::ofText(u"u1"_s)}, {Cell::ofText(u"u12345"_s)}, {Cell::ofText(u"u25000"_s)}}));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 2);

    // A bad last row takes all of them back.
    const QString before = db.dump();
    QList<ms::RowBatch::Row> deletes;
    for (int i = 1; i <= kRows; ++i)
        deletes.append(contact(RowOperation::Delete, i, u"x"_s));
    deletes.append(row(RowOperation::Insert, vals({u"0"_s, std::nullopt, std::nullopt})));
    QCOMPARE(errorKindOf([&] { sendRowData(*f.store, {contactBatch(deletes, 3)}); }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);
}

void TestRowData::sameKeyAgainLaterInTheBatch_data()
{
    QTest::addColumn<int>("rowCount");
    QTest::newRow("short batch") << 6;
    QTest::newRow("long batch") << kManyRows; // PostgreSQL: the COPY path
}

void TestRowData::sameKeyAgainLaterInTheBatch()
{
    // Rows apply in their order, whatever the backend groups into one statement: a key that comes
    // again later in the batch ends as its last row says.
    QFETCH(int, rowCount);
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    QList<ms::RowBatch::Row> rows{contact(RowOperation::Insert, 1, u"first"_s)};
    for (int id = 2; id < rowCount - 2; ++id)
        rows.append(contact(RowOperation::Insert, id, u"n%1"_s.arg(id)));
    rows.append(contact(RowOperation::Update, 1, u"last"_s));
    rows.append(contact(RowOperation::Delete, 2, u"x"_s));
    rows.append(contact(RowOperation::Insert, 2, u"again"_s));
    QCOMPARE(rows.size(), rowCount);
    const auto counts = sendRowData(*f.store, {contactBatch(rows, 7)});
    QCOMPARE(counts, (QList<TableCounts>{{u"contact"_s, 7, rowCount - 2, 1, 1}}));
    RawConnection &db = f.db();
    QCOMPARE(db.query(u"SELECT contact_id, name FROM contact WHERE contact_id <= 3 "
                      "ORDER BY contact_id"_s),
             (Rows{{Cell::ofInt(1), Cell::ofText(u"last"_s)},
                   {Cell::ofInt(2), Cell::ofText(u"again"_s)},
                   {Cell::ofInt(3), Cell::ofText(u"n3"_s)}}));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(rowCount - 3));
}

QTEST_GUILESS_MAIN(TestRowData)
#include "tst_rowdata.moc"
