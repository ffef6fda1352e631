// PROTOCOL.md "TableSchema" and "The mirror database" on every store backend: what is the
// mirror's and what is not. Tables the request lacks are dropped with their metadata rows; the
// refusals change nothing; the documented manual commands (unquoted, from the database's own
// shell) have their documented effect; a partner's tables are never touched.

#include "storetestsupport.h"

using namespace Qt::Literals::StringLiterals;
using namespace storetest;
using ms::SchemaChange;
using ms::TableState;

namespace {

void insertContacts(ms::MirrorStore &store, int count, qint64 lsn)
{
    QList<ms::RowBatch::Row> rows;
    for (int i = 1; i <= count; ++i) {
        rows.append(row(ms::RowOperation::Insert,
                        vals({QString::number(i), u"name %1"_s.arg(i), u"2024-01-31T13:45:00"_s})));
    }
    sendRowData(store,
                {batch(u"contact"_s, {u"contact_id"_s, u"name"_s, u"updated"_s}, rows, lsn)});
}

} // namespace

class TestSchemaOwnership : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STORETEST_INIT_BACKEND(); }
    void cleanupTestCase() { finishBackend(); }
    void tableMissingFromRequestIsDroppedWithItsMetadataRow();
    void emptyRequestDropsEveryMirroredTable();
    void refusals_data();
    void refusals();
    void tableWithoutMetadataRowIsRefused_data();
    void tableWithoutMetadataRowIsRefused();
    void refusalLaterInTheRequestChangesNothing();
    void manualInvalidateMakesNextAnswerMinusOne();
    void lsnIsReadEveryTime();
    void documentedHardResetGivesCreated();
    void halfDoneHardResetIsRefused();
    void tableDroppedByHandIsCreatedAgain();
    void tableNameChangingCaseIsANewTable();
    void partnersTableDifferingInCaseIsNeverTouched();
    void partnersTablesInOtherSchemasAreNeverTouched();
};

void TestSchemaOwnership::tableMissingFromRequestIsDroppedWithItsMetadataRow()
{
    MirrorFixture f;
    const auto other = table(u"other"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    f.store->applySchema({contactSchema(), other});
    insertContacts(*f.store, 2, 10);
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner_own (a INTEGER, b TEXT); "
                    "INSERT INTO partner_own VALUES (1, 'keep me')"_s));

    QCOMPARE(f.store->applySchema({other}),
             (QList<TableState>{{u"other"_s, -1, SchemaChange::None}}));
    QVERIFY(!db.hasTable(u"contact"_s));
    QCOMPARE(db.scalar(forTenant(
                 u"SELECT count(*) FROM <ctx>_mirroring WHERE tablename='contact'"_s, f.tenant())),
             Cell::ofInt(0));
    QCOMPARE(db.query(u"SELECT * FROM partner_own"_s),
             (Rows{{Cell::ofInt(1), Cell::ofText(u"keep me"_s)}}));
    QCOMPARE(f.store->tables().size(), 1);
}

void TestSchemaOwnership::emptyRequestDropsEveryMirroredTable()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner_own (a INTEGER)"_s));
    QCOMPARE(f.store->applySchema({}), QList<TableState>());
    QVERIFY(!db.hasTable(u"contact"_s));
    QVERIFY(db.hasTable(u"partner_own"_s));
    QVERIFY(db.hasTable(f.storedMetadataTable()));
    QVERIFY(f.store->tables().isEmpty());
}

