// The SQL Server target without a server (none can run here): the exact T-SQL the dialect
// generates for every statement the store machinery runs, the values it binds, how it reads
// QODBC's errors, the FreeTDS connection string, and one real connection attempt through
// QODBC and FreeTDS to a closed port, which must end in a clear ms::Error Server.

#include "service/common/error.h"
#include "service/store/backendfactory.h"
#include "service/store/databasetarget.h"
#include "service/store/readaccess.h"
#include "service/store/sqlserver/sqlserverdialect.h"
#include "service/store/sqlserver/sqlservermirrorbackend.h"
#include "service/store/sqlservertype.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QTcpServer>
#include <QTest>

#include <atomic>
#include <future>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using ms::CellValue;
using ms::ColumnSchema;
using ms::SqlServerType;
using ms::TableSchema;

namespace {
const QString kTenant = u"Cust1234"_s;

ColumnSchema column(const QString &name, const QString &type, bool nullable = true,
                    std::optional<QString> defaultValue = std::nullopt)
{
    return {name, type, nullable, std::move(defaultValue)};
}

// Every type of PROTOCOL.md's list, spelt as a source might (case, spaces), with defaults,
// a keyword as a name and a composite key.
TableSchema everyType()
{
    TableSchema schema;
    schema.tableName = u"order"_s;
    schema.columns = {
        column(u"id"_s, u"INT"_s, false),
        column(u"line"_s, u"smallint"_s, false),
        column(u"flag"_s, u"bit"_s, false, u"((1))"_s),
        column(u"tiny"_s, u"tinyint"_s),
        column(u"big"_s, u"bigint"_s, true, u"((-5))"_s),
        column(u"amount"_s, u"Decimal( 10 , 2 )"_s, false, u"((12.50))"_s),
        column(u"num"_s, u"numeric(18,0)"_s),
        column(u"price"_s, u"money"_s),
        column(u"small_price"_s, u"smallmoney"_s),
        column(u"ratio"_s, u"float"_s, true, u"((0.5))"_s),
        column(u"approx"_s, u"real"_s),
        column(u"day"_s, u"date"_s, true, u"('2020-01-31')"_s),
        column(u"at"_s, u"time(7)"_s),
        column(u"legacy"_s, u"datetime"_s, true, u"(getdate())"_s),
        column(u"precise"_s, u"datetime2(7)"_s),
        column(u"minute"_s, u"smalldatetime"_s),
        column(u"zoned"_s, u"datetimeoffset(7)"_s),
        column(u"code"_s, u"char(3)"_s, true, u"('a''b')"_s),
        column(u"note"_s, u"varchar(max)"_s),
        column(u"fixed"_s, u"nchar(10)"_s),
        column(u"name"_s, u"NVARCHAR(254)"_s, false, u"(N'')"_s),
        column(u"body"_s, u"nvarchar(max)"_s),
        column(u"old_text"_s, u"text"_s),
        column(u"old_ntext"_s, u"ntext"_s),
        column(u"hash"_s, u"binary(16)"_s),
        column(u"blob"_s, u"varbinary(max)"_s),
        column(u"picture"_s, u"image"_s),
        column(u"guid"_s, u"uniqueidentifier"_s),
    };
    schema.primaryKey = {u"id"_s, u"line"_s};
    return schema;
}

TableSchema contact()
{
    TableSchema schema;
    schema.tableName = u"contact"_s;
    schema.columns = {column(u"contact_id"_s, u"int"_s, false),
                      column(u"name"_s, u"nvarchar(254)"_s, true, u"(N'none')"_s),
                      column(u"rank"_s, u"int"_s, false, u"((0))"_s)};
    schema.primaryKey = {u"contact_id"_s};
    return schema;
}

// A port nothing listens on: bound, then closed again.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}
} // namespace

class TestSqlServerTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names();
    void createTableEveryType();
    void createdRecreatedAndRebuild();
    void alteredAppendsColumns();
    void mergeForABatch();
    void mergeWithKeyColumnsOnly();
    void deleteByKey();
    void batchesStayUnderTheParameterLimit();
    void metadataStatements();
    void tenantStatements();
    void catalogQuery();
    void sessionSetup();
    void bindsValues_data();
    void bindsValues();
    void classifiesErrors();
    void connectionString();
    void readAccessAndDescription();
    void factoryMakesTheBackend();
    void configuresTheQodbcConnection();
    void freeTdsReadsTheBracedServerAndPort();
    void closedPortIsAClearServerError();

