// PROTOCOL.md "TableSchema" on every store backend: Created / None / Altered / Recreated, the
// tables' columns, types (per backend), keys and defaults, and the names the protocol allows.
// What is the mirror's and what is not (drops, refusals, manual commands): tst_schemaownership.

#include "storetestsupport.h"

#include "service/store/schemahash.h"

using namespace Qt::Literals::StringLiterals;
using namespace storetest;
using ms::SchemaChange;
using ms::TableState;

namespace {

/// How the backend under test prints the "updated" value that insertContacts() sends
/// (datetime is timestamp(3) on PostgreSQL).
QString storedUpdated(const MirrorFixture &f)
{
    return f.isPostgres() ? u"2024-01-31 13:45:00"_s : u"2024-01-31T13:45:00"_s;
}

/// Indexes and constraints of a table beyond its primary key: none are made.
qint64 extraIndexesAndConstraints(MirrorFixture &f, const QString &tableName)
{
    if (!f.isPostgres()) {
        // Everything of the table but itself and the index SQLite makes for a key.
        return f.db()
            .scalar(u"SELECT count(*) FROM sqlite_schema WHERE tbl_name = %1 AND type <> 'table' "
                    "AND name NOT LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\'"_s.arg(
                        sqlLiteral(tableName)))
            .integer;
    }
    const QString table = sqlLiteral(tableName);
    return f.db()
               .scalar(u"SELECT (SELECT count(*) FROM pg_indexes WHERE schemaname = "
                       "current_schema() AND tablename = %1) + (SELECT count(*) FROM "
                       "pg_constraint WHERE conrelid = (quote_ident(current_schema()) || '.' || "
                       "quote_ident(%1))::regclass)"_s.arg(table))
               .integer -
           2; // the key's index and its constraint
}

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

class TestSchemaApply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STORETEST_INIT_BACKEND(); }
    void cleanupTestCase() { finishBackend(); }
    void createdTableHasTheSchemasColumnsTypesAndKey();
    void createdRecordsMetadataRow();
    void sameSchemaAgainIsNoneWithTheLsn();
    void typeLetterCaseAloneIsNone();
    void alteredAppendedNullableColumn();
    void alteredColumnInsertedInTheMiddle();
    void alteredNotNullWithNumberDefault();
    void alteredNotNullWithStringDefaultInTheMiddle();
    void alteredNullableWithDefaultGivesOldRowsNull_data();
    void alteredNullableWithDefaultGivesOldRowsNull();
    void alteredThenSameSchemaIsNone();
    void recreated_data();
    void recreated();
    void defaultsInTheDdl_data();
    void defaultsInTheDdl();
    void longestNames();
    void reservedWordsAsNames();
};

