// What is PostgreSQL-specific in the store (the shared store suite covers the protocol's
// rules): the layout other readers depend on (schema "Mirror_<ctx>", lower-case metadata table
// and its columns, tables named exactly), the type mapping with exact round trips, the
// documented manual commands typed psql-style without quotes, U+0000 refused, the rebuild that
// keeps the column order, errors classified, and connections per thread.

#include "pgtestsupport.h"

#include "service/common/error.h"
#include "service/store/backendfactory.h"

#include <QMutex>
#include <QSqlRecord>
#include <QThread>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

ms::ColumnSchema col(const QString &name, const QString &type, bool nullable = true,
                     std::optional<QString> defaultValue = std::nullopt)
{
    return ms::ColumnSchema{name, type, nullable, std::move(defaultValue)};
}

ms::TableSchema contactSchema()
{
    return {u"contact"_s,
            {col(u"contact_id"_s, u"int"_s, false),
             col(u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s),
             col(u"updated"_s, u"datetime"_s)},
            {u"contact_id"_s}};
}

ms::CellValue v(const QString &text)
{
    return {text, false};
}
const ms::CellValue nil{QString(), true};

struct Batch
{
    QString table;
    QStringList columns;
    QList<std::pair<ms::RowOperation, QList<ms::CellValue>>> rows;
    std::optional<qint64> lsn;
};

QList<ms::TableCounts> send(ms::MirrorStore &store, const QList<Batch> &batches)
{
    const auto transaction = store.beginRowData();
    for (const Batch &batch : batches) {
        transaction->beginBatch(batch.table, batch.columns);
        for (const auto &[op, values] : batch.rows)
            transaction->row(op, std::nullopt, values);
        transaction->endBatch(batch.lsn);
    }
    return transaction->commit();
}

std::optional<ms::Error> errorOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const ms::Error &error) {
        return error;
    }
    return std::nullopt;
}

} // namespace

class TestPostgresStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void layout();
    void typeMapping_data();
    void typeMapping();
    void roundTrips_data();
    void roundTrips();
    void manualInvalidateUnquoted();
    void manualHardResetUnquoted();
    void alteredInTheMiddleKeepsOrderRowsAndLsn();
    void nulCharacterRefused();
    void notNullBreakAtRow500LeavesNothing();
    void valuesTheColumnRefusesAreClientErrors();
    void largeCallSpansStatements();
    void copyPathWritesWhatSingleRowsWrite();
    void copyPathRefusalNamesTheRow();
    void unreachableServer();
    void connectionsPerThread();
    void lostConnectionIsReopened();
    void connectionsRemovedWithTheBackend();
    void lockHeldElsewhereIsAServerError();
    void longNamesRefused();

private:
    std::unique_ptr<ms::MirrorBackend> m_backend;
    QString m_tenant;
    QStringList m_extraTenants;
};

void TestPostgresStore::init()
{
    MS_REQUIRE_TEST_PG();
    m_backend = ms::createMirrorBackend(pgtest::target());
    m_tenant = pgtest::randomTenant();
    m_extraTenants.clear();
}

void TestPostgresStore::cleanup()
{
    if (!m_backend)
        return;
    const QStringList tenants = QStringList(m_extraTenants) << m_tenant;
    for (const QString &tenant : tenants) {
        try {
            m_backend->deleteTenant(tenant);
        } catch (const ms::Error &e) {
            qWarning("cleanup: %s", e.what());
        }
    }
    m_backend.reset();
}

