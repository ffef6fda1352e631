// The value grammar of PROTOCOL.md's RowData (integers, decimals, round-trip reals, strict base64)
// and which SQL Server defaults count as constant literals for TableSchema's Altered rule.

#include "service/store/columndefault.h"
#include "service/store/sqlservertype.h"
#include "service/store/valueparsing.h"

#include <QTest>

#include <cstdlib>
#include <limits>

using namespace Qt::Literals::StringLiterals;

class TestValueParsing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void integers_data();
    void integers();
    void reals_data();
    void reals();
    void decimals_data();
    void decimals();
    void base64_data();
    void base64();
    void constantDefaults_data();
    void constantDefaults();
    void defaultValueForType_data();
    void defaultValueForType();
};

void TestValueParsing::integers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    constexpr qint64 min = std::numeric_limits<qint64>::min();
    constexpr qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("0") << u"0"_s << true << qint64(0);
    QTest::newRow("-0") << u"-0"_s << true << qint64(0);
    QTest::newRow("42") << u"42"_s << true << qint64(42);
    QTest::newRow("leading zeros") << u"0000000000000000000000042"_s << true << qint64(42);
    QTest::newRow("leading zeros, min")
        << u"-0009223372036854775808"_s << true << std::numeric_limits<qint64>::min();
    QTest::newRow("007") << u"007"_s << true << qint64(7);
    QTest::newRow("max") << u"9223372036854775807"_s << true << max;
    QTest::newRow("min") << u"-9223372036854775808"_s << true << min;
    QTest::newRow("max+1") << u"9223372036854775808"_s << false << qint64(0);
    QTest::newRow("min-1") << u"-9223372036854775809"_s << false << qint64(0);
    QTest::newRow("2^64") << u"18446744073709551616"_s << false << qint64(0);
    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("-") << u"-"_s << false << qint64(0);
    QTest::newRow("+1") << u"+1"_s << false << qint64(0);
    QTest::newRow(" 1") << u" 1"_s << false << qint64(0);
    QTest::newRow("1.0") << u"1.0"_s << false << qint64(0);
    QTest::newRow("1e3") << u"1e3"_s << false << qint64(0);
    QTest::newRow("--1") << u"--1"_s << false << qint64(0);
    QTest::newRow("fullwidth") << u"\uff11"_s << false << qint64(0);
}

void TestValueParsing::integers()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    qint64 parsed = -12345;
    QCOMPARE(ms::parseInteger(text, std::numeric_limits<qint64>::min(),
                              std::numeric_limits<qint64>::max(), parsed),
             ok);
    QCOMPARE(parsed, ok ? value : qint64(-12345));
    // Ranges are inclusive.
    QVERIFY(ms::parseInteger(u"255"_s, 0, 255, parsed));
    QVERIFY(!ms::parseInteger(u"256"_s, 0, 255, parsed));
    QVERIFY(!ms::parseInteger(u"-1"_s, 0, 255, parsed));
}

void TestValueParsing::reals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    for (const char *good :
         {"0", "-0", "1", "0.1", "1.5E-3", "1.5e-3", "1E+10", "1e5", "-2.5", "4.9E-324",
          "1.7976931348623157E+308", "0.30000000000000004", "123456789012345678901234567890"})
        QTest::newRow(good) << QString::fromLatin1(good) << true;
    for (const char *bad :
         {"",    "-",    ".5",  "5.",       "1e",   "1e+",   "+1",     " 1",    "1 ",    "1,5",
          "inf", "-inf", "NaN", "Infinity", "0x10", "1e400", "-1e400", "1.2.3", "1_000", "e5"})
        QTest::newRow(bad) << QString::fromLatin1(bad) << false;
}

void TestValueParsing::reals()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    double value = -12345;
    QCOMPARE(ms::parseReal(text, value), ok);
    if (ok) {
        // The nearest double, as strtod gives it (never through a 32-bit float).
        const double expected = std::strtod(text.toLatin1().constData(), nullptr);
        QCOMPARE(QByteArray::number(value, 'g', 17), QByteArray::number(expected, 'g', 17));
    } else {
        QCOMPARE(value, -12345.0);
    }
}

void TestValueParsing::decimals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    for (const char *good : {"0", "-0", "1", "-1", "0.5", "12345678901234567890123456.0123456789",
                             "-0.0000000001", "007.700"})
        QTest::newRow(good) << QString::fromLatin1(good) << true;
    for (const char *bad : {"", "-", ".5", "5.", "+1", "1e3", "1E-3", " 1", "1 ", "1,5", "1.2.3",
                            "--1", "0x1", "NaN", "1.-5"})
        QTest::newRow(bad) << QString::fromLatin1(bad) << false;
    QTest::newRow("Arabic-Indic digit") << u"\u0661"_s << false;
}

void TestValueParsing::decimals()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QCOMPARE(ms::isDecimalText(text), ok);
}

void TestValueParsing::base64_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QString() << true << QByteArray();
    QTest::newRow("AAECA/7/") << u"AAECA/7/"_s << true << QByteArray("\x00\x01\x02\x03\xfe\xff", 6);
    QTest::newRow("one pad") << u"AQID"_s << true << QByteArray("\x01\x02\x03", 3);
    QTest::newRow("two pads") << u"AQ=="_s << true << QByteArray("\x01", 1);
    QTest::newRow("AQI=") << u"AQI="_s << true << QByteArray("\x01\x02", 2);
    for (const QString &bad :
         {u"AQI"_s, u"AQI=="_s, u"A QI="_s, u"AQI=\n"_s, u"AQ-_"_s, u"=AQI"_s, u"AQ=I"_s, u"A==="_s,
          u"===="_s, u"@@@@"_s, u"\u00e9AAA"_s, u"AQID\r\n"_s})
        QTest::addRow("bad %s", qPrintable(bad)) << bad << false << QByteArray();
}