void TestSchemaOwnership::refusals_data()
{
    QTest::addColumn<QList<ms::TableSchema>>("request");
    const auto ok = table(u"fresh"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    const auto withTable = [&](const QString &name) {
        return QList<ms::TableSchema>{ok, table(name, {col(u"id"_s, u"int"_s, false)}, {u"id"_s})};
    };
    const auto withColumn = [&](const QString &name) {
        return QList<ms::TableSchema>{
            ok, table(u"t"_s, {col(u"id"_s, u"int"_s, false), col(name, u"int"_s)}, {u"id"_s})};
    };
    QTest::newRow("no primary key")
        << QList<ms::TableSchema>{ok, table(u"t"_s, {col(u"id"_s, u"int"_s, false)}, {})};
    QTest::newRow("key names a missing column")
        << QList<ms::TableSchema>{ok, table(u"t"_s, {col(u"id"_s, u"int"_s, false)}, {u"ID"_s})};
    QTest::newRow("key names a column twice") << QList<ms::TableSchema>{
        ok, table(u"t"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s, u"id"_s})};
    QTest::newRow("no columns") << QList<ms::TableSchema>{ok, table(u"t"_s, {}, {u"id"_s})};
    QTest::newRow("tables differing in case") << withTable(u"Fresh"_s);
    QTest::newRow("same table twice") << withTable(u"fresh"_s);
    QTest::newRow("columns differing in case") << withColumn(u"ID"_s);
    QTest::newRow("same column twice") << withColumn(u"id"_s);
    QTest::newRow("table a\"b") << withTable(u"a\"b"_s);
    QTest::newRow("table x; drop table y") << withTable(u"x; drop table y"_s);
    QTest::newRow("table with space") << withTable(u"a b"_s);
    QTest::newRow("table starting with digit") << withTable(u"1abc"_s);
    QTest::newRow("table empty name") << withTable(QString());
    QTest::newRow("table non-ASCII") << withTable(u"caf\u00e9"_s);
    QTest::newRow("table 129 characters") << withTable(QString(129, u'a'));
    QTest::newRow("table sqlite_stat1") << withTable(u"sqlite_stat1"_s);
    QTest::newRow("table SQLITE_x") << withTable(u"SQLITE_x"_s);
    QTest::newRow("column a\"b") << withColumn(u"a\"b"_s);
    QTest::newRow("column x; drop table y") << withColumn(u"x; drop table y"_s);
    QTest::newRow("column sqlite_x") << withColumn(u"sqlite_x"_s);
    QTest::newRow("unknown type") << QList<ms::TableSchema>{
        ok, table(u"t"_s, {col(u"id"_s, u"int"_s, false), col(u"g"_s, u"geography"_s)}, {u"id"_s})};
    QTest::newRow("bad type argument") << QList<ms::TableSchema>{
        ok,
        table(u"t"_s, {col(u"id"_s, u"int"_s, false), col(u"g"_s, u"nvarchar(abc)"_s)}, {u"id"_s})};
    QTest::newRow("metadata table") << withTable(u"<ctx>_mirroring"_s);
    QTest::newRow("metadata table, other case") << withTable(u"<ctx-lower>_MIRRORING"_s);
    // The name PostgreSQL stores it under.
    QTest::newRow("metadata table, lower case") << withTable(u"<ctx-lower>_mirroring"_s);
}

void TestSchemaOwnership::refusals()
{
    QFETCH(QList<ms::TableSchema>, request);
    MirrorFixture f;
    for (ms::TableSchema &t : request)
        t.tableName = forTenant(t.tableName, f.tenant());
    // A mirrored table the request lacks: a refusal must not drop it either.
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 33);
    RawConnection &db = f.db();
    const QString before = db.dump();
    QString message;
    QCOMPARE(errorKindOf([&] { f.store->applySchema(request); }, &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY(!message.isEmpty());
    QCOMPARE(db.dump(), before);
}

void TestSchemaOwnership::tableWithoutMetadataRowIsRefused_data()
{
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QString>("requested");
    QTest::newRow("same name") << u"partner"_s << u"partner"_s;
    QTest::newRow("other case") << u"Partner"_s << u"pARTNER"_s;
    QTest::newRow("a view") << u"v_partner"_s << u"v_partner"_s;
}

void TestSchemaOwnership::tableWithoutMetadataRowIsRefused()
{
    QFETCH(QString, existing);
    QFETCH(QString, requested);
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &db = f.db();
    if (existing.startsWith(u"v_"_s))
        QVERIFY(db.exec(u"CREATE VIEW %1 AS SELECT 1 AS id"_s.arg(existing)));
    else
        QVERIFY(
            db.exec(u"CREATE TABLE %1 (id INTEGER); INSERT INTO %1 VALUES (7)"_s.arg(existing)));
    const QString before = db.dump();
    QString message;
    QCOMPARE(errorKindOf(
                 [&] {
                     f.store->applySchema(
                         {table(requested, {col(u"id"_s, u"int"_s, false)}, {u"id"_s})});
                 },
                 &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY2(message.contains(requested), qPrintable(message));
    QCOMPARE(db.dump(), before);
}

void TestSchemaOwnership::refusalLaterInTheRequestChangesNothing()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 33);
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner (id INTEGER)"_s));
    const QString before = db.dump();
    auto altered = contactSchema();
    altered.columns.append(col(u"extra"_s, u"int"_s));
    const auto fresh = table(u"fresh"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    const auto clash = table(u"partner"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    QCOMPARE(errorKindOf([&] {
                 f.store->applySchema({fresh, altered, clash});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);
    QCOMPARE(errorKindOf([&] {
                 f.store->applySchema({fresh, clash});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);
}

void TestSchemaOwnership::manualInvalidateMakesNextAnswerMinusOne()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 1210);
    RawConnection &db = f.db();
    // Exactly the documented command, unquoted, from another connection.
    QVERIFY2(db.exec(forTenant(u"update <ctx>_mirroring set lsn = -1"_s, f.tenant())),
             qPrintable(db.lastError()));
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::None}}));
}

void TestSchemaOwnership::lsnIsReadEveryTime()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &db = f.db();
    QVERIFY(db.exec(forTenant(
        u"update <ctx>_mirroring set lsn = 4711 where tablename = 'contact'"_s, f.tenant())));
    QCOMPARE(f.store->applySchema({contactSchema()}).front().lsn, 4711);
    QCOMPARE(f.store->tables().front().lsn, 4711);
    QVERIFY(db.exec(forTenant(u"update <ctx>_mirroring set lsn = 9000000000"_s, f.tenant())));
    QCOMPARE(f.store->applySchema({contactSchema()}).front().lsn, Q_INT64_C(9000000000));
}