void TestSchemaApply::createdTableHasTheSchemasColumnsTypesAndKey()
{
    MirrorFixture f;
    const auto schema = table(u"every_type"_s,
                              {col(u"k2"_s, u"nvarchar(20)"_s, false),
                               col(u"a_bit"_s, u"bit"_s),
                               col(u"a_tinyint"_s, u"tinyint"_s),
                               col(u"a_smallint"_s, u"smallint"_s),
                               col(u"a_int"_s, u"int"_s),
                               col(u"a_bigint"_s, u"bigint"_s),
                               col(u"a_decimal"_s, u"decimal(38,10)"_s),
                               col(u"a_numeric"_s, u"numeric(5)"_s),
                               col(u"a_money"_s, u"money"_s),
                               col(u"a_smallmoney"_s, u"smallmoney"_s),
                               col(u"a_float"_s, u"float"_s),
                               col(u"a_real"_s, u"real"_s),
                               col(u"a_date"_s, u"date"_s),
                               col(u"a_time"_s, u"time(7)"_s),
                               col(u"a_datetime"_s, u"datetime"_s),
                               col(u"a_datetime2"_s, u"datetime2(7)"_s),
                               col(u"a_smalldatetime"_s, u"smalldatetime"_s),
                               col(u"a_dto"_s, u"datetimeoffset(7)"_s),
                               col(u"a_char"_s, u"char(10)"_s),
                               col(u"a_varchar"_s, u"varchar(max)"_s),
                               col(u"a_nchar"_s, u"nchar(3)"_s),
                               col(u"a_text"_s, u"text"_s),
                               col(u"a_ntext"_s, u"ntext"_s),
                               col(u"a_binary"_s, u"binary(16)"_s),
                               col(u"a_varbinary"_s, u"varbinary(max)"_s),
                               col(u"a_image"_s, u"image"_s),
                               col(u"a_guid"_s, u"uniqueidentifier"_s),
                               col(u"k1"_s, u"int"_s, false)},
                              {u"k1"_s, u"k2"_s});
    const auto states = f.store->applySchema({schema});
    QCOMPARE(states, (QList<TableState>{{u"every_type"_s, -1, SchemaChange::Created}}));

    RawConnection &db = f.db();
    const QList<ColumnInfo> columns = db.columnInfo(u"every_type"_s);
    QCOMPARE(columns.size(), schema.columns.size());
    const QHash<QString, QString> sqliteTypes{
        {u"k2"_s, u"TEXT"_s},
        {u"a_bit"_s, u"INTEGER"_s},
        {u"a_tinyint"_s, u"INTEGER"_s},
        {u"a_smallint"_s, u"INTEGER"_s},
        {u"a_int"_s, u"INTEGER"_s},
        {u"a_bigint"_s, u"INTEGER"_s},
        {u"a_decimal"_s, u"TEXT"_s},
        {u"a_numeric"_s, u"TEXT"_s},
        {u"a_money"_s, u"TEXT"_s},
        {u"a_smallmoney"_s, u"TEXT"_s},
        {u"a_float"_s, u"REAL"_s},
        {u"a_real"_s, u"REAL"_s},
        {u"a_date"_s, u"TEXT"_s},
        {u"a_time"_s, u"TEXT"_s},
        {u"a_datetime"_s, u"TEXT"_s},
        {u"a_datetime2"_s, u"TEXT"_s},
        {u"a_smalldatetime"_s, u"TEXT"_s},
        {u"a_dto"_s, u"TEXT"_s},
        {u"a_char"_s, u"TEXT"_s},
        {u"a_varchar"_s, u"TEXT"_s},
        {u"a_nchar"_s, u"TEXT"_s},
        {u"a_text"_s, u"TEXT"_s},
        {u"a_ntext"_s, u"TEXT"_s},
        {u"a_binary"_s, u"BLOB"_s},
        {u"a_varbinary"_s, u"BLOB"_s},
        {u"a_image"_s, u"BLOB"_s},
        {u"a_guid"_s, u"TEXT"_s},
        {u"k1"_s, u"INTEGER"_s},
    };
    // The decided PostgreSQL mapping (issue #7), as format_type() prints it.
    const QString timestamp = u"timestamp(%1) without time zone"_s;
    const QString varchar = u"character varying(%1)"_s;
    const QHash<QString, QString> postgresTypes{
        {u"k2"_s, varchar.arg(20)},
        {u"a_bit"_s, u"boolean"_s},
        {u"a_tinyint"_s, u"smallint"_s},
        {u"a_smallint"_s, u"smallint"_s},
        {u"a_int"_s, u"integer"_s},
        {u"a_bigint"_s, u"bigint"_s},
        {u"a_decimal"_s, u"numeric(38,10)"_s},
        {u"a_numeric"_s, u"numeric(5,0)"_s},
        {u"a_money"_s, u"numeric(19,4)"_s},
        {u"a_smallmoney"_s, u"numeric(10,4)"_s},
        {u"a_float"_s, u"double precision"_s},
        {u"a_real"_s, u"double precision"_s},
        {u"a_date"_s, u"date"_s},
        {u"a_time"_s, u"text"_s},
        {u"a_datetime"_s, timestamp.arg(3)},
        {u"a_datetime2"_s, u"text"_s},
        {u"a_smalldatetime"_s, timestamp.arg(0)},
        {u"a_dto"_s, u"text"_s},
        {u"a_char"_s, varchar.arg(10)},
        {u"a_varchar"_s, u"text"_s},
        {u"a_nchar"_s, varchar.arg(3)},
        {u"a_text"_s, u"text"_s},
        {u"a_ntext"_s, u"text"_s},
        {u"a_binary"_s, u"bytea"_s},
        {u"a_varbinary"_s, u"bytea"_s},
        {u"a_image"_s, u"bytea"_s},
        {u"a_guid"_s, u"uuid"_s},
        {u"k1"_s, u"integer"_s},
    };
    const QHash<QString, QString> &expected = f.isPostgres() ? postgresTypes : sqliteTypes;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        // Exactly the schema's columns, in its order.
        QCOMPARE(columns[i].name, schema.columns[i].name);
        QCOMPARE(columns[i].type, expected.value(columns[i].name));
        QCOMPARE(columns[i].notNull, !schema.columns[i].isNullable);
    }
    // The key in key order, not column order.
    QCOMPARE(columns.front().keyPosition, 2);
    QCOMPARE(columns.back().keyPosition, 1);
    // STRICT: no affinity conversions; and no NUMERIC affinity anywhere.
    if (!f.isPostgres()) {
        QCOMPARE(db.scalar(u"SELECT strict FROM pragma_table_list WHERE name='every_type'"_s),
                 Cell::ofInt(1));
    }
    // Nothing but the table and its key: no foreign keys, no other indexes.
    QCOMPARE(extraIndexesAndConstraints(f, u"every_type"_s), 0);
}

