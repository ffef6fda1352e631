// The value grammar of PROTOCOL.md's RowData (integers, decimals, round-trip reals, strict base64)
// and which SQL Server defaults count as constant literals for TableSchema's Altered rule.

#include "service/store/columndefault.h"
#include "service/store/sqlservertype.h"
#include "service/store/valueparsing.h"

#include "valueparsingreference.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
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
    void integersAsBefore();
    void realsAsBefore();
    void decimalsAsBefore();
    void base64AsBefore();
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
    qint64 fromUtf8 = -12345;
    QCOMPARE(ms::parseInteger(QByteArrayView(text.toUtf8()), std::numeric_limits<qint64>::min(),
                              std::numeric_limits<qint64>::max(), fromUtf8),
             ok);
    QCOMPARE(fromUtf8, parsed);
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
    double fromUtf8 = -12345;
    QCOMPARE(ms::parseReal(QByteArrayView(text.toUtf8()), fromUtf8), ok);
    QCOMPARE(std::bit_cast<quint64>(fromUtf8), std::bit_cast<quint64>(value));
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
    QCOMPARE(ms::isDecimalText(QByteArrayView(text.toUtf8())), ok);
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
    QByteArray fromUtf8("untouched");
    QCOMPARE(ms::decodeBase64Strict(QByteArrayView(text.toUtf8()), fromUtf8), ok);
    QCOMPARE(fromUtf8, decoded);
}