void TestSchemaOwnership::documentedHardResetGivesCreated()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 1210);
    RawConnection &db = f.db();
    QVERIFY2(db.exec(forTenant(u"delete from <ctx>_mirroring where tablename = 'contact'"_s,
                               f.tenant())),
             qPrintable(db.lastError()));
    QVERIFY2(db.exec(u"drop table contact"_s), qPrintable(db.lastError()));
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::Created}}));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(0));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), -1);
}

void TestSchemaOwnership::halfDoneHardResetIsRefused()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 1210);
    RawConnection &db = f.db();
    QVERIFY(db.exec(
        forTenant(u"delete from <ctx>_mirroring where tablename = 'contact'"_s, f.tenant())));
    const QString before = db.dump();
    QString message;
    QCOMPARE(errorKindOf([&] { f.store->applySchema({contactSchema()}); }, &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY2(message.contains(u"contact"_s), qPrintable(message));
    QCOMPARE(db.dump(), before);
    // Finishing the reset by hand lets the next cycle through.
    QVERIFY(db.exec(u"drop table contact"_s));
    QCOMPARE(f.store->applySchema({contactSchema()}).front().schemaChange, SchemaChange::Created);
}

void TestSchemaOwnership::tableDroppedByHandIsCreatedAgain()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 1210);
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"drop table contact"_s));
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::Created}}));
    QVERIFY(db.hasTable(u"contact"_s));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), -1);
}

void TestSchemaOwnership::tableNameChangingCaseIsANewTable()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 1210);
    auto renamed = contactSchema();
    renamed.tableName = u"Contact"_s;
    QCOMPARE(f.store->applySchema({renamed}),
             (QList<TableState>{{u"Contact"_s, -1, SchemaChange::Created}}));
    RawConnection &db = f.db();
    QCOMPARE(db.query(forTenant(u"SELECT tablename FROM <ctx>_mirroring"_s, f.tenant())),
             (Rows{{Cell::ofText(u"Contact"_s)}}));
    QVERIFY(db.hasTable(u"Contact"_s));
    QCOMPARE(db.scalar(u"SELECT count(*) FROM \"Contact\""_s), Cell::ofInt(0));
}