void TestPostgresStore::layout()
{
    const QString lower = m_tenant.toLower();
    QVERIFY(!m_backend->exists(m_tenant));
    auto store = m_backend->open(m_tenant);
    QVERIFY(m_backend->exists(m_tenant));
    QVERIFY(m_backend->tenants().contains(m_tenant));
    ms::TableSchema mixed{u"Person_Extra"_s,
                          {col(u"Id"_s, u"int"_s, false), col(u"Name"_s, u"nvarchar(20)"_s)},
                          {u"Id"_s}};
    const auto states = store->applySchema({contactSchema(), mixed});
    QCOMPARE(states.size(), 2);
    QCOMPARE(states[0].schemaChange, ms::SchemaChange::Created);

    pgtest::Connection check;
    QVERIFY(check.ok());
    const QString schema = u"Mirror_"_s + m_tenant;
    // The metadata table: lower case, in the tenant's schema, with the agreed columns and types.
    QSqlQuery columns = check.exec(
        u"SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE "
        "table_schema = '%1' AND table_name = '%2_mirroring' ORDER BY ordinal_position"_s.arg(
            schema, lower));
    QStringList described;
    while (columns.next())
        described.append(columns.value(0).toString() + u' ' + columns.value(1).toString() + u' ' +
                         columns.value(2).toString());
    QCOMPARE(described,
             QStringList({u"tablename text NO"_s, u"schemahash text NO"_s, u"lsn bigint NO"_s,
                          u"schemajson text NO"_s, u"lastchange timestamp with time zone YES"_s,
                          u"lastinserted bigint NO"_s, u"lastupdated bigint NO"_s,
                          u"lastdeleted bigint NO"_s}));
    QCOMPARE(check
                 .scalar(u"SELECT string_agg(a.attname, ',') FROM pg_index i JOIN pg_attribute a "
                         "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE "
                         "i.indisprimary AND i.indrelid = '\"%1\".%2_mirroring'::regclass"_s.arg(
                             schema, lower))
                 .toString(),
             u"tablename"_s);
    // Mirrored tables named exactly as received, columns too, in order.
    QCOMPARE(check
                 .scalar(u"SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                         "information_schema.columns WHERE table_schema = '%1' AND "
                         "table_name = 'Person_Extra'"_s.arg(schema))
                 .toString(),
             u"Id,Name"_s);
    QCOMPARE(check
                 .scalar(u"SELECT lsn FROM \"%1\".%2_mirroring WHERE tablename = 'contact'"_s.arg(
                     schema, lower))
                 .toLongLong(),
             -1);

    const ms::ReadAccess access = m_backend->readAccess(m_tenant);
    const ms::DatabaseTarget target = pgtest::target();
    QCOMPARE(access.driver, u"QPSQL"_s);
    QCOMPARE(access.databaseName, target.database);
    QCOMPARE(access.host, target.host);
    QCOMPARE(access.port, target.port);
    QCOMPARE(access.user, target.user);
    QCOMPARE(access.schema, schema);
    QVERIFY(store->location().contains(schema));
    QVERIFY(m_backend->description().startsWith(u"PostgreSQL database "_s));

    store.reset();
    m_backend->deleteTenant(m_tenant);
    QVERIFY(!m_backend->exists(m_tenant));
    QCOMPARE(check.scalar(u"SELECT count(*) FROM pg_namespace WHERE nspname = '%1'"_s.arg(schema))
                 .toInt(),
             0);
}

void TestPostgresStore::typeMapping_data()
{
    QTest::addColumn<QString>("sqlServerType");
    QTest::addColumn<QString>("postgresType");
    const std::pair<const char *, const char *> rows[] = {
        {"bit", "boolean"},
        {"tinyint", "smallint"},
        {"smallint", "smallint"},
        {"int", "integer"},
        {"bigint", "bigint"},
        {"decimal(38,10)", "numeric(38,10)"},
        {"numeric(5,0)", "numeric(5,0)"},
        {"money", "numeric(19,4)"},
        {"smallmoney", "numeric(10,4)"},
        {"float", "double precision"},
        {"float(24)", "double precision"},
        {"real", "double precision"},
        {"date", "date"},
        {"time(3)", "time(3) without time zone"},
        {"time(6)", "time(6) without time zone"},
        {"time(7)", "text"},
        {"time", "text"},
        {"datetime2(6)", "timestamp(6) without time zone"},
        {"datetime2(0)", "timestamp(0) without time zone"},
        {"datetime2", "text"},
        {"datetime2(7)", "text"},
        {"datetime", "timestamp(3) without time zone"},
        {"smalldatetime", "timestamp(0) without time zone"},
        {"datetimeoffset(7)", "text"},
        {"char(10)", "character varying(10)"},
        {"nchar(3)", "character varying(3)"},
        {"varchar(254)", "character varying(254)"},
        {"nvarchar(max)", "text"},
        {"varchar(max)", "text"},
        {"text", "text"},
        {"ntext", "text"},
        {"binary(16)", "bytea"},
        {"varbinary(max)", "bytea"},
        {"image", "bytea"},
        {"uniqueidentifier", "uuid"},
    };
    for (const auto &[from, to] : rows)
        QTest::newRow(from) << QString::fromLatin1(from) << QString::fromLatin1(to);
}

void TestPostgresStore::typeMapping()
{
    QFETCH(QString, sqlServerType);
    QFETCH(QString, postgresType);
    auto store = m_backend->open(m_tenant);
    store->applySchema(
        {{u"t"_s, {col(u"id"_s, u"int"_s, false), col(u"c"_s, sqlServerType)}, {u"id"_s}}});
    pgtest::Connection check;
    QCOMPARE(check
                 .scalar(u"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE "
                         "attrelid = '\"Mirror_%1\".t'::regclass AND attname = 'c'"_s.arg(m_tenant))
                 .toString(),
             postgresType);
}