private:
    ms::SqlServerDialect m_sql;
};

void TestSqlServerTarget::names()
{
    QCOMPARE(m_sql.quoteIdentifier(u"order"_s), u"[order]"_s);
    QCOMPARE(m_sql.quoteIdentifier(u"a]b"_s), u"[a]]b]"_s);
    QCOMPARE(m_sql.quoteIdentifier(u"]]"_s), u"[]]]]]"_s);
    QCOMPARE(m_sql.tenantContainer(kTenant), u"Mirror_Cust1234"_s);
    QCOMPARE(m_sql.metadataTableName(kTenant), u"Cust1234_mirroring"_s);
    QCOMPARE(m_sql.qualifiedTable(kTenant, u"order"_s), u"[Mirror_Cust1234].[dbo].[order]"_s);
    QCOMPARE(m_sql.connectionDatabase({}, {}), u"master"_s);
    QCOMPARE(m_sql.connectionDatabase({}, kTenant), u"Mirror_Cust1234"_s);
    QCOMPARE(m_sql.driverName(), u"QODBC"_s);
    m_sql.checkIdentifier(QString(128, u'a'), u"Table"_s);
    try {
        m_sql.checkIdentifier(QString(129, u'a'), u"Table 'aaa'"_s);
        QFAIL("a name of 129 characters was accepted");
    } catch (const ms::Error &error) {
        QCOMPARE(error.kind(), ms::Error::Kind::Client);
        QVERIFY2(error.message().contains(u"at most 128"_s), qPrintable(error.message()));
    }
}

void TestSqlServerTarget::createTableEveryType()
{
    QCOMPARE(
        m_sql.createTable(kTenant, everyType(), u"order"_s),
        u"CREATE TABLE [Mirror_Cust1234].[dbo].[order] ([id] int NOT NULL, [line] smallint NOT "
        "NULL, [flag] bit NOT NULL DEFAULT (1), [tiny] tinyint NULL, [big] bigint NULL DEFAULT "
        "(-5), [amount] decimal(10,2) NOT NULL DEFAULT (12.50), [num] numeric(18,0) NULL, "
        "[price] money NULL, [small_price] smallmoney NULL, [ratio] float NULL DEFAULT (0.5), "
        "[approx] real NULL, [day] date NULL DEFAULT ('2020-01-31'), [at] time(7) NULL, "
        "[legacy] datetime NULL, [precise] datetime2(7) NULL, [minute] smalldatetime NULL, "
        "[zoned] datetimeoffset(7) NULL, [code] char(3) NULL DEFAULT ('a''b'), [note] "
        "varchar(max) NULL, [fixed] nchar(10) NULL, [name] nvarchar(254) NOT NULL DEFAULT "
        "(N''), [body] nvarchar(max) NULL, [old_text] text NULL, [old_ntext] ntext NULL, "
        "[hash] binary(16) NULL, [blob] varbinary(max) NULL, [picture] image NULL, [guid] "
        "uniqueidentifier NULL, PRIMARY KEY ([id], [line]))"_s);
}

void TestSqlServerTarget::createdRecreatedAndRebuild()
{
    // Created: CREATE TABLE. Recreated: DROP TABLE, then CREATE TABLE. A column in the middle
    // (Altered): the machinery creates the new layout under a temporary name, copies with
    // INSERT ... SELECT, drops the old table and renames, all in its transaction; the dialect
    // gives the CREATE, DROP and the rename.
    QCOMPARE(m_sql.createTable(kTenant, contact(), u"contact"_s),
             u"CREATE TABLE [Mirror_Cust1234].[dbo].[contact] ([contact_id] int NOT NULL, [name] "
             "nvarchar(254) NULL DEFAULT (N'none'), [rank] int NOT NULL DEFAULT (0), PRIMARY KEY "
             "([contact_id]))"_s);
    QCOMPARE(m_sql.dropTable(kTenant, u"contact"_s),
             u"DROP TABLE [Mirror_Cust1234].[dbo].[contact]"_s);
    QCOMPARE(m_sql.createTable(kTenant, contact(), u"ms_rebuild_1"_s),
             u"CREATE TABLE [Mirror_Cust1234].[dbo].[ms_rebuild_1] ([contact_id] int NOT NULL, "
             "[name] nvarchar(254) NULL DEFAULT (N'none'), [rank] int NOT NULL DEFAULT (0), "
             "PRIMARY KEY ([contact_id]))"_s);
    QCOMPARE(m_sql.renameTable(kTenant, u"ms_rebuild_1"_s, u"contact"_s),
             QStringList{u"EXEC [Mirror_Cust1234].sys.sp_rename @objname = "
                         "N'[dbo].[ms_rebuild_1]', @newname = N'contact'"_s});
}