void TestSchemaApply::createdRecordsMetadataRow()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &db = f.db();
    const Rows rows = db.query(
        forTenant(u"SELECT tablename, schemahash, lsn FROM <ctx>_mirroring"_s, f.tenant()));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0][0], Cell::ofText(u"contact"_s));
    QCOMPARE(rows[0][1], Cell::ofText(ms::schemaHash(contactSchema())));
    QCOMPARE(rows[0][2], Cell::ofInt(-1));
    if (f.isPostgres()) {
        QCOMPARE(db.columnInfo(f.storedMetadataTable())[2].type, u"bigint"_s);
    } else {
        QCOMPARE(db.scalar(forTenant(u"SELECT typeof(lsn) FROM <ctx>_mirroring"_s, f.tenant())),
                 Cell::ofText(u"integer"_s));
    }

    const QList<ms::MirroredTable> tables = f.store->tables();
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables[0].schema, contactSchema());
    QCOMPARE(tables[0].lsn, -1);
    QVERIFY(tables[0].lastChange.isValid());
    QVERIFY(qAbs(tables[0].lastChange.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestSchemaApply::sameSchemaAgainIsNoneWithTheLsn()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 3, 1210);
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, 1210, SchemaChange::None}}));
    QCOMPARE(f.db().scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(3));
}

void TestSchemaApply::typeLetterCaseAloneIsNone()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 77);
    auto changed = contactSchema();
    changed.columns[0].dataType = u"INT"_s;
    changed.columns[1].dataType = u"NVarChar( 254 )"_s;
    QCOMPARE(f.store->applySchema({changed}),
             (QList<TableState>{{u"contact"_s, 77, SchemaChange::None}}));
    QCOMPARE(f.db().scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(2));
    QCOMPARE(ms::schemaHash(changed), ms::schemaHash(contactSchema()));
}

void TestSchemaApply::alteredAppendedNullableColumn()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 3, 500);
    auto altered = contactSchema();
    altered.columns.append(col(u"email"_s, u"nvarchar(max)"_s));
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"contact"_s, 500, SchemaChange::Altered}}));
    RawConnection &db = f.db();
    QCOMPARE(db.columnNames(u"contact"_s),
             (QStringList{u"contact_id"_s, u"name"_s, u"updated"_s, u"email"_s}));
    QCOMPARE(db.query(u"SELECT contact_id, name, email FROM contact ORDER BY contact_id"_s),
             (Rows{{Cell::ofInt(1), Cell::ofText(u"name 1"_s), Cell::null()},
                   {Cell::ofInt(2), Cell::ofText(u"name 2"_s), Cell::null()},
                   {Cell::ofInt(3), Cell::ofText(u"name 3"_s), Cell::null()}}));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 500);
    QCOMPARE(f.store->tables().front().schema, altered);
    QCOMPARE(db.scalar(forTenant(u"SELECT schemahash FROM <ctx>_mirroring"_s, f.tenant())),
             Cell::ofText(ms::schemaHash(altered)));
}

