// The window's readers on SQL Server without a server (none can run here): the exact T-SQL of
// every statement they generate for the tenants, tables, contents and query panes (keyset pages,
// counts, page boundaries, filters, the catalog reads and the Query pane's guard), hostile names
// refused or quoted, and every value bound, never spliced into the text.

#include "model/columnexpressions.h"
#include "model/keysetsql.h"
#include "model/readercatalogsql.h"
#include "service/common/error.h"

#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {

ReaderDialect sqlServer(QHash<QString, QString> types = {})
{
    return ReaderDialect{ReaderDialect::Kind::SqlServer, std::move(types)};
}

// person(id int key, name nvarchar, score float)
PageQuery person()
{
    PageQuery query;
    query.tenant = u"Cust1234"_s;
    query.table = u"person"_s;
    query.columns = {u"id"_s, u"name"_s, u"score"_s};
    query.keyColumns = {u"id"_s};
    return query;
}

ReaderDialect personTypes()
{
    return sqlServer({{u"id"_s, u"int"_s}, {u"name"_s, u"nvarchar"_s}, {u"score"_s, u"float"_s}});
}

PageStart after(const QVariantList &key, PageStart::Kind kind = PageStart::Kind::After)
{
    PageStart start;
    start.kind = kind;
    start.key = key;
    return start;
}

// Every value is a bound parameter: one placeholder per bind, none spliced in.
void checkBound(const SqlText &text)
{
    QCOMPARE(text.sql.count(u'?'), text.binds.size());
}

} // namespace

class TstSqlServerReaderSql final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotesNames();
    void refusesHostileNames_data();
    void refusesHostileNames();
    void needsAKey();
    void firstPage();
    void multiColumnKeyAfter();
    void threeColumnKeyAtOrAfterDescending();
    void sortColumnWithVarcharKey();
    void sortColumnNullDescending();
    void offsetFallback();
    void filtersAndCount();
    void boundaries();
    void rowCounts();
    void datetimeKeyReadsAndBindsAsText();
    void expressionsByType_data();
    void expressionsByType();
    void valuesAreNeverSpliced();
    void catalogStatements();
    void queryPaneGuard();
};

void TstSqlServerReaderSql::quotesNames()
{
    const ReaderDialect dialect = sqlServer();
    QCOMPARE(quotedName(u"person"_s, dialect), u"[person]"_s);
    QCOMPARE(quotedName(u"a]b"_s, dialect), u"[a]]b]"_s);
    QCOMPARE(quotedName(u"x; DROP TABLE y"_s, dialect), u"[x; DROP TABLE y]"_s);
    QCOMPARE(quotedName(u"]]"_s, dialect), u"[]]]]]"_s);
    QCOMPARE(tableReference(u"a]b"_s, dialect), u"[dbo].[a]]b]"_s);
    // The other targets keep their double quotes.
    QCOMPARE(quotedName(u"a]b"_s, ReaderDialect{}), u"\"a]b\""_s);
    QCOMPARE(tableReference(u"person"_s, ReaderDialect{ReaderDialect::Kind::Postgres, {}}),
             u"\"person\""_s);
}

void TstSqlServerReaderSql::refusesHostileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("bracket") << u"a]b"_s;
    QTest::newRow("statement") << u"x; DROP TABLE y"_s;
    QTest::newRow("quote") << u"a\"b"_s;
}

void TstSqlServerReaderSql::refusesHostileNames()
{
    // Names are validated before any text is made, as on the other targets; quoting (above)
    // is the second guard.
    QFETCH(QString, name);
    const ReaderDialect dialect = personTypes();
    PageQuery asTable = person();
    asTable.table = name;
    PageQuery asColumn = person();
    asColumn.columns.append(name);
    PageQuery asKey = person();
    asKey.keyColumns = {name};
    for (const PageQuery &query : {asTable, asColumn, asKey}) {
        for (int statement = 0; statement < 3; ++statement) {
            try {
                if (statement == 0)
                    pageSql(query, {}, 50, dialect);
                else if (statement == 1)
                    countSql(query, dialect);
                else
                    boundarySql(query, 500, dialect);
                QFAIL("a hostile name was accepted");
            } catch (const Error &error) {
                QCOMPARE(error.kind(), Error::Kind::Client);
                QVERIFY2(error.message().contains(name), qPrintable(error.message()));
            }
        }
    }
    QVERIFY_THROWS_EXCEPTION(Error, rowCountSql(name, dialect));
}