void TestSqlServerTarget::alteredAppendsColumns()
{
    TableSchema schema = contact();
    // NOT NULL with a default: existing rows take it.
    schema.columns.append(column(u"score"_s, u"decimal(5,1)"_s, false, u"((0.0))"_s));
    // Nullable with a default: existing rows get NULL (no WITH VALUES), new ones the default.
    schema.columns.append(column(u"title"_s, u"nvarchar(20)"_s, true, u"(N'It''s')"_s));
    // Nullable without one, a keyword as its name.
    schema.columns.append(column(u"select"_s, u"datetime2(3)"_s));
    QCOMPARE(m_sql.addColumn(kTenant, schema, 3),
             QStringList{u"ALTER TABLE [Mirror_Cust1234].[dbo].[contact] ADD [score] "
                         "decimal(5,1) NOT NULL DEFAULT (0.0)"_s});
    QCOMPARE(m_sql.addColumn(kTenant, schema, 4),
             QStringList{u"ALTER TABLE [Mirror_Cust1234].[dbo].[contact] ADD [title] "
                         "nvarchar(20) NULL DEFAULT (N'It''s')"_s});
    QCOMPARE(m_sql.addColumn(kTenant, schema, 5),
             QStringList{u"ALTER TABLE [Mirror_Cust1234].[dbo].[contact] ADD [select] "
                         "datetime2(3) NULL"_s});
}

void TestSqlServerTarget::mergeForABatch()
{
    QCOMPARE(m_sql.upsertRows(kTenant, u"order"_s, {u"id"_s, u"line"_s, u"name"_s, u"from"_s},
                              {u"id"_s, u"line"_s}, 3),
             u"MERGE [Mirror_Cust1234].[dbo].[order] WITH (HOLDLOCK) AS t USING (VALUES (?, ?, "
             "?, ?), (?, ?, ?, ?), (?, ?, ?, ?)) AS s ([id], [line], [name], [from]) ON t.[id] = "
             "s.[id] AND t.[line] = s.[line] WHEN MATCHED THEN UPDATE SET t.[name] = s.[name], "
             "t.[from] = s.[from] WHEN NOT MATCHED THEN INSERT ([id], [line], [name], [from]) "
             "VALUES (s.[id], s.[line], s.[name], s.[from]);"_s);
    QCOMPARE(
        m_sql.upsertRows(kTenant, u"contact"_s, {u"contact_id"_s, u"name"_s}, {u"contact_id"_s}, 1),
        u"MERGE [Mirror_Cust1234].[dbo].[contact] WITH (HOLDLOCK) AS t USING (VALUES (?, ?)) "
        "AS s ([contact_id], [name]) ON t.[contact_id] = s.[contact_id] WHEN MATCHED THEN "
        "UPDATE SET t.[name] = s.[name] WHEN NOT MATCHED THEN INSERT ([contact_id], [name]) "
        "VALUES (s.[contact_id], s.[name]);"_s);
}

void TestSqlServerTarget::mergeWithKeyColumnsOnly()
{
    // Nothing to update: an existing key stays, a missing one is inserted.
    QCOMPARE(m_sql.upsertRows(kTenant, u"link"_s, {u"a"_s, u"b"_s}, {u"a"_s, u"b"_s}, 2),
             u"MERGE [Mirror_Cust1234].[dbo].[link] WITH (HOLDLOCK) AS t USING (VALUES (?, ?), "
             "(?, ?)) AS s ([a], [b]) ON t.[a] = s.[a] AND t.[b] = s.[b] WHEN NOT MATCHED THEN "
             "INSERT ([a], [b]) VALUES (s.[a], s.[b]);"_s);
}