void TestSchemaApply::alteredColumnInsertedInTheMiddle()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 42);
    auto altered = contactSchema();
    altered.columns.insert(1, col(u"department"_s, u"nvarchar(50)"_s));
    altered.columns.insert(0, col(u"first"_s, u"float"_s));
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"contact"_s, 42, SchemaChange::Altered}}));
    RawConnection &db = f.db();
    QCOMPARE(db.columnNames(u"contact"_s),
             (QStringList{u"first"_s, u"contact_id"_s, u"department"_s, u"name"_s, u"updated"_s}));
    QCOMPARE(db.query(u"SELECT * FROM contact ORDER BY contact_id"_s),
             (Rows{{Cell::null(), Cell::ofInt(1), Cell::null(), Cell::ofText(u"name 1"_s),
                    Cell::ofText(storedUpdated(f))},
                   {Cell::null(), Cell::ofInt(2), Cell::null(), Cell::ofText(u"name 2"_s),
                    Cell::ofText(storedUpdated(f))}}));
    // The rebuilt table is the schema's table: STRICT, same key, NOT NULL kept.
    if (!f.isPostgres()) {
        QCOMPARE(db.scalar(u"SELECT strict FROM pragma_table_list WHERE name='contact'"_s),
                 Cell::ofInt(1));
    }
    const QList<ColumnInfo> info = db.columnInfo(u"contact"_s);
    QCOMPARE(info[1].keyPosition, 1);
    QVERIFY(info[3].notNull);
    // No leftover of the rebuild.
    QStringList tables{u"contact"_s, f.storedMetadataTable()};
    tables.sort();
    QCOMPARE(db.tableNames(), tables);
    QCOMPARE(extraIndexesAndConstraints(f, u"contact"_s), 0);
    if (!f.isPostgres())
        QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s), Cell::ofText(u"ok"_s));
    // Rows keep arriving by the new shape.
    sendRowData(*f.store,
                {batch(u"contact"_s,
                       {u"first"_s, u"contact_id"_s, u"department"_s, u"name"_s, u"updated"_s},
                       {row(ms::RowOperation::Update,
                            vals({u"2.5"_s, u"1"_s, u"Sales"_s, u"n"_s, std::nullopt}))},
                       43)});
    QCOMPARE(db.query(u"SELECT * FROM contact WHERE contact_id=1"_s),
             (Rows{{Cell::ofReal(2.5), Cell::ofInt(1), Cell::ofText(u"Sales"_s),
                    Cell::ofText(u"n"_s), Cell::null()}}));
}

void TestSchemaApply::alteredNotNullWithNumberDefault()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 9);
    auto altered = contactSchema();
    altered.columns.append(col(u"rank"_s, u"int"_s, false, u"((0))"_s));
    altered.columns.append(col(u"score"_s, u"decimal(10,2)"_s, false, u"((1.50))"_s));
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"contact"_s, 9, SchemaChange::Altered}}));
    RawConnection &db = f.db();
    QCOMPARE(db.query(u"SELECT rank, score FROM contact ORDER BY contact_id"_s),
             (Rows{{Cell::ofInt(0), Cell::ofText(u"1.50"_s)},
                   {Cell::ofInt(0), Cell::ofText(u"1.50"_s)}}));
    QVERIFY(db.columnInfo(u"contact"_s)[3].notNull);
}

void TestSchemaApply::alteredNotNullWithStringDefaultInTheMiddle()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 9);
    auto altered = contactSchema();
    altered.columns.insert(1, col(u"kind"_s, u"varchar(10)"_s, false, u"('x')"_s));
    altered.columns.insert(2, col(u"quote"_s, u"nvarchar(10)"_s, false, u"(N'it''s')"_s));
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"contact"_s, 9, SchemaChange::Altered}}));
    RawConnection &db = f.db();
    QCOMPARE(db.columnNames(u"contact"_s),
             (QStringList{u"contact_id"_s, u"kind"_s, u"quote"_s, u"name"_s, u"updated"_s}));
    QCOMPARE(db.query(u"SELECT kind, quote FROM contact ORDER BY contact_id"_s),
             (Rows{{Cell::ofText(u"x"_s), Cell::ofText(u"it's"_s)},
                   {Cell::ofText(u"x"_s), Cell::ofText(u"it's"_s)}}));
    QVERIFY(db.columnInfo(u"contact"_s)[1].notNull);
}

void TestSchemaApply::alteredNullableWithDefaultGivesOldRowsNull_data()
{
    QTest::addColumn<int>("position");
    QTest::newRow("appended") << 3;
    QTest::newRow("in the middle") << 1;
}