void TestValueParsing::base64()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QByteArray, bytes);
    QByteArray decoded("untouched");
    QCOMPARE(ms::decodeBase64Strict(text, decoded), ok);
    QCOMPARE(decoded, ok ? bytes : QByteArray("untouched"));
}

void TestValueParsing::constantDefaults_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind"); // -1: not a constant
    QTest::addColumn<QString>("value");
    const int number = int(ms::ConstantDefault::Kind::Number);
    const int string = int(ms::ConstantDefault::Kind::String);
    QTest::newRow("((0))") << u"((0))"_s << number << u"0"_s;
    QTest::newRow("(0)") << u"(0)"_s << number << u"0"_s;
    QTest::newRow("0") << u"0"_s << number << u"0"_s;
    QTest::newRow("((-1.5))") << u"((-1.5))"_s << number << u"-1.5"_s;
    QTest::newRow("((+2))") << u"((+2))"_s << number << u"2"_s;
    QTest::newRow("( ( 3 ) )") << u"( ( 3 ) )"_s << number << u"3"_s;
    QTest::newRow("('')") << u"('')"_s << string << QString();
    QTest::newRow("('x')") << u"('x')"_s << string << u"x"_s;
    QTest::newRow("(N'it''s')") << u"(N'it''s')"_s << string << u"it's"_s;
    QTest::newRow("(('(a)'))") << u"(('(a)'))"_s << string << u"(a)"_s;
    QTest::newRow("('a)b')") << u"('a)b')"_s << string << u"a)b"_s;
    QTest::newRow("(getdate())") << u"(getdate())"_s << -1 << QString();
    QTest::newRow("(newid())") << u"(newid())"_s << -1 << QString();
    QTest::newRow("((1)+(2))") << u"((1)+(2))"_s << -1 << QString();
    QTest::newRow("('a'+'b')") << u"('a'+'b')"_s << -1 << QString();
    QTest::newRow("('a''')") << u"('a''')"_s << string << u"a'"_s;
    QTest::newRow("('a')('b')") << u"('a')('b')"_s << -1 << QString();
    QTest::newRow("('x'); drop") << u"('x'); drop table y; --')"_s << -1 << QString();
    QTest::newRow("(NULL)") << u"(NULL)"_s << -1 << QString();
    QTest::newRow("empty") << QString() << -1 << QString();
    QTest::newRow("unbalanced") << u"((0)"_s << -1 << QString();
}

void TestValueParsing::constantDefaults()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, value);
    const auto parsed = ms::parseConstantDefault(text);
    QCOMPARE(parsed.has_value(), kind >= 0);
    if (parsed) {
        QCOMPARE(int(parsed->kind), kind);
        QCOMPARE(parsed->value, value);
    }
}

void TestValueParsing::defaultValueForType_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("defaultText");
    QTest::addColumn<bool>("constant");
    QTest::addColumn<QString>("value");
    QTest::newRow("int ((0))") << u"int"_s << u"((0))"_s << true << u"0"_s;
    QTest::newRow("int ((1.5))") << u"int"_s << u"((1.5))"_s << false << QString();
    QTest::newRow("tinyint ((300))") << u"tinyint"_s << u"((300))"_s << false << QString();
    QTest::newRow("bit ((1))") << u"bit"_s << u"((1))"_s << true << u"1"_s;
    QTest::newRow("int ('7')") << u"int"_s << u"('7')"_s << true << u"7"_s;
    QTest::newRow("int ('x')") << u"int"_s << u"('x')"_s << false << QString();
    QTest::newRow("float ((1.5E-3))") << u"float"_s << u"((1.5E-3))"_s << true << u"1.5E-3"_s;
    QTest::newRow("decimal ((0.00))") << u"decimal(5,2)"_s << u"((0.00))"_s << true << u"0.00"_s;
    QTest::newRow("decimal ((1e3))") << u"decimal(5,2)"_s << u"((1e3))"_s << false << QString();
    QTest::newRow("nvarchar ((0))") << u"nvarchar(5)"_s << u"((0))"_s << true << u"0"_s;
    QTest::newRow("nvarchar ('')") << u"nvarchar(5)"_s << u"('')"_s << true << QString();
    QTest::newRow("varbinary ((0))") << u"varbinary(5)"_s << u"((0))"_s << false << QString();
    QTest::newRow("datetime (getdate())")
        << u"datetime"_s << u"(getdate())"_s << false << QString();
}

void TestValueParsing::defaultValueForType()
{
    QFETCH(QString, type);
    QFETCH(QString, defaultText);
    QFETCH(bool, constant);
    QFETCH(QString, value);
    const ms::ColumnSchema column{u"c"_s, type, false, defaultText};
    const auto result = ms::constantDefaultValue(column, ms::SqlServerType::parse(type));
    QCOMPARE(result.has_value(), constant);
    if (result)
        QCOMPARE(*result, value);
    QVERIFY(!ms::constantDefaultValue(ms::ColumnSchema{u"c"_s, type, false, std::nullopt},
                                      ms::SqlServerType::parse(type)));
}

QTEST_APPLESS_MAIN(TestValueParsing)
#include "tst_valueparsing.moc"