void TestSqlServerTarget::deleteByKey()
{
    QCOMPARE(m_sql.deleteRows(kTenant, u"contact"_s, {u"contact_id"_s}, 3),
             u"DELETE t FROM [Mirror_Cust1234].[dbo].[contact] AS t JOIN (VALUES (?), (?), (?)) "
             "AS s ([contact_id]) ON t.[contact_id] = s.[contact_id]"_s);
    QCOMPARE(m_sql.deleteRows(kTenant, u"order"_s, {u"id"_s, u"line"_s}, 2),
             u"DELETE t FROM [Mirror_Cust1234].[dbo].[order] AS t JOIN (VALUES (?, ?), (?, ?)) "
             "AS s ([id], [line]) ON t.[id] = s.[id] AND t.[line] = s.[line]"_s);
}

void TestSqlServerTarget::batchesStayUnderTheParameterLimit()
{
    // SQL Server takes at most 2100 parameters per request, a few of them its own; the
    // machinery puts at most maxBindValues() values in one statement.
    QVERIFY(m_sql.maxBindValues() <= 2100 - 2);
    QVERIFY(m_sql.maxBindValues() >= 1000);
    const int rows = m_sql.maxBindValues() / 28; // everyType() has 28 columns
    QStringList columns;
    for (const ColumnSchema &c : everyType().columns)
        columns.append(c.name);
    const QString sql = m_sql.upsertRows(kTenant, u"order"_s, columns, {u"id"_s, u"line"_s}, rows);
    QVERIFY(sql.count(u'?') <= 2098);
    QCOMPARE(sql.count(u'?'), rows * 28);
}

void TestSqlServerTarget::metadataStatements()
{
    const QString table = u"[Mirror_Cust1234].[dbo].[Cust1234_mirroring]"_s;
    QCOMPARE(m_sql.selectMetadataQuery(kTenant),
             u"SELECT tablename, schemahash, lsn, schemajson, CONVERT(nvarchar(23), lastchange, "
             "126) + N'Z', lastinserted, lastupdated, lastdeleted FROM "_s +
                 table + u" ORDER BY tablename COLLATE Latin1_General_BIN2"_s);
    QCOMPARE(m_sql.upsertMetadataStatement(kTenant),
             u"MERGE "_s + table +
                 u" WITH (HOLDLOCK) AS t USING (VALUES (?, ?, ?, ?)) AS s (tablename, "
                 "schemahash, lsn, schemajson) ON t.tablename = s.tablename WHEN MATCHED THEN "
                 "UPDATE SET schemahash = s.schemahash, lsn = s.lsn, schemajson = s.schemajson, "
                 "lastchange = SYSUTCDATETIME() WHEN NOT MATCHED THEN INSERT (tablename, "
                 "schemahash, lsn, schemajson, lastchange) VALUES (s.tablename, s.schemahash, "
                 "s.lsn, s.schemajson, SYSUTCDATETIME());"_s);
    QCOMPARE(m_sql.setLsnStatement(kTenant),
             u"UPDATE "_s + table +
                 u" SET lsn = ?, lastchange = SYSUTCDATETIME() WHERE tablename = ?"_s);
    QCOMPARE(m_sql.touchStatement(kTenant),
             u"UPDATE "_s + table + u" SET lastchange = SYSUTCDATETIME() WHERE tablename = ?"_s);
    QCOMPARE(m_sql.deleteMetadataStatement(kTenant),
             u"DELETE FROM "_s + table + u" WHERE tablename = ?"_s);
    QCOMPARE(m_sql.clearCountsStatement(kTenant),
             u"UPDATE "_s + table + u" SET lastinserted = 0, lastupdated = 0, lastdeleted = 0"_s);
    QCOMPARE(m_sql.setCountsStatement(kTenant),
             u"UPDATE "_s + table +
                 u" SET lastinserted = ?, lastupdated = ?, lastdeleted = ? WHERE tablename = ?"_s);
}