void TestSchemaApply::alteredNullableWithDefaultGivesOldRowsNull()
{
    QFETCH(int, position);
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 2, 9);
    auto altered = contactSchema();
    altered.columns.insert(position, col(u"level"_s, u"smallint"_s, true, u"((5))"_s));
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"contact"_s, 9, SchemaChange::Altered}}));
    RawConnection &db = f.db();
    QCOMPARE(db.query(u"SELECT level FROM contact"_s), (Rows{{Cell::null()}, {Cell::null()}}));
    // The default still applies to rows that arrive without the column.
    const Cell levelDefault = db.columnInfo(u"contact"_s)[position].defaultValue;
    if (f.isPostgres()) // PostgreSQL prints a default its own way
        QVERIFY(levelDefault.type != SQLITE_NULL);
    else
        QCOMPARE(levelDefault, Cell::ofText(u"5"_s));
    sendRowData(*f.store, {batch(u"contact"_s, {u"contact_id"_s, u"name"_s},
                                 {row(ms::RowOperation::Insert, vals({u"3"_s, u"c"_s}))}, 10)});
    QCOMPARE(db.scalar(u"SELECT level FROM contact WHERE contact_id=3"_s), Cell::ofInt(5));
}

void TestSchemaApply::alteredThenSameSchemaIsNone()
{
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 1, 5);
    auto altered = contactSchema();
    altered.columns.insert(1, col(u"extra"_s, u"int"_s));
    f.store->applySchema({altered});
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"contact"_s, 5, SchemaChange::None}}));
}

void TestSchemaApply::recreated_data()
{
    QTest::addColumn<ms::TableSchema>("changed");
    auto s = contactSchema();
    s.columns[0].dataType = u"bigint"_s;
    QTest::newRow("type changed") << s;
    s = contactSchema();
    s.columns[1].dataType = u"nvarchar(255)"_s;
    QTest::newRow("type length changed") << s;
    s = contactSchema();
    s.columns[2].isNullable = false;
    QTest::newRow("nullability changed") << s;
    s = contactSchema();
    s.columns[1].defaultValue = u"('x')"_s;
    QTest::newRow("default changed") << s;
    s = contactSchema();
    s.columns[1].defaultValue = std::nullopt;
    QTest::newRow("default removed") << s;
    s = contactSchema();
    s.columns[2].defaultValue = u"(getdate())"_s;
    QTest::newRow("default added") << s;
    s = contactSchema();
    s.primaryKey = {u"contact_id"_s, u"name"_s};
    QTest::newRow("key changed") << s;
    s = contactSchema();
    s.columns.removeAt(2);
    QTest::newRow("column removed") << s;
    s = contactSchema();
    s.columns.move(1, 2);
    QTest::newRow("columns reordered") << s;
    s = contactSchema();
    s.columns[2].name = u"changed"_s;
    QTest::newRow("column renamed") << s;
    s = contactSchema();
    s.columns[2].name = u"Updated"_s;
    QTest::newRow("column name changed case") << s;
    s = contactSchema();
    s.columns.append(col(u"must"_s, u"int"_s, false));
    QTest::newRow("NOT NULL column added without default") << s;
    s = contactSchema();
    s.columns.append(col(u"when"_s, u"datetime"_s, false, u"(getdate())"_s));
    QTest::newRow("NOT NULL column added with function default") << s;
    s = contactSchema();
    s.columns.append(col(u"sum"_s, u"int"_s, false, u"((1)+(2))"_s));
    QTest::newRow("NOT NULL column added with expression default") << s;
    s = contactSchema();
    s.columns.append(col(u"extra"_s, u"int"_s));
    s.columns.removeAt(2);
    QTest::newRow("column added and another removed") << s;
}

void TestSchemaApply::recreated()
{
    QFETCH(ms::TableSchema, changed);
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    insertContacts(*f.store, 3, 1210);
    QCOMPARE(f.store->applySchema({changed}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::Recreated}}));
    RawConnection &db = f.db();
    QCOMPARE(db.scalar(u"SELECT count(*) FROM contact"_s), Cell::ofInt(0));
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), -1);
    QStringList names;
    for (const auto &c : changed.columns)
        names.append(c.name);
    QCOMPARE(db.columnNames(u"contact"_s), names);
    const QList<ColumnInfo> info = db.columnInfo(u"contact"_s);
    for (qsizetype i = 0; i < info.size(); ++i)
        QCOMPARE(info[i].notNull, !changed.columns[i].isNullable);
    QCOMPARE(f.store->tables().front().schema, changed);
    QCOMPARE(f.store->applySchema({changed}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::None}}));
}