void TestPostgresStore::roundTrips_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored"); ///< as PostgreSQL prints it (::text)
    QTest::newRow("bit 1") << u"bit"_s << u"1"_s << u"true"_s;
    QTest::newRow("bit 0") << u"bit"_s << u"0"_s << u"false"_s;
    QTest::newRow("tinyint") << u"tinyint"_s << u"255"_s << u"255"_s;
    QTest::newRow("bigint min") << u"bigint"_s << u"-9223372036854775808"_s
                                << u"-9223372036854775808"_s;
    QTest::newRow("decimal(38,10)")
        << u"decimal(38,10)"_s << u"1234567890123456789012345678.0123456789"_s
        << u"1234567890123456789012345678.0123456789"_s;
    QTest::newRow("money") << u"money"_s << u"-922337203685477.5808"_s
                           << u"-922337203685477.5808"_s;
    QTest::newRow("float exact") << u"float"_s << u"0.1"_s << u"0.1"_s;
    QTest::newRow("float exponent") << u"float"_s << u"1.5E-3"_s << u"0.0015"_s;
    QTest::newRow("real not via float32")
        << u"real"_s << u"3.14159265358979"_s << u"3.14159265358979"_s;
    QTest::newRow("date") << u"date"_s << u"2024-01-31"_s << u"2024-01-31"_s;
    QTest::newRow("time(3)") << u"time(3)"_s << u"13:45:00.123"_s << u"13:45:00.123"_s;
    QTest::newRow("time(7) as text")
        << u"time(7)"_s << u"13:45:00.1234567"_s << u"13:45:00.1234567"_s;
    QTest::newRow("datetime") << u"datetime"_s << u"2024-01-31T13:45:00.123"_s
                              << u"2024-01-31 13:45:00.123"_s;
    QTest::newRow("datetime2(7) as text") << u"datetime2(7)"_s << u"2024-01-31T13:45:00.1234567"_s
                                          << u"2024-01-31T13:45:00.1234567"_s;
    QTest::newRow("datetime2(6)") << u"datetime2(6)"_s << u"9999-12-31T23:59:59.999999"_s
                                  << u"9999-12-31 23:59:59.999999"_s;
    QTest::newRow("datetimeoffset")
        << u"datetimeoffset(7)"_s << u"2024-01-31T13:45:00.1234567+01:00"_s
        << u"2024-01-31T13:45:00.1234567+01:00"_s;
    QTest::newRow("guid lower-cased")
        << u"uniqueidentifier"_s << u"6F9619FF-8B86-D011-B42D-00C04FC964FF"_s
        << u"6f9619ff-8b86-d011-b42d-00c04fc964ff"_s;
    QTest::newRow("binary") << u"varbinary(max)"_s << u"AP8A/w=="_s << u"00ff00ff"_s;
    QTest::newRow("empty binary") << u"varbinary(10)"_s << QString() << QString();
    QTest::newRow("empty string") << u"nvarchar(10)"_s << QString() << QString();
    QTest::newRow("unicode") << u"nvarchar(max)"_s << u"Ærøskøbing 日本 😀"_s
                             << u"Ærøskøbing 日本 😀"_s;
    QTest::newRow("quotes and backslashes")
        << u"nvarchar(max)"_s << u"a'b\\c\"d"_s << u"a'b\\c\"d"_s;
    QTest::newRow("trailing spaces kept") << u"char(10)"_s << u"ab  "_s << u"ab  "_s;
}

void TestPostgresStore::roundTrips()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, stored);
    auto store = m_backend->open(m_tenant);
    store->applySchema(
        {{u"t"_s, {col(u"id"_s, u"int"_s, false), col(u"c"_s, type, false)}, {u"id"_s}}});
    send(*store,
         {{u"t"_s, {u"id"_s, u"c"_s}, {{ms::RowOperation::Insert, {v(u"1"_s), v(value)}}}, 7}});
    pgtest::Connection check;
    // Binary as hex: the driver's connection may print bytea in the escape format.
    const QString shown = type.contains(u"binary"_s) ? u"encode(c, 'hex')"_s : u"c::text"_s;
    QSqlQuery query = check.exec(
        u"SELECT %1, c IS NULL FROM \"Mirror_%2\".t WHERE id = 1"_s.arg(shown, m_tenant));
    QVERIFY(query.next());
    QCOMPARE(query.value(1).toBool(), false);
    QCOMPARE(query.value(0).toString(), stored);
    if (type == u"float" || type == u"real") {
        QCOMPARE(check.scalar(u"SELECT c FROM \"Mirror_%1\".t"_s.arg(m_tenant)).toDouble(),
                 value.toDouble());
    }
}