void TestSqlServerTarget::tenantStatements()
{
    QCOMPARE(m_sql.createDatabaseStatement(kTenant),
             u"IF DB_ID(N'Mirror_Cust1234') IS NULL CREATE DATABASE [Mirror_Cust1234]"_s);
    QCOMPARE(m_sql.databaseStateQuery(), u"SELECT state_desc FROM sys.databases WHERE name = ?"_s);
    const QStringList create = m_sql.createTenantStatements(kTenant);
    QCOMPARE(create.size(), 6);
    QCOMPARE(create[0],
             u"IF OBJECT_ID(N'[Mirror_Cust1234].[dbo].[Cust1234_mirroring]', N'U') IS NULL CREATE "
             "TABLE [Mirror_Cust1234].[dbo].[Cust1234_mirroring] (tablename nvarchar(128) NOT "
             "NULL PRIMARY KEY, schemahash nvarchar(128) NOT NULL, lsn bigint NOT NULL, "
             "schemajson nvarchar(max) NOT NULL, lastchange datetime2(3) NULL, lastinserted "
             "bigint NOT NULL DEFAULT 0, lastupdated bigint NOT NULL DEFAULT 0, lastdeleted "
             "bigint NOT NULL DEFAULT 0)"_s);
    // A table made by hand with the documented columns (tablename, schemahash, lsn) gets ours.
    QCOMPARE(create[1],
             u"IF NOT EXISTS (SELECT 1 FROM [Mirror_Cust1234].sys.columns WHERE object_id = "
             "OBJECT_ID(N'[Mirror_Cust1234].[dbo].[Cust1234_mirroring]', N'U') AND name = "
             "N'schemajson') ALTER TABLE [Mirror_Cust1234].[dbo].[Cust1234_mirroring] ADD "
             "schemajson nvarchar(max) NOT NULL DEFAULT N''"_s);
    QVERIFY(create[2].endsWith(u"AND name = N'lastchange') ALTER TABLE "
                               "[Mirror_Cust1234].[dbo].[Cust1234_mirroring] ADD lastchange "
                               "datetime2(3) NULL"_s));
    QVERIFY(create[5].endsWith(u"ADD lastdeleted bigint NOT NULL DEFAULT 0"_s));
    QCOMPARE(m_sql.dropTenantStatements(kTenant),
             QStringList{u"IF DB_ID(N'Mirror_Cust1234') IS NOT NULL BEGIN ALTER DATABASE "
                         "[Mirror_Cust1234] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP "
                         "DATABASE [Mirror_Cust1234]; END"_s});
    QCOMPARE(
        m_sql.tenantsQuery(),
        u"SELECT SUBSTRING(d.name, 8, 128) FROM sys.databases d WHERE d.name LIKE "
        "N'Mirror[_]%' AND LEFT(d.name, 7) COLLATE Latin1_General_BIN2 = N'Mirror_' AND "
        "d.state_desc = N'ONLINE' AND HAS_DBACCESS(d.name) = 1 AND OBJECT_ID(QUOTENAME(d.name) "
        "+ N'.[dbo].' + QUOTENAME(SUBSTRING(d.name, 8, 128) + N'_mirroring'), N'U') IS NOT "
        "NULL"_s);
}

void TestSqlServerTarget::catalogQuery()
{
    // Bound: the database, the name; SQL Server folds names by collation, LOWER for any.
    QCOMPARE(m_sql.relationsNamedIgnoringCaseQuery(kTenant),
             u"SELECT o.name, CAST(CASE WHEN o.type = 'U' THEN 1 ELSE 0 END AS bit) FROM "
             "[Mirror_Cust1234].sys.objects o JOIN [Mirror_Cust1234].sys.schemas s ON "
             "s.schema_id = o.schema_id WHERE DB_ID(?) IS NOT NULL AND s.name = N'dbo' AND "
             "o.parent_object_id = 0 AND LOWER(o.name) = LOWER(?)"_s);
}

void TestSqlServerTarget::sessionSetup()
{
    const QStringList setup = m_sql.sessionSetup();
    for (const QString &statement :
         {u"SET XACT_ABORT ON"_s, u"SET ANSI_WARNINGS ON"_s, u"SET DATEFORMAT ymd"_s,
          u"SET LOCK_TIMEOUT 5000"_s, u"SET NOCOUNT ON"_s})
        QVERIFY2(setup.contains(statement), qPrintable(statement));
}