namespace {
// Inputs for comparing the parsers with their reference: hand-picked edge cases, then random
// strings near the grammars (signs, digit runs with leading zeros, fractions, exponents up to
// far beyond a double's range) and random junk from characters the grammars must refuse.
QStringList numberInputs()
{
    QStringList inputs{u""_s,
                       u"-"_s,
                       u"+"_s,
                       u"0"_s,
                       u"-0"_s,
                       u"+0"_s,
                       u"00"_s,
                       u"-00"_s,
                       u"1"_s,
                       u"+1"_s,
                       u" 1"_s,
                       u"1 "_s,
                       u"\t1"_s,
                       u"1\n"_s,
                       u"1.5E-3"_s,
                       u"1.5e-3"_s,
                       u"1.5E+3"_s,
                       u"1.5E3"_s,
                       u"-1.5E-3"_s,
                       u".5"_s,
                       u"5."_s,
                       u"-.5"_s,
                       u"1e"_s,
                       u"1e+"_s,
                       u"1e-"_s,
                       u"e5"_s,
                       u"E5"_s,
                       u"1ee5"_s,
                       u"1e5e5"_s,
                       u"1.2.3"_s,
                       u"1,5"_s,
                       u"1_000"_s,
                       u"--1"_s,
                       u"-+1"_s,
                       u"0x10"_s,
                       u"0X10"_s,
                       u"0x1p3"_s,
                       u"1p3"_s,
                       u"0b101"_s,
                       u"inf"_s,
                       u"-inf"_s,
                       u"+inf"_s,
                       u"INF"_s,
                       u"Infinity"_s,
                       u"-Infinity"_s,
                       u"infinity"_s,
                       u"nan"_s,
                       u"NaN"_s,
                       u"-nan"_s,
                       u"nan(123)"_s,
                       u"1e308"_s,
                       u"1.7976931348623157E+308"_s,
                       u"1.7976931348623158E+308"_s,
                       u"1.7976931348623159E+308"_s,
                       u"1.8e308"_s,
                       u"-1.8e308"_s,
                       u"1e309"_s,
                       u"1e400"_s,
                       u"-1e400"_s,
                       u"1e-400"_s,
                       u"-1e-400"_s,
                       u"4.9E-324"_s,
                       u"5e-324"_s,
                       u"2.5e-324"_s,
                       u"2.4e-324"_s,
                       u"2.4703282292062328e-324"_s,
                       u"2.4703282292062327e-324"_s,
                       u"2.2250738585072011e-308"_s,
                       u"2.2250738585072014e-308"_s,
                       u"1e-320"_s,
                       u"1e99999999999999999999"_s,
                       u"1e-99999999999999999999"_s,
                       u"0e99999999999999999999"_s,
                       u"0e-99999999999999999999"_s,
                       u"0.000e-5000"_s,
                       u"-0.0e0"_s,
                       u"0.30000000000000004"_s,
                       u"9007199254740993"_s,
                       u"123456789012345678901234567890"_s,
                       u"9223372036854775807"_s,
                       u"9223372036854775808"_s,
                       u"-9223372036854775808"_s,
                       u"-9223372036854775809"_s,
                       u"18446744073709551615"_s,
                       u"18446744073709551616"_s,
                       u"99999999999999999999"_s,
                       u"0000000000000000000000042"_s,
                       u"-0009223372036854775808"_s,
                       u"1e0000000000000000000000000000000000000001"_s,
                       u"\uff11"_s,
                       u"\u0661"_s,
                       u"1\u0661"_s,
                       u"\u00e9"_s,
                       u"1\u0000"_s,
                       u"12\u2009"_s};
    inputs.append(u"1"_s + QString(800, u'0'));
    inputs.append(u"0."_s + QString(800, u'0') + u"1"_s);
    inputs.append(u"0."_s + QString(800, u'0') + u"1e500"_s);
    inputs.append(QString(770, u'9') + u"e-770"_s);
    inputs.append(u"1."_s + QString(400, u'5') + u"e-310"_s);

    QRandomGenerator random(8); // fixed: a failure can be replayed
    auto digits = [&random](int count) {
        QString text;
        for (int i = 0; i < count; ++i)
            text += QChar(u'0' + random.bounded(10));
        return text;
    };
    auto pick = [&random](const QStringList &from) {
        return from[random.bounded(from.size())];
    };
    const QStringList signs{u""_s, u""_s, u""_s, u"-"_s, u"-"_s, u"+"_s, u" "_s};
    const QStringList marks{u"e"_s, u"E"_s};
    const QStringList expSigns{u""_s, u"+"_s, u"-"_s, u"-"_s};
    for (int n = 0; n < 100000; ++n) {
        QString text = pick(signs);
        if (random.bounded(4) == 0)
            text += QString(random.bounded(1, 6), u'0');
        text += digits(random.bounded(0, 24));
        if (random.bounded(3) == 0)
            text += u'.' + digits(random.bounded(0, 24));
        if (random.bounded(3) == 0) {
            text += pick(marks) + pick(expSigns);
            // Mostly near the double's range, sometimes anywhere.
            text += random.bounded(4) == 0 ? digits(random.bounded(0, 22))
                                           : QString::number(random.bounded(0, 400));
        }
        if (random.bounded(50) == 0)
            text.insert(random.bounded(text.size() + 1), pick({u" "_s, u"x"_s, u"."_s, u"e"_s}));
        inputs.append(text);
    }
    const QString junk = u"0123456789-+.eExXaAfFinN ,_\u0661\uff11\u00e9"_s;
    for (int n = 0; n < 50000; ++n) {
        QString text;
        for (int i = random.bounded(0, 9); i > 0; --i)
            text += junk[random.bounded(junk.size())];
        inputs.append(text);
    }
    return inputs;
}
} // namespace

void TestValueParsing::integersAsBefore()
{
    const QList<std::pair<qint64, qint64>> ranges{
        {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()},
        {0, 255},
        {-32768, 32767},
        {0, 1},
        {std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max()}};
    qsizetype accepted = 0;
    for (const QString &text : numberInputs()) {
        const QByteArray utf8 = text.toUtf8();
        for (const auto &[minimum, maximum] : ranges) {
            qint64 expected = -12345, fromText = -12345, fromUtf8 = -12345;
            const bool ok = ms::reference::parseInteger(text, minimum, maximum, expected);
            accepted += ok;
            if (ms::parseInteger(text, minimum, maximum, fromText) != ok ||
                ms::parseInteger(QByteArrayView(utf8), minimum, maximum, fromUtf8) != ok ||
                fromText != expected || fromUtf8 != expected)
                QFAIL(qPrintable(u"'%1' in [%2, %3]: before %4 (%5), now %6 / %7"_s.arg(text)
                                     .arg(minimum)
                                     .arg(maximum)
                                     .arg(ok)
                                     .arg(expected)
                                     .arg(fromText)
                                     .arg(fromUtf8)));
        }
    }
    QVERIFY2(accepted > 10000, "the inputs must exercise acceptance too");
}