void TestPostgresStore::manualInvalidateUnquoted()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    send(*store, {{u"contact"_s,
                   {u"contact_id"_s, u"name"_s, u"updated"_s},
                   {{ms::RowOperation::Insert, {v(u"1"_s), v(u"Acme"_s), nil}}},
                   1200}});
    QCOMPARE(store->applySchema({contactSchema()}).value(0).lsn, 1200);

    pgtest::Connection person;
    // Typed as the documentation prints it: the tenant in its own case, nothing quoted.
    person.exec(u"SET search_path TO \"Mirror_%1\""_s.arg(m_tenant));
    QSqlQuery update = person.exec(u"update %1_mirroring set lsn = -1"_s.arg(m_tenant));
    QVERIFY2(update.isActive(), qPrintable(update.lastError().text()));
    QCOMPARE(update.numRowsAffected(), 1);

    const auto states = store->applySchema({contactSchema()});
    QCOMPARE(states.value(0).lsn, -1);
    QCOMPARE(states.value(0).schemaChange, ms::SchemaChange::None);
}

void TestPostgresStore::manualHardResetUnquoted()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    send(*store, {{u"contact"_s,
                   {u"contact_id"_s, u"name"_s, u"updated"_s},
                   {{ms::RowOperation::Insert, {v(u"1"_s), v(u"Acme"_s), nil}}},
                   1200}});
    pgtest::Connection person;
    person.exec(u"SET search_path TO \"Mirror_%1\""_s.arg(m_tenant));
    QVERIFY(person.exec(u"delete from %1_mirroring where tablename = 'contact'"_s.arg(m_tenant))
                .isActive());
    QVERIFY(person.exec(u"drop table contact"_s).isActive());

    const auto states = store->applySchema({contactSchema()});
    QCOMPARE(states.value(0).schemaChange, ms::SchemaChange::Created);
    QCOMPARE(states.value(0).lsn, -1);
}

void TestPostgresStore::alteredInTheMiddleKeepsOrderRowsAndLsn()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    send(*store, {{u"contact"_s,
                   {u"contact_id"_s, u"name"_s, u"updated"_s},
                   {{ms::RowOperation::Insert, {v(u"1"_s), v(u"Acme"_s), nil}},
                    {ms::RowOperation::Insert, {v(u"2"_s), v(u"Beta"_s), nil}}},
                   1300}});
    ms::TableSchema altered = contactSchema();
    altered.columns.insert(1, col(u"rank"_s, u"int"_s, false, u"((5))"_s));
    altered.columns.insert(2, col(u"note"_s, u"nvarchar(20)"_s, true, u"('x')"_s));
    const auto states = store->applySchema({altered});
    QCOMPARE(states.value(0).schemaChange, ms::SchemaChange::Altered);
    QCOMPARE(states.value(0).lsn, 1300);
    // Done twice: the second rebuild must not trip over names the first one left behind.
    altered.columns.insert(1, col(u"extra"_s, u"bit"_s));
    QCOMPARE(store->applySchema({altered}).value(0).schemaChange, ms::SchemaChange::Altered);

    pgtest::Connection check;
    QCOMPARE(check
                 .scalar(u"SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM "
                         "information_schema.columns WHERE table_schema = 'Mirror_%1' AND "
                         "table_name = 'contact'"_s.arg(m_tenant))
                 .toString(),
             u"contact_id,extra,rank,note,name,updated"_s);
    QCOMPARE(check
                 .scalar(u"SELECT string_agg(contact_id || ':' || coalesce(extra::text, 'null') "
                         "|| ':' || rank || ':' || coalesce(note, 'null') || ':' || name, ' ' "
                         "ORDER BY contact_id) FROM \"Mirror_%1\".contact"_s.arg(m_tenant))
                 .toString(),
             u"1:null:5:null:Acme 2:null:5:null:Beta"_s);
    // The key survived the rebuild: an upsert of an existing key replaces it.
    send(*store, {{u"contact"_s,
                   {u"contact_id"_s, u"name"_s},
                   {{ms::RowOperation::Insert, {v(u"1"_s), v(u"Acme 2"_s)}}},
                   1301}});
    QCOMPARE(check.scalar(u"SELECT count(*) FROM \"Mirror_%1\".contact"_s.arg(m_tenant)).toInt(),
             2);
    QCOMPARE(store->tables().value(0).lsn, 1301);
}

void TestPostgresStore::nulCharacterRefused()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    const auto error = errorOf([&] {
        send(*store, {{u"contact"_s,
                       {u"contact_id"_s, u"name"_s, u"updated"_s},
                       {{ms::RowOperation::Insert, {v(u"1"_s), v(u"ok"_s), nil}},
                        {ms::RowOperation::Insert, {v(u"2"_s), v(u"a\u0000b"_s), nil}}},
                       5}});
    });
    QVERIFY(error);
    QCOMPARE(error->kind(), ms::Error::Kind::Client);
    QVERIFY2(error->message().contains(u"U+0000"_s) &&
                 error->message().contains(u"PostgreSQL cannot store"_s) &&
                 error->message().contains(u"row 2"_s),
             qPrintable(error->message()));
    pgtest::Connection check;
    QCOMPARE(check.scalar(u"SELECT count(*) FROM \"Mirror_%1\".contact"_s.arg(m_tenant)).toInt(),
             0);
}