void TestSqlServerTarget::bindsValues_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<QVariant>("expected");
    QTest::addColumn<QString>("refusal");

    const auto row = [](const char *name, const QString &type, const QString &text,
                        const QVariant &expected, const QString &refusal = {}) {
        QTest::newRow(name) << type << text << false << expected << refusal;
    };
    row("bit", u"bit"_s, u"1"_s, QVariant(true));
    row("int", u"int"_s, u"-2147483648"_s, QVariant(qint64(-2147483648LL)));
    row("int out of range", u"int"_s, u"2147483648"_s, {}, u"not a valid int value"_s);
    row("bigint", u"bigint"_s, u"9223372036854775807"_s, QVariant(qint64(9223372036854775807LL)));
    row("float", u"float"_s, u"0.1"_s, QVariant(0.1));
    row("decimal as text", u"decimal(10,2)"_s, u"-12345678.91"_s, QVariant(u"-12345678.91"_s));
    row("decimal too many decimals", u"decimal(10,2)"_s, u"1.234"_s, {},
        u"more than the 2 decimals of decimal(10,2)"_s);
    row("decimal too many digits", u"decimal(10,2)"_s, u"123456789"_s, {},
        u"more than the 8 digits before the point of decimal(10,2)"_s);
    row("money", u"money"_s, u"922337203685477.5807"_s, QVariant(u"922337203685477.5807"_s));
    row("datetime2 as text", u"datetime2(7)"_s, u"2024-01-31T13:45:00.1234567"_s,
        QVariant(u"2024-01-31T13:45:00.1234567"_s));
    row("guid as text", u"uniqueidentifier"_s, u"6F9619FF-8B86-D011-B42D-00C04FC964FF"_s,
        QVariant(u"6F9619FF-8B86-D011-B42D-00C04FC964FF"_s));
    row("nvarchar", u"nvarchar(3)"_s, u"a\u00e9\u4e2d"_s, QVariant(u"a\u00e9\u4e2d"_s));
    row("nvarchar too long", u"nvarchar(3)"_s, u"abcd"_s, {},
        u"longer than the 3 characters of nvarchar(3)"_s);
    row("U+0000 is kept", u"nvarchar(max)"_s, u"a\u0000b"_s, QVariant(u"a\u0000b"_s));
    row("empty text is not NULL", u"nvarchar(10)"_s, u""_s, QVariant(u""_s));
    row("varbinary", u"varbinary(max)"_s, u"AAEC"_s, QVariant(QByteArray("\x00\x01\x02", 3)));
    row("bad base64", u"varbinary(max)"_s, u"!!"_s, {}, u"not a valid varbinary(max) value"_s);
}

void TestSqlServerTarget::bindsValues()
{
    QFETCH(QString, type);
    QFETCH(QString, text);
    QFETCH(bool, isNull);
    QFETCH(QVariant, expected);
    QFETCH(QString, refusal);
    QVariant bound;
    const QString why = m_sql.bindValue(SqlServerType::parse(type), CellValue{text, isNull}, bound);
    QCOMPARE(why, refusal);
    if (refusal.isEmpty()) {
        QCOMPARE(bound.metaType(), expected.metaType());
        QCOMPARE(bound, expected);
        QVERIFY(!bound.isNull());
    }
}

