// TableSchema's DataType (PROTOCOL.md: SQL Server dialect, case-insensitive) and the schema hash
// over the normalized schema (a change of letter case in a type alone keeps it).

#include "service/common/error.h"
#include "service/store/schemahash.h"
#include "service/store/sqlservertype.h"

#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace Qt::Literals::StringLiterals;
using ms::SqlServerType;
using Base = ms::SqlServerType::Base;
using Kind = ms::SqlServerType::ValueKind;

Q_DECLARE_METATYPE(ms::TableSchema)

namespace {

ms::TableSchema contact()
{
    return ms::TableSchema{u"contact"_s,
                           {{u"contact_id"_s, u"int"_s, false, std::nullopt},
                            {u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s},
                            {u"updated"_s, u"datetime"_s, true, std::nullopt}},
                           {u"contact_id"_s}};
}

} // namespace

class TestSqlServerType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void integerRanges_data();
    void integerRanges();
    void normalizeKeepsUnknownText();
    void hashIsStable();
    void hashIgnoresTypeCaseAndSpaces();
    void hashChangesWithTheSchema_data();
    void hashChangesWithTheSchema();
};

void TestSqlServerType::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<int>("base");
    QTest::addColumn<int>("kind");
    const auto add = [](const QString &text, const QString &normalized, Base base, Kind kind) {
        QTest::addRow("%s", qPrintable(text)) << text << normalized << int(base) << int(kind);
    };
    add(u"bit"_s, u"bit"_s, Base::Bit, Kind::Integer);
    add(u"tinyint"_s, u"tinyint"_s, Base::TinyInt, Kind::Integer);
    add(u"smallint"_s, u"smallint"_s, Base::SmallInt, Kind::Integer);
    add(u"INT"_s, u"int"_s, Base::Int, Kind::Integer);
    add(u"BigInt"_s, u"bigint"_s, Base::BigInt, Kind::Integer);
    add(u"decimal(38,10)"_s, u"decimal(38,10)"_s, Base::Decimal, Kind::Decimal);
    add(u"Decimal ( 38 , 10 )"_s, u"decimal(38,10)"_s, Base::Decimal, Kind::Decimal);
    add(u"decimal"_s, u"decimal"_s, Base::Decimal, Kind::Decimal);
    add(u"numeric(5)"_s, u"numeric(5)"_s, Base::Numeric, Kind::Decimal);
    add(u"numeric(18,0)"_s, u"numeric(18,0)"_s, Base::Numeric, Kind::Decimal);
    add(u"money"_s, u"money"_s, Base::Money, Kind::Decimal);
    add(u"smallmoney"_s, u"smallmoney"_s, Base::SmallMoney, Kind::Decimal);
    add(u"float"_s, u"float"_s, Base::Float, Kind::Real);
    add(u"float(53)"_s, u"float(53)"_s, Base::Float, Kind::Real);
    add(u"float(24)"_s, u"float(24)"_s, Base::Float, Kind::Real);
    add(u"REAL"_s, u"real"_s, Base::Real, Kind::Real);
    add(u"date"_s, u"date"_s, Base::Date, Kind::Text);
    add(u"time(7)"_s, u"time(7)"_s, Base::Time, Kind::Text);
    add(u"time(0)"_s, u"time(0)"_s, Base::Time, Kind::Text);
    add(u"time"_s, u"time"_s, Base::Time, Kind::Text);
    add(u"datetime"_s, u"datetime"_s, Base::DateTime, Kind::Text);
    add(u"datetime2(7)"_s, u"datetime2(7)"_s, Base::DateTime2, Kind::Text);
    add(u"DateTime2"_s, u"datetime2"_s, Base::DateTime2, Kind::Text);
    add(u"smalldatetime"_s, u"smalldatetime"_s, Base::SmallDateTime, Kind::Text);
    add(u"datetimeoffset(7)"_s, u"datetimeoffset(7)"_s, Base::DateTimeOffset, Kind::Text);
    add(u"char(10)"_s, u"char(10)"_s, Base::Char, Kind::Text);
    add(u"varchar(max)"_s, u"varchar(max)"_s, Base::VarChar, Kind::Text);
    add(u"VARCHAR(MAX)"_s, u"varchar(max)"_s, Base::VarChar, Kind::Text);
    add(u"varchar(8000)"_s, u"varchar(8000)"_s, Base::VarChar, Kind::Text);
    add(u"nchar(1)"_s, u"nchar(1)"_s, Base::NChar, Kind::Text);
    add(u"nvarchar(254)"_s, u"nvarchar(254)"_s, Base::NVarChar, Kind::Text);
    add(u" NVarChar ( Max ) "_s, u"nvarchar(max)"_s, Base::NVarChar, Kind::Text);
    add(u"nvarchar\t(\n254)"_s, u"nvarchar(254)"_s, Base::NVarChar, Kind::Text);
    add(u"text"_s, u"text"_s, Base::Text, Kind::Text);
    add(u"ntext"_s, u"ntext"_s, Base::NText, Kind::Text);
    add(u"binary(16)"_s, u"binary(16)"_s, Base::Binary, Kind::Binary);
    add(u"varbinary(max)"_s, u"varbinary(max)"_s, Base::VarBinary, Kind::Binary);
    add(u"image"_s, u"image"_s, Base::Image, Kind::Binary);
    add(u"uniqueidentifier"_s, u"uniqueidentifier"_s, Base::UniqueIdentifier, Kind::Text);
    add(u"UniqueIdentifier"_s, u"uniqueidentifier"_s, Base::UniqueIdentifier, Kind::Text);
}