void TestSchemaApply::defaultsInTheDdl_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("defaultValue");
    QTest::addColumn<Cell>("ddl");     // SQLite: dflt_value in pragma table_info; NULL = no default
    QTest::addColumn<Cell>("applied"); // v of a row inserted without it, on SQLite
    QTest::addColumn<Cell>("pgApplied"); // the same on PostgreSQL, in its column type

    const auto add = [](const char *name, const QString &type, const QString &defaultValue,
                        const Cell &ddl, const Cell &applied,
                        std::optional<Cell> pgApplied = std::nullopt) {
        QTest::newRow(name) << type << defaultValue << ddl << applied
                            << pgApplied.value_or(applied);
    };
    add("int ((0))", u"int"_s, u"((0))"_s, Cell::ofText(u"0"_s), Cell::ofInt(0));
    add("int ((-12))", u"int"_s, u"((-12))"_s, Cell::ofText(u"-12"_s), Cell::ofInt(-12));
    add("bit ((1))", u"bit"_s, u"((1))"_s, Cell::ofText(u"1"_s), Cell::ofInt(1));
    add("float ((0.5))", u"float"_s, u"((0.5))"_s, Cell::ofText(u"0.5"_s), Cell::ofReal(0.5));
    // numeric(10,2) prints its scale.
    add("decimal ((0))", u"decimal(10,2)"_s, u"((0))"_s, Cell::ofText(u"'0'"_s),
        Cell::ofText(u"0"_s), Cell::ofText(u"0.00"_s));
    add("nvarchar ('')", u"nvarchar(20)"_s, u"('')"_s, Cell::ofText(u"''"_s), Cell::ofText({}));
    add("nvarchar (N'a''b')", u"nvarchar(20)"_s, u"(N'a''b')"_s, Cell::ofText(u"'a''b'"_s),
        Cell::ofText(u"a'b"_s));
    add("injection attempt", u"nvarchar(50)"_s, u"('x'); drop table y; --')"_s, Cell::null(),
        Cell::null());
    add("getdate", u"datetime"_s, u"(getdate())"_s, Cell::null(), Cell::null());
    add("newid", u"uniqueidentifier"_s, u"(newid())"_s, Cell::null(), Cell::null());
    add("int with text default", u"int"_s, u"('abc')"_s, Cell::null(), Cell::null());
    add("binary", u"varbinary(10)"_s, u"((0))"_s, Cell::null(), Cell::null());
}

void TestSchemaApply::defaultsInTheDdl()
{
    QFETCH(QString, type);
    QFETCH(QString, defaultValue);
    QFETCH(Cell, ddl);
    QFETCH(Cell, applied);
    QFETCH(Cell, pgApplied);
    MirrorFixture f;
    const auto schema = table(
        u"t"_s, {col(u"id"_s, u"int"_s, false), col(u"v"_s, type, true, defaultValue)}, {u"id"_s});
    f.store->applySchema({schema});
    RawConnection &db = f.db();
    // PostgreSQL prints a default its own way ('-12'::integer): there, only whether there is one.
    if (f.isPostgres())
        QCOMPARE(db.columnInfo(u"t"_s)[1].defaultValue.type == SQLITE_NULL,
                 ddl.type == SQLITE_NULL);
    else
        QCOMPARE(db.columnInfo(u"t"_s)[1].defaultValue, ddl);
    // The database applies it to a row that comes without the column.
    QVERIFY2(db.exec(u"INSERT INTO t (id) VALUES (1)"_s), qPrintable(db.lastError()));
    QCOMPARE(db.scalar(u"SELECT v FROM t"_s), f.isPostgres() ? pgApplied : applied);
    // The default text itself is kept in the recorded schema.
    QCOMPARE(f.store->tables().front().schema.columns[1].defaultValue, defaultValue);
}