void TestSqlServerTarget::classifiesErrors()
{
    // NULLs are typed as their column's kind, so that a VALUES column never mixes nvarchar
    // with varbinary or int.
    const auto nullOf = [this](const QString &type) {
        QVariant bound;
        m_sql.bindValue(SqlServerType::parse(type), CellValue{{}, true}, bound);
        return bound;
    };
    QVERIFY(nullOf(u"int"_s).isNull());
    QCOMPARE(nullOf(u"int"_s).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(nullOf(u"varbinary(10)"_s).metaType(), QMetaType::fromType<QByteArray>());
    QCOMPARE(nullOf(u"float"_s).metaType(), QMetaType::fromType<double>());
    QCOMPARE(nullOf(u"nvarchar(10)"_s).metaType(), QMetaType::fromType<QString>());

    const auto error = [](const QString &code, QSqlError::ErrorType type) {
        return QSqlError(u"QODBC: Unable to execute statement"_s, u"[FreeTDS][SQL Server]..."_s,
                         type, code);
    };
    using Kind = ms::Error::Kind;
    const auto statement = QSqlError::StatementError;
    QCOMPARE(m_sql.classify(error(u"515"_s, statement)), Kind::Client);  // NOT NULL
    QCOMPARE(m_sql.classify(error(u"2627"_s, statement)), Kind::Client); // duplicate key
    QCOMPARE(m_sql.classify(error(u"2628"_s, statement)), Kind::Client); // truncated
    QCOMPARE(m_sql.classify(error(u"8115"_s, statement)), Kind::Client); // overflow
    QCOMPARE(m_sql.classify(error(u"5701;515"_s, statement)), Kind::Client);
    QCOMPARE(m_sql.classify(error(u"21000"_s, statement)), Kind::Server); // replication
    QCOMPARE(m_sql.classify(error(u"208"_s, statement)), Kind::Server);   // no such object
    QCOMPARE(m_sql.classify(error(u"1222"_s, statement)), Kind::Server);  // lock timeout
    QCOMPARE(m_sql.classify(error(u"20009"_s, QSqlError::ConnectionError)), Kind::Server);

    QVERIFY(m_sql.isConnectionFailure(error(u"20004"_s, statement)));
    QVERIFY(m_sql.isConnectionFailure(error(u"08S01"_s, statement)));
    QVERIFY(m_sql.isConnectionFailure(error({}, statement)));
    QVERIFY(m_sql.isConnectionFailure(error(u"208"_s, QSqlError::ConnectionError)));
    QVERIFY(!m_sql.isConnectionFailure(error(u"515"_s, statement)));
    QVERIFY(!m_sql.isConnectionFailure(error(u"1222"_s, statement)));
}

void TestSqlServerTarget::connectionString()
{
    ms::DatabaseTarget target =
        ms::DatabaseTarget::parse(u"mssql://mirror:p%3Bw%7Dd@sql.example:1500/"_s, {});
    QCOMPARE(target.password, u"p;w}d"_s);
    QCOMPARE(m_sql.connectionString(target, u"Mirror_Cust1234"_s, true),
             u"Driver={FreeTDS};Server={sql.example};Port=1500;Database={Mirror_Cust1234};"
             "TDS_Version=7.4;ClientCharset=UTF-8;UID={mirror};PWD={p;w}}d}"_s);
    QCOMPARE(m_sql.connectionString(target, u"master"_s, false),
             u"Driver={FreeTDS};Server={sql.example};Port=1500;Database={master};"
             "TDS_Version=7.4;ClientCharset=UTF-8"_s);
    QVERIFY(!target.describe().contains(u"p;w"_s));

    // Without one in the URL, sqlcmd's variable.
    target = ms::DatabaseTarget::parse(u"mssql://sa@127.0.0.1/"_s, {});
    QCOMPARE(target.port, 1433);
    qputenv(ms::kSqlServerPasswordVariable, "from-env");
    QVERIFY(
        m_sql.connectionString(target, u"master"_s, true).endsWith(u";UID={sa};PWD={from-env}"_s));
    qunsetenv(ms::kSqlServerPasswordVariable);
    QVERIFY(m_sql.connectionString(target, u"master"_s, true).endsWith(u";UID={sa}"_s));
}

void TestSqlServerTarget::readAccessAndDescription()
{
    const ms::SqlServerMirrorBackend backend(
        ms::DatabaseTarget::parse(u"mssql://mirror:secret@sql.example/"_s, {}));
    const ms::ReadAccess access = backend.readAccess(kTenant);
    QCOMPARE(access.driver, u"QODBC"_s);
    QCOMPARE(access.databaseName,
             u"Driver={FreeTDS};Server={sql.example};Port=1433;Database={Mirror_Cust1234};"
             "TDS_Version=7.4;ClientCharset=UTF-8"_s);
    QCOMPARE(access.user, u"mirror"_s);
    QCOMPARE(access.password, u"secret"_s);
    QVERIFY(access.schema.isEmpty());
    QCOMPARE(backend.description(), u"SQL Server on sql.example:1433 as mirror"_s);
    QVERIFY(!backend.description().contains(u"secret"_s));
}

void TestSqlServerTarget::factoryMakesTheBackend()
{
    const auto backend =
        ms::createMirrorBackend(ms::DatabaseTarget::parse(u"mssql://sa@sql.example/"_s, {}));
    QVERIFY(dynamic_cast<ms::SqlServerMirrorBackend *>(backend.get()));
}

void TestSqlServerTarget::configuresTheQodbcConnection()
{
    if (!QSqlDatabase::isDriverAvailable(u"QODBC"_s))
        QSKIP("Qt's QODBC driver is not installed (Debian: libqt6sql6-odbc)");
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const ms::DatabaseTarget target =
        ms::DatabaseTarget::parse(u"mssql://mirror:a%3Bb%7Dc@127.0.0.1:%1/"_s.arg(port), {});
    const QString name = u"tst_sqlservertarget"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QODBC"_s, name);
        m_sql.configureConnection(db, target, u"master"_s);
        // Everything in the connection string: QODBC would append UID/PWD unescaped.
        QVERIFY(db.userName().isEmpty());
        QVERIFY(db.password().isEmpty());
        QCOMPARE(db.databaseName(), m_sql.connectionString(target, u"master"_s, true));
        QCOMPARE(db.connectOptions(), u"SQL_ATTR_LOGIN_TIMEOUT=10"_s);
        // FreeTDS reads the string (a misread one says the data source is not found) and
        // tries the port; the error is one isConnectionFailure() knows.
        QVERIFY(!db.open());
        const QSqlError error = db.lastError();
        qInfo().noquote() << "QODBC error: code" << error.nativeErrorCode() << "type"
                          << error.type() << "text" << error.databaseText();
        QVERIFY2(error.databaseText().contains(u"Unable to connect"_s),
                 qPrintable(error.databaseText()));
        QVERIFY(m_sql.isConnectionFailure(error));
        QCOMPARE(m_sql.classify(error), ms::Error::Kind::Server);
    }
    QSqlDatabase::removeDatabase(name);
}