void TestSqlServerType::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, normalized);
    QFETCH(int, base);
    QFETCH(int, kind);
    const SqlServerType type = SqlServerType::parse(text);
    QCOMPARE(int(type.base), base);
    QCOMPARE(int(type.valueKind()), kind);
    QCOMPARE(type.normalized(), normalized);
    QCOMPARE(SqlServerType::normalize(text), normalized);
    QCOMPARE(SqlServerType::parse(normalized), type);
}

void TestSqlServerType::refuses_data()
{
    QTest::addColumn<QString>("text");
    for (const QString &text : {QString(),           u"geography"_s,       u"xml"_s,
                                u"sql_variant"_s,    u"timestamp"_s,       u"int(4)"_s,
                                u"bit(1)"_s,         u"nvarchar(0)"_s,     u"nvarchar(8001)"_s,
                                u"nvarchar(-1)"_s,   u"nvarchar(abc)"_s,   u"nvarchar("_s,
                                u"nvarchar)"_s,      u"nvarchar(10"_s,     u"nvarchar()"_s,
                                u"nvarchar(1,2)"_s,  u"nvarchar(10)(2)"_s, u"nvarchar(max)x"_s,
                                u"decimal(39,2)"_s,  u"decimal(10,11)"_s,  u"decimal(0)"_s,
                                u"decimal(1,2,3)"_s, u"decimal(,2)"_s,     u"decimal(10,)"_s,
                                u"decimal(max)"_s,   u"datetime2(8)"_s,    u"time(max)"_s,
                                u"float(54)"_s,      u"float(0)"_s,        u"char(max)"_s,
                                u"binary(max)"_s,    u"int identity"_s,    u"int; drop table x"_s,
                                u"nvarchar(+5)"_s,   u"nvarchar(\uff15)"_s})
        QTest::addRow("%s", qPrintable(text)) << text;
}

void TestSqlServerType::refuses()
{
    QFETCH(QString, text);
    try {
        SqlServerType::parse(text);
        QFAIL("parsed");
    } catch (const ms::Error &error) {
        QCOMPARE(error.kind(), ms::Error::Kind::Client);
        QVERIFY2(error.message().contains(text), qPrintable(error.message()));
    }
}