void TestPostgresStore::notNullBreakAtRow500LeavesNothing()
{
    auto store = m_backend->open(m_tenant);
    // A NOT NULL column the batch does not list: only PostgreSQL can see the break.
    ms::TableSchema schema{u"item"_s,
                           {col(u"id"_s, u"int"_s, false), col(u"label"_s, u"nvarchar(20)"_s),
                            col(u"must"_s, u"int"_s, false)},
                           {u"id"_s}};
    store->applySchema({schema});
    send(*store, {{u"item"_s,
                   {u"id"_s, u"label"_s, u"must"_s},
                   {{ms::RowOperation::Insert, {v(u"100000"_s), v(u"kept"_s), v(u"1"_s)}}},
                   10}});
    Batch good{u"item"_s, {u"id"_s, u"label"_s, u"must"_s}, {}, std::nullopt};
    for (int i = 1; i < 500; ++i)
        good.rows.append({ms::RowOperation::Insert, {v(QString::number(i)), v(u"x"_s), v(u"1"_s)}});
    Batch bad{u"item"_s, {u"id"_s, u"label"_s}, {}, 20};
    bad.rows.append({ms::RowOperation::Insert, {v(u"500"_s), v(u"breaks"_s)}});
    const auto error = errorOf([&] { send(*store, {good, bad}); });
    QVERIFY(error);
    QCOMPARE(error->kind(), ms::Error::Kind::Client);
    // The server refused a statement of many rows; the message still names the row.
    QVERIFY2(error->message().contains(u"not-null"_s) && error->message().contains(u"must"_s) &&
                 error->message().contains(u"'item', row 1:"_s),
             qPrintable(error->message()));
    pgtest::Connection check;
    QCOMPARE(check.scalar(u"SELECT count(*) FROM \"Mirror_%1\".item"_s.arg(m_tenant)).toInt(), 1);
    QCOMPARE(store->tables().value(0).lsn, 10);
}

void TestPostgresStore::valuesTheColumnRefusesAreClientErrors()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema(
        {{u"t"_s,
          {col(u"id"_s, u"int"_s, false), col(u"s"_s, u"nvarchar(3)"_s), col(u"d"_s, u"date"_s),
           col(u"n"_s, u"decimal(5,2)"_s), col(u"g"_s, u"uniqueidentifier"_s)},
          {u"id"_s}}});
    // Each refusal names the table and the row (the second of the statement), and the column
    // where it is checked before the server sees it.
    const QList<std::pair<QString, QString>> cases = {
        {u"s"_s, u"toolong"_s},    // varchar(3): checked before the server
        {u"d"_s, u"2024-02-30"_s}, // not a date (22008)
        {u"n"_s, u"12345.5"_s},    // numeric(5,2) overflow (22003)
        {u"n"_s, u"1.234"_s},      // more decimals than the scale: refused, never rounded
        {u"g"_s, u"not-a-guid"_s}, // 22P02
    };
    for (const auto &[column, value] : cases) {
        const auto error = errorOf([&] {
            send(*store, {{u"t"_s,
                           {u"id"_s, column},
                           {{ms::RowOperation::Insert, {v(u"1"_s), nil}},
                            {ms::RowOperation::Insert, {v(u"2"_s), v(value)}}},
                           3}});
        });
        QVERIFY2(error, qPrintable(value));
        QVERIFY2(error->kind() == ms::Error::Kind::Client, qPrintable(error->message()));
        QVERIFY2(error->message().contains(u"'t', row 2:"_s), qPrintable(error->message()));
    }
    QCOMPARE(store->tables().value(0).lsn, -1);
}

void TestPostgresStore::largeCallSpansStatements()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    Batch batch{u"contact"_s, {u"contact_id"_s, u"name"_s, u"updated"_s}, {}, 99};
    for (int i = 0; i < 2500; ++i)
        batch.rows.append(
            {ms::RowOperation::Insert, {v(QString::number(i)), v(u"n%1"_s.arg(i)), nil}});
    // Interleaved: an update of a row still waiting in the same statement, then deletes.
    batch.rows.append({ms::RowOperation::Update, {v(u"5"_s), v(u"five"_s), nil}});
    batch.rows.append({ms::RowOperation::Delete, {v(u"6"_s), nil, nil}});
    batch.rows.append({ms::RowOperation::Insert, {v(u"6"_s), v(u"six again"_s), nil}});
    batch.rows.append({ms::RowOperation::Delete, {v(u"7"_s), nil, nil}});
    batch.rows.append({ms::RowOperation::Delete, {v(u"999999"_s), nil, nil}});
    const auto counts = send(*store, {batch});
    QCOMPARE(counts.value(0).inserted, 2501);
    QCOMPARE(counts.value(0).updated, 1);
    QCOMPARE(counts.value(0).deleted, 3);
    QCOMPARE(counts.value(0).lsn, 99);
    pgtest::Connection check;
    const QString table = u"\"Mirror_%1\".contact"_s.arg(m_tenant);
    QCOMPARE(check.scalar(u"SELECT count(*) FROM %1"_s.arg(table)).toInt(), 2499);
    QCOMPARE(check.scalar(u"SELECT name FROM %1 WHERE contact_id = 5"_s.arg(table)).toString(),
             u"five"_s);
    QCOMPARE(check.scalar(u"SELECT name FROM %1 WHERE contact_id = 6"_s.arg(table)).toString(),
             u"six again"_s);
    QCOMPARE(check.scalar(u"SELECT name FROM %1 WHERE contact_id = 2499"_s.arg(table)).toString(),
             u"n2499"_s);
}