void TestSchemaApply::longestNames()
{
    // PROTOCOL.md allows names of 128 characters. PostgreSQL keeps 63 bytes of a name and cuts
    // longer ones silently, which would make two long names one table: there they are refused.
    MirrorFixture f;
    const auto schemaNamed = [](const QString &tableName, const QString &columnName) {
        return table(tableName, {col(u"id"_s, u"int"_s, false), col(columnName, u"int"_s)},
                     {u"id"_s});
    };
    const auto roundTrip = [&](const QString &tableName, const QString &columnName) {
        sendRowData(*f.store, {batch(tableName, {u"id"_s, columnName},
                                     {row(ms::RowOperation::Insert, vals({u"1"_s, u"2"_s}))}, 3)});
        QCOMPARE(f.db().columnNames(tableName), (QStringList{u"id"_s, columnName}));
        QCOMPARE(f.db().query(u"SELECT * FROM \"%1\""_s.arg(tableName)),
                 (Rows{{Cell::ofInt(1), Cell::ofInt(2)}}));
    };
    // 63 characters fit everywhere.
    const QString table63 = u"t"_s + QString(62, u'a');
    const QString column63 = u"c"_s + QString(62, u'b');
    QCOMPARE(f.store->applySchema({schemaNamed(table63, column63)}),
             (QList<TableState>{{table63, -1, SchemaChange::Created}}));
    roundTrip(table63, column63);

    // 128 characters, and a twin that differs only in its last one.
    const QString table128 = u"t"_s + QString(127, u'a');
    const QString twin128 = u"t"_s + QString(126, u'a') + u'z';
    const QString column128 = u"c"_s + QString(127, u'b');
    const QList<ms::TableSchema> request{schemaNamed(table63, column63),
                                         schemaNamed(table128, column128),
                                         schemaNamed(twin128, u"v"_s)};
    if (f.isPostgres()) {
        const QString before = f.db().dump();
        QString message;
        QCOMPARE(errorKindOf([&] { f.store->applySchema(request); }, &message),
                 std::optional(ms::Error::Kind::Client));
        QVERIFY2(message.contains(table128) || message.contains(column128), qPrintable(message));
        QCOMPARE(f.db().dump(), before);
        return;
    }
    QCOMPARE(f.store->applySchema(request),
             (QList<TableState>{{table63, 3, SchemaChange::None},
                                {table128, -1, SchemaChange::Created},
                                {twin128, -1, SchemaChange::Created}}));
    roundTrip(table128, column128);
    QCOMPARE(f.db().scalar(u"SELECT count(*) FROM \"%1\""_s.arg(twin128)), Cell::ofInt(0));
}

void TestSchemaApply::reservedWordsAsNames()
{
    // Names are data (PROTOCOL.md): SQL keywords are tables and columns like any other, through
    // Created, RowData, Altered (a rebuild), Wipe and the drop of a table the request lacks.
    MirrorFixture f;
    const auto order = table(u"order"_s,
                             {col(u"select"_s, u"int"_s, false), col(u"user"_s, u"nvarchar(20)"_s),
                              col(u"from"_s, u"datetime"_s)},
                             {u"select"_s});
    const auto group = table(u"group"_s, {col(u"table"_s, u"int"_s, false)}, {u"table"_s});
    QCOMPARE(f.store->applySchema({order, group}),
             (QList<TableState>{{u"order"_s, -1, SchemaChange::Created},
                                {u"group"_s, -1, SchemaChange::Created}}));
    sendRowData(*f.store, {batch(u"order"_s, {u"select"_s, u"user"_s},
                                 {row(ms::RowOperation::Insert, vals({u"1"_s, u"me"_s})),
                                  row(ms::RowOperation::Update, vals({u"2"_s, u"you"_s})),
                                  row(ms::RowOperation::Delete, vals({u"3"_s, std::nullopt}))},
                                 4),
                           batch(u"group"_s, {u"table"_s},
                                 {row(ms::RowOperation::Insert, vals({u"5"_s}))}, 6)});
    auto altered = order;
    altered.columns.insert(1, col(u"where"_s, u"int"_s));
    QCOMPARE(f.store->applySchema({altered, group}),
             (QList<TableState>{{u"order"_s, 4, SchemaChange::Altered},
                                {u"group"_s, 6, SchemaChange::None}}));
    RawConnection &db = f.db();
    QCOMPARE(db.columnNames(u"order"_s),
             (QStringList{u"select"_s, u"where"_s, u"user"_s, u"from"_s}));
    QCOMPARE(db.query(u"SELECT \"select\", \"where\", \"user\" FROM \"order\" "
                      "ORDER BY \"select\""_s),
             (Rows{{Cell::ofInt(1), Cell::null(), Cell::ofText(u"me"_s)},
                   {Cell::ofInt(2), Cell::null(), Cell::ofText(u"you"_s)}}));
    f.store->wipe(u"order"_s);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM \"order\""_s), Cell::ofInt(0));
    QCOMPARE(f.store->applySchema({altered}),
             (QList<TableState>{{u"order"_s, -1, SchemaChange::None}}));
    QVERIFY(!db.hasTable(u"group"_s));
}

QTEST_GUILESS_MAIN(TestSchemaApply)
#include "tst_schemaapply.moc"