void TestValueParsing::realsAsBefore()
{
    qsizetype accepted = 0;
    for (const QString &text : numberInputs()) {
        double expected = -12345, fromText = -12345, fromUtf8 = -12345;
        const bool ok = ms::reference::parseReal(text, expected);
        accepted += ok;
        const bool textOk = ms::parseReal(text, fromText);
        const bool utf8Ok = ms::parseReal(QByteArrayView(text.toUtf8()), fromUtf8);
        // Bit for bit: -0 stays -0, every rounding is the same.
        if (textOk != ok || utf8Ok != ok ||
            std::bit_cast<quint64>(fromText) != std::bit_cast<quint64>(expected) ||
            std::bit_cast<quint64>(fromUtf8) != std::bit_cast<quint64>(expected))
            QFAIL(qPrintable(u"'%1': before %2 (%3), now %4 (%5) / %6 (%7)"_s.arg(text.left(80))
                                 .arg(ok)
                                 .arg(expected, 0, 'g', 17)
                                 .arg(textOk)
                                 .arg(fromText, 0, 'g', 17)
                                 .arg(utf8Ok)
                                 .arg(fromUtf8, 0, 'g', 17)));
    }
    QVERIFY2(accepted > 10000, "the inputs must exercise acceptance too");
}

void TestValueParsing::decimalsAsBefore()
{
    for (const QString &text : numberInputs()) {
        const bool ok = ms::reference::isDecimalText(text);
        if (ms::isDecimalText(text) != ok || ms::isDecimalText(QByteArrayView(text.toUtf8())) != ok)
            QFAIL(qPrintable(u"'%1': before %2"_s.arg(text.left(80)).arg(ok)));
    }
}

void TestValueParsing::base64AsBefore()
{
    QStringList inputs{u""_s,      u"===="_s,      u"A==="_s,      u"AA=="_s,      u"AAA="_s,
                       u"AAAA"_s,  u"AR=="_s,      u"AB8="_s,      u"=AAA"_s,      u"A=AA"_s,
                       u"AA=A"_s,  u"AAAA===="_s,  u"AAAAAA=="_s,  u"AA==AAAA"_s,  u"//+/"_s,
                       u"-_-_"_s,  u"AAA\u00c1"_s, u"AAA\u0141"_s, u"AAA\uff21"_s, u"AAA\u0000"_s,
                       u"AAAA\n"_s};
    QRandomGenerator random(64);
    // Valid encodings of random bytes, some of them spoilt by one character.
    for (int n = 0; n < 20000; ++n) {
        QByteArray bytes(random.bounded(0, 40), Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        QString text = QString::fromLatin1(bytes.toBase64());
        if (!text.isEmpty() && random.bounded(3) == 0)
            text[random.bounded(text.size())] = u"=A+/-_ \n\u00c1"_s[random.bounded(9)];
        inputs.append(text);
    }
    const QString alphabet = u"AQgw/+=9z-_ \u00c1\u0141"_s;
    for (int n = 0; n < 50000; ++n) {
        QString text;
        for (int i = random.bounded(0, 3) * 4 + random.bounded(0, 2); i > 0; --i)
            text += alphabet[random.bounded(alphabet.size())];
        inputs.append(text);
    }
    qsizetype accepted = 0;
    for (const QString &text : std::as_const(inputs)) {
        QByteArray expected("untouched"), fromText("untouched"), fromUtf8("untouched");
        const bool ok = ms::reference::decodeBase64Strict(text, expected);
        accepted += ok;
        if (ms::decodeBase64Strict(text, fromText) != ok ||
            ms::decodeBase64Strict(QByteArrayView(text.toUtf8()), fromUtf8) != ok ||
            fromText != expected || fromUtf8 != expected)
            QFAIL(qPrintable(u"'%1': before %2 (%3), now %4 / %5"_s.arg(text).arg(ok).arg(
                QString::fromLatin1(expected.toHex()), QString::fromLatin1(fromText.toHex()),
                QString::fromLatin1(fromUtf8.toHex()))));
    }
    QVERIFY2(accepted > 10000, "the inputs must exercise acceptance too");
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