void TstSqlServerReaderSql::needsAKey()
{
    // No rowid to fall back on: a table without a key has no stable order to page by.
    PageQuery query = person();
    query.keyColumns.clear();
    QVERIFY_THROWS_EXCEPTION(Error, pageSql(query, {}, 50, sqlServer()));
    QVERIFY_THROWS_EXCEPTION(Error, boundarySql(query, 500, sqlServer()));
}

void TstSqlServerReaderSql::firstPage()
{
    const SqlText text = pageSql(person(), {}, 50, personTypes());
    QCOMPARE(text.sql, u"SELECT TOP (?) [id] AS ms_c0, [name] AS ms_c1, [score] AS ms_c2, [id] AS "
                       "ms_c3 FROM [dbo].[person] ORDER BY [id] ASC"_s);
    QCOMPARE(text.binds, QVariantList{qlonglong(50)});
    checkBound(text);
}

void TstSqlServerReaderSql::multiColumnKeyAfter()
{
    PageQuery query;
    query.table = u"order_line"_s;
    query.columns = {u"order_id"_s, u"line"_s, u"note"_s};
    query.keyColumns = {u"order_id"_s, u"line"_s};
    const ReaderDialect dialect = sqlServer(
        {{u"order_id"_s, u"int"_s}, {u"line"_s, u"smallint"_s}, {u"note"_s, u"nvarchar"_s}});
    const SqlText text = pageSql(query, after({7, 3}), 100, dialect);
    QCOMPARE(text.sql, u"SELECT TOP (?) [order_id] AS ms_c0, [line] AS ms_c1, [note] AS ms_c2, "
                       "[order_id] AS ms_c3, [line] AS ms_c4 FROM [dbo].[order_line] WHERE "
                       "([order_id] > ? OR ([order_id] = ? AND [line] > ?)) "
                       "ORDER BY [order_id] ASC, [line] ASC"_s);
    QCOMPARE(text.binds, (QVariantList{qlonglong(100), 7, 7, 3}));
    checkBound(text);
}

void TstSqlServerReaderSql::threeColumnKeyAtOrAfterDescending()
{
    PageQuery query;
    query.table = u"cell"_s;
    query.columns = {u"a"_s, u"b"_s, u"c"_s};
    query.keyColumns = {u"a"_s, u"b"_s, u"c"_s};
    query.order = Qt::DescendingOrder;
    const SqlText text =
        pageSql(query, after({1, 2, 3}, PageStart::Kind::AtOrAfter), 10, sqlServer());
    QCOMPARE(text.sql, u"SELECT TOP (?) [a] AS ms_c0, [b] AS ms_c1, [c] AS ms_c2, [a] AS ms_c3, "
                       "[b] AS ms_c4, [c] AS ms_c5 FROM [dbo].[cell] WHERE ([a] < ? OR ([a] = ? "
                       "AND [b] < ?) OR ([a] = ? AND [b] = ? AND [c] <= ?)) "
                       "ORDER BY [a] DESC, [b] DESC, [c] DESC"_s);
    QCOMPARE(text.binds, (QVariantList{qlonglong(10), 1, 1, 2, 1, 2, 3}));
    checkBound(text);
}

void TstSqlServerReaderSql::sortColumnWithVarcharKey()
{
    // varchar values compare as varchar, in the order ORDER BY uses (QODBC binds nvarchar).
    PageQuery query;
    query.table = u"tag"_s;
    query.columns = {u"code"_s, u"name"_s};
    query.keyColumns = {u"code"_s};
    query.sortColumn = 1;
    const ReaderDialect dialect = sqlServer({{u"code"_s, u"varchar"_s}, {u"name"_s, u"varchar"_s}});
    const SqlText text = pageSql(query, after({u"Bo"_s, u"k1"_s}), 20, dialect);
    QCOMPARE(text.sql, u"SELECT TOP (?) [code] AS ms_c0, [name] AS ms_c1, [name] AS ms_c2, [code] "
                       "AS ms_c3 FROM [dbo].[tag] WHERE ([name] > CAST(? AS varchar(8000)) OR "
                       "([name] = CAST(? AS varchar(8000)) AND ([code] > CAST(? AS "
                       "varchar(8000))))) ORDER BY [name] ASC, [code] ASC"_s);
    QCOMPARE(text.binds, (QVariantList{qlonglong(20), u"Bo"_s, u"Bo"_s, u"k1"_s}));
    checkBound(text);
}