void TestSchemaOwnership::partnersTableDifferingInCaseIsNeverTouched()
{
    // SQLite resolves table names ignoring case: after a mirrored table was dropped by hand, a
    // partner's table whose name differs only in case must not pass for the mirror's.
    MirrorFixture f;
    const auto other = table(u"other"_s, {col(u"id"_s, u"int"_s, false)}, {u"id"_s});
    f.store->applySchema({contactSchema(), other});
    insertContacts(*f.store, 2, 10);
    RawConnection &db = f.db();
    // Quoted, so that PostgreSQL keeps the upper case that SQLite keeps anyway.
    QVERIFY(db.exec(u"DROP TABLE contact; CREATE TABLE \"CONTACT\" (x INTEGER); "
                    "INSERT INTO \"CONTACT\" VALUES (1); "
                    "DROP TABLE other; CREATE TABLE \"OTHER\" (y INTEGER); "
                    "INSERT INTO \"OTHER\" VALUES (2)"_s));
    const QString before = db.dump();

    QCOMPARE(errorKindOf([&] {
                 f.store->applySchema({contactSchema(), other});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);
    QCOMPARE(errorKindOf([&] {
                 sendRowData(*f.store,
                             {batch(u"contact"_s, {u"contact_id"_s, u"name"_s},
                                    {row(ms::RowOperation::Insert, vals({u"1"_s, u"a"_s}))}, 11)});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);

    f.store->wipe(u"contact"_s);
    f.store->invalidate({});
    QCOMPARE(db.query(u"SELECT * FROM \"CONTACT\""_s), (Rows{{Cell::ofInt(1)}}));
    QCOMPARE(db.query(u"SELECT * FROM \"OTHER\""_s), (Rows{{Cell::ofInt(2)}}));
    f.store->repopulate({u"contact"_s});
    QCOMPARE(db.query(u"SELECT * FROM \"CONTACT\""_s), (Rows{{Cell::ofInt(1)}}));
    // other's metadata row is still there: a request without it drops only what is the mirror's.
    QCOMPARE(f.store->applySchema({}), QList<TableState>());
    QCOMPARE(db.query(u"SELECT * FROM \"OTHER\""_s), (Rows{{Cell::ofInt(2)}}));
    QVERIFY(f.store->tables().isEmpty());
}

void TestSchemaOwnership::partnersTablesInOtherSchemasAreNeverTouched()
{
    if (backendUnderTest() != Backend::Postgres)
        QSKIP("PostgreSQL only: other schemas of the mirror's database");
    // A partner's tables named as the mirror's, in public (everyone's search_path) and in a schema
    // of its own: the mirror lives in Mirror_<ctx> and never reads, counts or drops them.
    MirrorFixture f(MirrorFixture::Open::Later);
    RawConnection &db = f.db();
    const QString meta = f.storedMetadataTable();
    // public survives the fixture's cleanup: drop these whatever happens.
    struct DropFromPublic
    {
        RawConnection &db;
        QString meta;
        ~DropFromPublic()
        {
            db.exec(u"DROP TABLE IF EXISTS public.contact, public.%1"_s.arg(meta));
        }
    } dropFromPublic{db, meta};
    QVERIFY2(db.exec(u"CREATE TABLE public.contact (x integer); "
                     "INSERT INTO public.contact VALUES (1); "
                     "CREATE TABLE public.%1 (tablename text, schemahash text, lsn bigint); "
                     "INSERT INTO public.%1 VALUES ('contact', 'x', 42); "
                     "CREATE SCHEMA partner; CREATE TABLE partner.contact (y integer); "
                     "INSERT INTO partner.contact VALUES (2)"_s.arg(meta)),
             qPrintable(db.lastError()));
    const auto partnerState = [&] {
        return db.query(u"SELECT * FROM public.contact"_s) +
               db.query(u"SELECT * FROM public.%1"_s.arg(meta)) +
               db.query(u"SELECT * FROM partner.contact"_s);
    };
    const Rows before = partnerState();
    QCOMPARE(before.size(), 3);
    QVERIFY(!f.backend().exists(f.tenant()));

    f.openStore();
    QVERIFY(f.store->tables().isEmpty());
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::Created}}));
    insertContacts(*f.store, 2, 10);
    f.store->wipe(u"contact"_s);
    f.store->invalidate({});
    f.store->repopulate({u"contact"_s});
    QCOMPARE(f.store->applySchema({contactSchema()}).front().schemaChange, SchemaChange::Created);
    QCOMPARE(f.store->applySchema({}), QList<TableState>());
    QVERIFY(f.store->tables().isEmpty());
    QCOMPARE(partnerState(), before);
}

QTEST_GUILESS_MAIN(TestSchemaOwnership)
#include "tst_schemaownership.moc"