namespace {
/// A table of every kind of value, and rows whose text holds what COPY's text format escapes.
ms::TableSchema everyKindSchema(const QString &name)
{
    return {name,
            {col(u"id"_s, u"int"_s, false), col(u"b"_s, u"bit"_s), col(u"n"_s, u"decimal(38,10)"_s),
             col(u"f"_s, u"float"_s), col(u"d"_s, u"datetime2(3)"_s), col(u"t7"_s, u"time(7)"_s),
             col(u"g"_s, u"uniqueidentifier"_s), col(u"bin"_s, u"varbinary(max)"_s),
             col(u"s"_s, u"nvarchar(max)"_s), col(u"c"_s, u"nchar(12)"_s)},
            {u"id"_s}};
}

QList<ms::CellValue> everyKindRow(int i)
{
    const QStringList texts = {u"tab\there"_s, u"back\\slash \\N"_s, u"line\nbreak\r\n"_s,
                               QString(),      u"Ærø 日本 😀"_s,      u"\\x41"_s};
    return {v(QString::number(i)),
            i % 3 == 0 ? nil : v(QString::number(i % 2)),
            v(u"-%1.0123456789"_s.arg(i)),
            v(u"%1.1E-3"_s.arg(i)),
            v(u"2024-01-31T13:45:%1.123"_s.arg(i % 60, 2, 10, QLatin1Char('0'))),
            v(u"13:45:00.1234567"_s),
            v(u"6F9619FF-8B86-D011-B42D-00C04FC9%1"_s.arg(i, 4, 10, QLatin1Char('0'))),
            i % 4 == 0 ? v(QString()) : v(u"AP8A/w=="_s),
            i % 7 == 0 ? nil : v(texts[i % texts.size()]),
            v(texts[(i + 1) % texts.size()].left(12))};
}
} // namespace

void TestPostgresStore::copyPathWritesWhatSingleRowsWrite()
{
    // 120 rows in one batch go through COPY; the same rows one batch each through single-row
    // statements. Both tables must then hold exactly the same values.
    auto store = m_backend->open(m_tenant);
    store->applySchema({everyKindSchema(u"bulk"_s), everyKindSchema(u"single"_s)});
    const QStringList columns = {u"id"_s, u"b"_s, u"n"_s,   u"f"_s, u"d"_s,
                                 u"t7"_s, u"g"_s, u"bin"_s, u"s"_s, u"c"_s};
    Batch bulk{u"bulk"_s, columns, {}, 1};
    QList<Batch> singles;
    for (int i = 0; i < 120; ++i) {
        bulk.rows.append({ms::RowOperation::Insert, everyKindRow(i)});
        singles.append({u"single"_s, columns, {{ms::RowOperation::Insert, everyKindRow(i)}}, 1});
    }
    send(*store, {bulk});
    send(*store, singles);
    pgtest::Connection check;
    const QString bulkTable = u"\"Mirror_%1\".bulk"_s.arg(m_tenant);
    const QString singleTable = u"\"Mirror_%1\".single"_s.arg(m_tenant);
    QCOMPARE(check.scalar(u"SELECT count(*) FROM %1"_s.arg(bulkTable)).toInt(), 120);
    QCOMPARE(check
                 .scalar(u"SELECT count(*) FROM (SELECT * FROM %1 EXCEPT SELECT * FROM %2) x"_s.arg(
                     bulkTable, singleTable))
                 .toInt(),
             0);
    // And the values are the ones sent, NULL and empty kept apart.
    QCOMPARE(check.scalar(u"SELECT s FROM %1 WHERE id = 1"_s.arg(bulkTable)).toString(),
             everyKindRow(1)[8].text);
    QCOMPARE(check.scalar(u"SELECT s FROM %1 WHERE id = 2"_s.arg(bulkTable)).toString(),
             everyKindRow(2)[8].text);
    QCOMPARE(check.scalar(u"SELECT count(*) FROM %1 WHERE s = ''"_s.arg(bulkTable)).toInt(),
             check.scalar(u"SELECT count(*) FROM %1 WHERE s = ''"_s.arg(singleTable)).toInt());
    QVERIFY(check.scalar(u"SELECT count(*) FROM %1 WHERE s = ''"_s.arg(bulkTable)).toInt() > 0);
    QCOMPARE(check.scalar(u"SELECT count(*) FROM %1 WHERE s IS NULL"_s.arg(bulkTable)).toInt(), 18);
    QCOMPARE(check.scalar(u"SELECT count(*) FROM %1 WHERE octet_length(bin) = 0"_s.arg(bulkTable))
                 .toInt(),
             30);
    QCOMPARE(
        check.scalar(u"SELECT encode(bin, 'hex') FROM %1 WHERE id = 1"_s.arg(bulkTable)).toString(),
        u"00ff00ff"_s);
    // Upserts through COPY replace existing rows.
    Batch again{u"bulk"_s, {u"id"_s, u"s"_s}, {}, 2};
    for (int i = 0; i < 120; ++i)
        again.rows.append({ms::RowOperation::Update, {v(QString::number(i)), v(u"new\t"_s)}});
    send(*store, {again});
    QCOMPARE(
        check.scalar(u"SELECT count(*) FROM %1 WHERE s = 'new' || chr(9)"_s.arg(bulkTable)).toInt(),
        120);
}