void TstSqlServerReaderSql::sortColumnNullDescending()
{
    // NULL sorts last descending on SQL Server as on SQLite: after a NULL only NULLs remain.
    PageQuery query = person();
    query.sortColumn = 2;
    query.order = Qt::DescendingOrder;
    const SqlText text = pageSql(query, after({QVariant(), 12}), 50, personTypes());
    QCOMPARE(text.sql, u"SELECT TOP (?) [id] AS ms_c0, [name] AS ms_c1, [score] AS ms_c2, [score] "
                       "AS ms_c3, [id] AS ms_c4 FROM [dbo].[person] WHERE ([score] IS NULL AND "
                       "([id] < ?)) ORDER BY [score] DESC, [id] DESC"_s);
    QCOMPARE(text.binds, (QVariantList{qlonglong(50), 12}));
    checkBound(text);
    const SqlText ascending = [&] {
        query.order = Qt::AscendingOrder;
        return pageSql(query, after({1.5, 12}), 50, personTypes());
    }();
    QVERIFY2(ascending.sql.contains(u" WHERE ([score] > ? OR ([score] = ? AND ([id] > ?))) "
                                    "ORDER BY [score] ASC, [id] ASC"_s),
             qPrintable(ascending.sql));
    QCOMPARE(ascending.binds, (QVariantList{qlonglong(50), 1.5, 1.5, 12}));
}

void TstSqlServerReaderSql::offsetFallback()
{
    PageStart start;
    start.kind = PageStart::Kind::Offset;
    start.offset = 5000;
    const SqlText text = pageSql(person(), start, 50, personTypes());
    QCOMPARE(text.sql, u"SELECT [id] AS ms_c0, [name] AS ms_c1, [score] AS ms_c2, [id] AS ms_c3 "
                       "FROM [dbo].[person] ORDER BY [id] ASC OFFSET ? ROWS FETCH NEXT ? ROWS "
                       "ONLY"_s);
    QCOMPARE(text.binds, (QVariantList{qlonglong(5000), qlonglong(50)}));
    checkBound(text);
}

void TstSqlServerReaderSql::filtersAndCount()
{
    // % _ [ are LIKE's wildcards in T-SQL: each escaped with \ and the ESCAPE clause says so.
    PageQuery query = person();
    query.filters = {{1, u"50%_a[b\\"_s}, {2, u"=1.5"_s}, {0, u"12"_s}, {1, QString()}};
    const QString where = u" WHERE [name] LIKE ? ESCAPE '\\' AND CONVERT(nvarchar(max), [score]) "
                          "= ? AND CONVERT(nvarchar(max), [id]) LIKE ? ESCAPE '\\'"_s;
    const QVariantList filterBinds = {u"%50\\%\\_a\\[b\\\\%"_s, u"1.5"_s, u"%12%"_s};

    const SqlText count = countSql(query, personTypes());
    QCOMPARE(count.sql, u"SELECT COUNT_BIG(*) FROM [dbo].[person]"_s + where);
    QCOMPARE(count.binds, filterBinds);
    checkBound(count);

    const SqlText page = pageSql(query, after({10}), 50, personTypes());
    QCOMPARE(page.sql, u"SELECT TOP (?) [id] AS ms_c0, [name] AS ms_c1, [score] AS ms_c2, [id] AS "
                       "ms_c3 FROM [dbo].[person]"_s +
                           where + u" AND ([id] > ?) ORDER BY [id] ASC"_s);
    QCOMPARE(page.binds, QVariantList{qlonglong(50)} + filterBinds + QVariantList{10});
    checkBound(page);
}

void TstSqlServerReaderSql::boundaries()
{
    PageQuery query = person();
    query.sortColumn = 1;
    query.filters = {{1, u"a"_s}};
    const SqlText text = boundarySql(query, 500, personTypes());
    QCOMPARE(text.sql, u"SELECT ms_k0, ms_k1 FROM (SELECT [name] AS ms_k0, [id] AS ms_k1, "
                       "row_number() OVER (ORDER BY [name] ASC, [id] ASC) AS ms_rn FROM "
                       "[dbo].[person] WHERE [name] LIKE ? ESCAPE '\\') AS ms_b WHERE (ms_rn - 1) "
                       "% ? = 0 ORDER BY ms_rn"_s);
    QCOMPARE(text.binds, (QVariantList{u"%a%"_s, qlonglong(500)}));
    checkBound(text);
}