void TestSqlServerType::integerRanges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minimum");
    QTest::addColumn<qint64>("maximum");
    QTest::newRow("bit") << u"bit"_s << qint64(0) << qint64(1);
    QTest::newRow("tinyint") << u"tinyint"_s << qint64(0) << qint64(255);
    QTest::newRow("smallint") << u"smallint"_s << qint64(-32768) << qint64(32767);
    QTest::newRow("int") << u"int"_s << qint64(-2147483648LL) << qint64(2147483647);
    QTest::newRow("bigint") << u"bigint"_s << std::numeric_limits<qint64>::min()
                            << std::numeric_limits<qint64>::max();
}

void TestSqlServerType::integerRanges()
{
    QFETCH(QString, text);
    QFETCH(qint64, minimum);
    QFETCH(qint64, maximum);
    const SqlServerType type = SqlServerType::parse(text);
    QCOMPARE(type.minimum(), minimum);
    QCOMPARE(type.maximum(), maximum);
}

void TestSqlServerType::normalizeKeepsUnknownText()
{
    // normalize() is what the hash covers: lower case without whitespace, nothing else changed.
    QCOMPARE(SqlServerType::normalize(u" Foo (1, 2) "_s), u"foo(1,2)"_s);
}

void TestSqlServerType::hashIsStable()
{
    // Stored in every mirror's metadata table: a change here would recreate every table of every
    // mirror at the next cycle. Change it only with a migration.
    QCOMPARE(ms::schemaHash(contact()),
             u"f1a2b8fac26a1582c9575bc5752715e812dbf99095b64dc5d7432b10df8d9e24"_s);
}

void TestSqlServerType::hashIgnoresTypeCaseAndSpaces()
{
    auto changed = contact();
    changed.columns[0].dataType = u"INT"_s;
    changed.columns[1].dataType = u"NVarChar ( 254 )"_s;
    changed.columns[2].dataType = u"DATETIME"_s;
    QCOMPARE(ms::schemaHash(changed), ms::schemaHash(contact()));
    QCOMPARE(ms::normalizedSchema(changed), ms::normalizedSchema(contact()));
}

void TestSqlServerType::hashChangesWithTheSchema_data()
{
    QTest::addColumn<ms::TableSchema>("changed");
    auto s = contact();
    s.tableName = u"Contact"_s;
    QTest::newRow("table name case") << s;
    s = contact();
    s.columns[1].name = u"Name"_s;
    QTest::newRow("column name case") << s;
    s = contact();
    s.columns[1].dataType = u"nvarchar(255)"_s;
    QTest::newRow("type") << s;
    s = contact();
    s.columns[2].isNullable = false;
    QTest::newRow("nullability") << s;
    s = contact();
    s.columns[1].defaultValue = std::nullopt;
    QTest::newRow("default removed") << s;
    s = contact();
    s.columns[2].defaultValue = QString();
    QTest::newRow("empty default is not nil") << s;
    s = contact();
    s.columns[1].defaultValue = u"(N'')"_s;
    QTest::newRow("default text") << s;
    s = contact();
    s.columns.move(1, 2);
    QTest::newRow("column order") << s;
    s = contact();
    s.columns.removeLast();
    QTest::newRow("column removed") << s;
    s = contact();
    s.primaryKey = {u"contact_id"_s, u"name"_s};
    QTest::newRow("key") << s;
    s = contact();
    s.primaryKey = {u"name"_s, u"contact_id"_s};
    QTest::newRow("key order") << s;
    // Fields shifted between neighbours must not collide (no separator can be forged).
    s = contact();
    s.columns[0].name = u"contact_idname"_s;
    s.columns[1].name = QString();
    QTest::newRow("shifted names") << s;
}

void TestSqlServerType::hashChangesWithTheSchema()
{
    QFETCH(ms::TableSchema, changed);
    const QString hash = ms::schemaHash(changed);
    QVERIFY(hash != ms::schemaHash(contact()));
    QCOMPARE(hash.size(), 64);
    QVERIFY(QRegularExpression(u"^[0-9a-f]{64}$"_s).match(hash).hasMatch());
}

QTEST_APPLESS_MAIN(TestSqlServerType)
#include "tst_sqlservertype.moc"