void TestSqlServerTarget::freeTdsReadsTheBracedServerAndPort()
{
    // A listener that takes one connection and drops it: FreeTDS reaches it only if it read
    // Server={127.0.0.1} and Port=N from the connection string as meant.
    if (!QSqlDatabase::isDriverAvailable(u"QODBC"_s))
        QSKIP("Qt's QODBC driver is not installed (Debian: libqt6sql6-odbc)");
    std::promise<quint16> listening;
    std::atomic<bool> connected{false};
    std::jthread listener([&] { // joins on any return
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            listening.set_value(0);
            return;
        }
        listening.set_value(server.serverPort());
        if (server.waitForNewConnection(30000)) { // a bound, not a measured time
            connected = true;
            server.nextPendingConnection()->abort();
        }
    });
    const quint16 port = listening.get_future().get();
    const QString name = u"tst_sqlservertarget_listener"_s;
    if (port != 0) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QODBC"_s, name);
        m_sql.configureConnection(
            db, ms::DatabaseTarget::parse(u"mssql://sa@127.0.0.1:%1/"_s.arg(port), {}),
            u"master"_s);
        QVERIFY(!db.open());
        QVERIFY(m_sql.isConnectionFailure(db.lastError()));
    }
    QSqlDatabase::removeDatabase(name);
    listener.join();
    QVERIFY(port != 0);
    QVERIFY(connected);
}

void TestSqlServerTarget::closedPortIsAClearServerError()
{
    if (!QSqlDatabase::isDriverAvailable(u"QODBC"_s))
        QSKIP("Qt's QODBC driver is not installed (Debian: libqt6sql6-odbc)");
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    ms::SqlServerMirrorBackend backend(
        ms::DatabaseTarget::parse(u"mssql://mirror:Secret_pw1@127.0.0.1:%1/"_s.arg(port), {}));
    for (int call = 0; call < 2; ++call) {
        try {
            if (call == 0)
                backend.open(kTenant);
            else
                backend.tenants();
            QFAIL("a closed port gave no error");
        } catch (const ms::Error &error) {
            QCOMPARE(error.kind(), ms::Error::Kind::Server);
            const QString message = error.message();
            qInfo().noquote() << "closed port:" << message;
            QVERIFY2(message.contains(u"cannot reach SQL Server at 127.0.0.1:%1"_s.arg(port)),
                     qPrintable(message));
            QVERIFY2(message.contains(u"user mirror"_s), qPrintable(message));
            QVERIFY2(!message.contains(u"Secret_pw1"_s), qPrintable(message));
        }
    }
}

QTEST_GUILESS_MAIN(TestSqlServerTarget)
#include "tst_sqlservertarget.moc"