void TstSqlServerReaderSql::rowCounts()
{
    // The tenants and tables panes: COUNT_BIG, since COUNT(*) is an int in T-SQL.
    QCOMPARE(rowCountSql(u"person"_s, sqlServer()).sql,
             u"SELECT COUNT_BIG(*) FROM [dbo].[person]"_s);
    QVERIFY(rowCountSql(u"person"_s, sqlServer()).binds.isEmpty());
    QCOMPARE(rowCountSql(u"person"_s).sql, u"SELECT COUNT(*) FROM \"person\""_s);
}

void TstSqlServerReaderSql::datetimeKeyReadsAndBindsAsText()
{
    // QODBC would read datetime2 as a local-time QDateTime with milliseconds: the key comes as
    // ISO text, which SQL Server converts back to datetime2 to compare.
    PageQuery query;
    query.table = u"reading"_s;
    query.columns = {u"at"_s, u"id"_s};
    query.keyColumns = {u"at"_s, u"id"_s};
    const ReaderDialect dialect = sqlServer({{u"at"_s, u"datetime2"_s}, {u"id"_s, u"bigint"_s}});
    const SqlText text = pageSql(query, after({u"2024-01-31T13:45:00.1234567"_s, 5}), 100, dialect);
    QCOMPARE(text.sql, u"SELECT TOP (?) CONVERT(nvarchar(34), [at], 126) AS ms_c0, [id] AS ms_c1, "
                       "CONVERT(nvarchar(34), [at], 126) AS ms_c2, [id] AS ms_c3 FROM "
                       "[dbo].[reading] WHERE ([at] > ? OR ([at] = ? AND [id] > ?)) ORDER BY [at] "
                       "ASC, [id] ASC"_s);
    QCOMPARE(text.binds, (QVariantList{qlonglong(100), u"2024-01-31T13:45:00.1234567"_s,
                                       u"2024-01-31T13:45:00.1234567"_s, 5}));
    checkBound(text);
}

void TstSqlServerReaderSql::expressionsByType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("placeholder");
    const QString plain = u"[c]"_s;
    const QString asText = u"CONVERT(nvarchar(max), [c])"_s;
    const auto same = [](const char *name, const QString &type, const QString &expression) {
        QTest::newRow(name) << type << expression << expression << expression << u"?"_s;
    };
    QTest::newRow("int") << u"int"_s << plain << plain << asText << u"?"_s;
    QTest::newRow("bit") << u"bit"_s << plain << plain << asText << u"?"_s;
    QTest::newRow("float") << u"float"_s << plain << plain << asText << u"?"_s;
    QTest::newRow("nvarchar") << u"nvarchar"_s << plain << plain << plain << u"?"_s;
    QTest::newRow("varchar") << u"varchar"_s << plain << plain << plain
                             << u"CAST(? AS varchar(8000))"_s;
    QTest::newRow("ntext") << u"ntext"_s << plain << plain << asText << u"?"_s;
    QTest::newRow("varbinary") << u"varbinary"_s << plain << plain
                               << u"CONVERT(nvarchar(max), CAST([c] AS varbinary(max)), 1)"_s
                               << u"?"_s;
    same("datetime2", u"datetime2"_s, u"CONVERT(nvarchar(34), [c], 126)"_s);
    same("datetime", u"datetime"_s, u"CONVERT(nvarchar(34), [c], 126)"_s);
    same("datetimeoffset", u"datetimeoffset"_s, u"CONVERT(nvarchar(34), [c], 126)"_s);
    same("date", u"date"_s, u"CONVERT(nvarchar(10), [c], 23)"_s);
    same("time", u"time"_s, u"CONVERT(nvarchar(16), [c])"_s);
    same("decimal", u"decimal"_s, u"CONVERT(nvarchar(48), [c])"_s);
    same("money", u"money"_s, u"CONVERT(nvarchar(48), [c], 2)"_s);
    same("uniqueidentifier", u"uniqueidentifier"_s, u"CONVERT(nvarchar(36), [c])"_s);
    same("xml", u"xml"_s, u"CONVERT(nvarchar(max), [c])"_s);
}

void TstSqlServerReaderSql::expressionsByType()
{
    QFETCH(QString, type);
    const ReaderDialect dialect = sqlServer({{u"c"_s, type}});
    QTEST(valueExpression(u"c"_s, dialect), "value");
    QTEST(keyExpression(u"c"_s, dialect), "key");
    QTEST(filterExpression(u"c"_s, dialect), "filter");
    QTEST(keyPlaceholder(u"c"_s, dialect), "placeholder");
}