void TestPostgresStore::copyPathRefusalNamesTheRow()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({everyKindSchema(u"bulk"_s)});
    send(*store, {{u"bulk"_s, {u"id"_s}, {{ms::RowOperation::Insert, {v(u"100000"_s)}}}, 5}});
    Batch batch{u"bulk"_s, {u"id"_s, u"d"_s}, {}, 9};
    for (int i = 1; i <= 150; ++i)
        batch.rows.append({ms::RowOperation::Insert,
                           {v(QString::number(i)),
                            v(i == 77 ? u"2024-02-30T00:00:00"_s : u"2024-02-01T00:00:00"_s)}});
    const auto error = errorOf([&] { send(*store, {batch}); });
    QVERIFY(error);
    QCOMPARE(error->kind(), ms::Error::Kind::Client);
    QVERIFY2(error->message().startsWith(u"RowData for table 'bulk', row 77: "_s),
             qPrintable(error->message()));
    pgtest::Connection check;
    QCOMPARE(check.scalar(u"SELECT count(*) FROM \"Mirror_%1\".bulk"_s.arg(m_tenant)).toInt(), 1);
    QCOMPARE(store->tables().value(0).lsn, 5);
}

void TestPostgresStore::unreachableServer()
{
    // A port nothing listens on: the backend is made, each call fails with a Server error that
    // says where and why.
    const auto backend = ms::createMirrorBackend(
        ms::DatabaseTarget::parse(u"postgresql://nobody:secretpw@127.0.0.1:1/db"_s, {}));
    for (const std::function<void()> &call : std::initializer_list<std::function<void()>>{
             [&] { backend->open(m_tenant); }, [&] { backend->tenants(); },
             [&] {
                 backend->deleteTenant(m_tenant);
             }}) {
        const auto error = errorOf(call);
        QVERIFY(error);
        QCOMPARE(error->kind(), ms::Error::Kind::Server);
        QVERIFY2(error->message().startsWith(u"cannot reach PostgreSQL at 127.0.0.1:1"_s),
                 qPrintable(error->message()));
        QVERIFY2(error->message().contains(u"connection refused"_s, Qt::CaseInsensitive),
                 qPrintable(error->message()));
        QVERIFY(!error->message().contains(u"secretpw"_s));
    }
}