void TstSqlServerReaderSql::valuesAreNeverSpliced()
{
    const QString hostile = u"'; DROP TABLE person; --"_s;
    PageQuery query = person();
    query.sortColumn = 1;
    query.filters = {{1, hostile}, {1, u"="_s + hostile}};
    const ReaderDialect dialect = personTypes();
    PageStart offset;
    offset.kind = PageStart::Kind::Offset;
    offset.offset = 7;
    for (const SqlText &text :
         {pageSql(query, after({hostile, 1}), 50, dialect),
          pageSql(query, after({hostile, 1}, PageStart::Kind::AtOrAfter), 50, dialect),
          pageSql(query, offset, 50, dialect), countSql(query, dialect),
          boundarySql(query, 500, dialect)}) {
        QVERIFY2(!text.sql.contains(u"DROP"_s), qPrintable(text.sql));
        QVERIFY(std::any_of(text.binds.cbegin(), text.binds.cend(), [](const QVariant &bind) {
            return bind.toString().contains(u"DROP TABLE person"_s);
        }));
        checkBound(text);
    }
    const SqlText columns = *columnTypesSql(ReaderDialect::Kind::SqlServer, u"dbo"_s, hostile);
    QVERIFY(!columns.sql.contains(u"DROP"_s));
    QCOMPARE(columns.binds.last(), QVariant(hostile));
}

void TstSqlServerReaderSql::catalogStatements()
{
    const auto kind = ReaderDialect::Kind::SqlServer;
    // The metadata table as SqlServerDialect makes and reads it, from the tenant's database.
    const SqlText metadata = metadataSql(kind, u"Cust1234"_s);
    QCOMPARE(metadata.sql,
             u"SELECT tablename, schemahash, lsn, schemajson, CONVERT(nvarchar(23), lastchange, "
             "126) + N'Z', lastinserted, lastupdated, lastdeleted FROM [dbo].[Cust1234_mirroring] "
             "ORDER BY tablename COLLATE Latin1_General_BIN2"_s);
    QVERIFY(metadata.binds.isEmpty());

    const SqlText present = *presentTablesSql(kind, u"dbo"_s);
    QCOMPARE(present.sql, u"SELECT t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = "
                          "t.schema_id WHERE s.name = ?"_s);
    QCOMPARE(present.binds, QVariantList{u"dbo"_s});

    const SqlText columns = *columnTypesSql(kind, u"dbo"_s, u"person"_s);
    QCOMPARE(columns.sql, u"SELECT c.name, TYPE_NAME(c.system_type_id) FROM sys.columns c JOIN "
                          "sys.tables t ON t.object_id = c.object_id JOIN sys.schemas s ON "
                          "s.schema_id = t.schema_id WHERE s.name = ? AND t.name = ?"_s);
    QCOMPARE(columns.binds, (QVariantList{u"dbo"_s, u"person"_s}));

    QCOMPARE(sessionSetupSql(kind, u"dbo"_s),
             (QStringList{u"SET ANSI_NULLS ON"_s, u"SET ANSI_WARNINGS ON"_s,
                          u"SET QUOTED_IDENTIFIER ON"_s, u"SET DATEFORMAT ymd"_s,
                          u"SET NOCOUNT ON"_s, u"SET LOCK_TIMEOUT 5000"_s}));
    // SQLite answers these through QtSql and its open options.
    QVERIFY(!presentTablesSql(ReaderDialect::Kind::Sqlite, {}));
    QVERIFY(!columnTypesSql(ReaderDialect::Kind::Sqlite, {}, u"person"_s));
    QVERIFY(sessionSetupSql(ReaderDialect::Kind::Sqlite, {}).isEmpty());
}

void TstSqlServerReaderSql::queryPaneGuard()
{
    QCOMPARE(beginUserStatementSql(ReaderDialect::Kind::SqlServer), u"BEGIN TRANSACTION"_s);
    QCOMPARE(endUserStatementSql(ReaderDialect::Kind::SqlServer),
             u"IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION"_s);
    QCOMPARE(beginUserStatementSql(ReaderDialect::Kind::Postgres),
             u"BEGIN TRANSACTION READ ONLY"_s);
    QCOMPARE(endUserStatementSql(ReaderDialect::Kind::Postgres), u"ROLLBACK"_s);
    QVERIFY(beginUserStatementSql(ReaderDialect::Kind::Sqlite).isEmpty());
}

QTEST_GUILESS_MAIN(TstSqlServerReaderSql)
#include "tst_sqlserverreadersql.moc"