void TestPostgresStore::connectionsPerThread()
{
    // The endpoint calls a tenant's store from any worker thread, one at a time; tenants run
    // in parallel. Each thread's calls must use that thread's own connection.
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    QList<QString> errors;
    QMutex errorsMutex;
    auto worker = [&](int first) {
        try {
            send(*store,
                 {{u"contact"_s,
                   {u"contact_id"_s, u"name"_s, u"updated"_s},
                   {{ms::RowOperation::Insert, {v(QString::number(first)), v(u"w"_s), nil}}},
                   first}});
        } catch (const ms::Error &e) {
            QMutexLocker locker(&errorsMutex);
            errors.append(e.message());
        }
    };
    for (int i = 1; i <= 4; ++i) { // sequential, each from a new thread
        std::unique_ptr<QThread> thread(QThread::create(worker, i));
        thread->start();
        QVERIFY(thread->wait());
    }
    // Other tenants at the same time, each in its own thread, with its own store.
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 3; ++i) {
        const QString tenant = pgtest::randomTenant();
        m_extraTenants.append(tenant);
        threads.emplace_back(QThread::create([&, tenant] {
            try {
                auto own = m_backend->open(tenant);
                own->applySchema({contactSchema()});
                for (int n = 0; n < 5; ++n)
                    send(*own,
                         {{u"contact"_s,
                           {u"contact_id"_s, u"name"_s, u"updated"_s},
                           {{ms::RowOperation::Insert, {v(QString::number(n)), v(u"p"_s), nil}}},
                           n}});
                if (own->tables().value(0).lsn != 4)
                    throw ms::serverError(u"wrong LSN in "_s + tenant);
            } catch (const ms::Error &e) {
                QMutexLocker locker(&errorsMutex);
                errors.append(e.message());
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QCOMPARE(store->tables().value(0).lsn, 4);
    pgtest::Connection check;
    QCOMPARE(check.scalar(u"SELECT count(*) FROM \"Mirror_%1\".contact"_s.arg(m_tenant)).toInt(),
             4);
    // A transaction is bound to the thread that began it.
    auto transaction = store->beginRowData();
    std::optional<ms::Error> misuse;
    std::unique_ptr<QThread> other(QThread::create([&] {
        misuse = errorOf([&] { transaction->beginBatch(u"contact"_s, {u"contact_id"_s}); });
    }));
    other->start();
    QVERIFY(other->wait());
    QVERIFY(misuse);
    QVERIFY2(misuse->message().contains(u"another thread"_s), qPrintable(misuse->message()));
}

void TestPostgresStore::lostConnectionIsReopened()
{
    // An application name of this test's own, so that only our connections are ended on the
    // shared server.
    const QString application = u"ms_%1"_s.arg(m_tenant.toLower());
    const auto backend = ms::createMirrorBackend(
        ms::DatabaseTarget::parse(pgtest::url() + (pgtest::url().contains(u'?') ? u"&"_s : u"?"_s) +
                                      u"application_name="_s + application,
                                  {}));
    auto store = backend->open(m_tenant);
    store->applySchema({contactSchema()});
    pgtest::Connection admin;
    QCOMPARE(admin
                 .scalar(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                         "application_name = '%1'"_s.arg(application))
                 .toInt(),
             1);
    // The server restarted, say: the next call reconnects instead of failing.
    QTRY_COMPARE(admin
                     .scalar(u"SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                             "'%1'"_s.arg(application))
                     .toInt(),
                 0);
    const QList<ms::MirroredTable> tables = store->tables();
    QCOMPARE(tables.size(), 1);
    QCOMPARE(tables[0].tableName, u"contact"_s);
}

void TestPostgresStore::connectionsRemovedWithTheBackend()
{
    const QStringList before = QSqlDatabase::connectionNames();
    {
        auto backend = ms::createMirrorBackend(pgtest::target());
        auto store = backend->open(m_tenant);
        store->applySchema({contactSchema()});
        std::unique_ptr<QThread> thread(QThread::create([&] { store->tables(); }));
        thread->start();
        QVERIFY(thread->wait());
        // One connection per thread that used it: this one and the worker's.
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        backend.reset(); // the store still works: it shares the connections
        QCOMPARE(store->tables().size(), 1);
    }
    QStringList after = QSqlDatabase::connectionNames();
    QStringList expected = before;
    after.sort();
    expected.sort();
    QCOMPARE(after, expected);
}

void TestPostgresStore::lockHeldElsewhereIsAServerError()
{
    auto store = m_backend->open(m_tenant);
    store->applySchema({contactSchema()});
    pgtest::Connection other;
    QVERIFY(other.db().transaction());
    QVERIFY(other.exec(u"LOCK TABLE \"Mirror_%1\".contact IN ACCESS EXCLUSIVE MODE"_s.arg(m_tenant))
                .isActive());
    const auto error = errorOf([&] { store->wipe(u"contact"_s); });
    other.db().rollback();
    QVERIFY(error);
    QCOMPARE(error->kind(), ms::Error::Kind::Server);
    // Says what and which mirror.
    QVERIFY2(error->message().contains(u"another session holds a lock"_s) &&
                 error->message().contains(u"contact"_s) &&
                 error->message().contains(u"Mirror_"_s + m_tenant),
             qPrintable(error->message()));
    store->wipe(u"contact"_s); // released: works again
}

void TestPostgresStore::longNamesRefused()
{
    auto store = m_backend->open(m_tenant);
    const QString longName = QString(64, u'a');
    const auto error = errorOf([&] {
        store->applySchema({{longName, {col(u"id"_s, u"int"_s, false)}, {u"id"_s}}});
    });
    QVERIFY(error);
    QCOMPARE(error->kind(), ms::Error::Kind::Client);
    QVERIFY2(error->message().contains(u"at most 63"_s), qPrintable(error->message()));
    const auto tenantError = errorOf([&] { m_backend->open(u"T"_s + QString(60, u'x')); });
    QVERIFY(tenantError);
    QCOMPARE(tenantError->kind(), ms::Error::Kind::Client);
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
