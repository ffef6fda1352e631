// Base64 values of UTF-8 text (RowData's enc="base64") and the UTF-8 check behind them: the
// small validator judges every input exactly as QStringDecoder does, and decodeBase64Utf8
// accepts and yields exactly what it did when it decoded through QByteArray::fromBase64Encoding
// and checked through QStringDecoder (the reference below, verbatim from commit 43f4919).

#include "service/soap/soapvalues.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace reference {

bool isBase64Alphabet(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
           c == u'+' || c == u'/';
}

bool decodeBase64Utf8(QStringView base64, QString &out)
{
    out.resize(0);
    const qsizetype size = base64.size();
    if (size % 4 != 0)
        return false;
    const qsizetype padding = size == 0                  ? 0
                              : base64[size - 1] != u'=' ? 0
                              : base64[size - 2] != u'=' ? 1
                                                         : 2;
    QByteArray ascii(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = base64[i].unicode();
        if (i < size - padding ? !isBase64Alphabet(c) : c != u'=')
            return false;
        ascii[i] = char(c);
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    out = utf8(*decoded);
    return !utf8.hasError();
}

bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out, QString &scratch)
{
    out.resize(0);
    const qsizetype size = base64.size();
    if (size % 4 != 0)
        return false;
    const qsizetype padding = size == 0                 ? 0
                              : base64[size - 1] != '=' ? 0
                              : base64[size - 2] != '=' ? 1
                                                        : 2;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = static_cast<unsigned char>(base64[i]);
        if (i < size - padding ? !isBase64Alphabet(c) : c != u'=')
            return false;
    }
    auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromRawData(base64.data(), size),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    out = std::move(*decoded);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    scratch.resize(utf8.requiredSpace(out.size()));
    utf8.appendToBuffer(scratch.data(), out);
    return !utf8.hasError();
}

bool isValidUtf8(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString scratch(utf8.requiredSpace(bytes.size()), Qt::Uninitialized);
    utf8.appendToBuffer(scratch.data(), bytes);
    return !utf8.hasError();
}

} // namespace reference

class TestSoapValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void utf8Cases_data();
    void utf8Cases();
    void utf8EveryShortSequence();
    void utf8EveryCodePoint();
    void utf8Random();
    void base64Utf8AsBefore();
};

namespace {
QByteArray bytesOf(std::initializer_list<char> bytes)
{
    return QByteArray(bytes.begin(), qsizetype(bytes.size()));
}

// Fails with the bytes when the validator and QStringDecoder disagree.
bool agrees(QByteArrayView bytes)
{
    if (ms::soapvalues::isValidUtf8(bytes) == reference::isValidUtf8(bytes))
        return true;
    qWarning("validator and QStringDecoder disagree on %s (decoder: %s)",
             bytes.toByteArray().toHex(' ').constData(),
             reference::isValidUtf8(bytes) ? "valid" : "invalid");
    return false;
}

// bytes at every offset behind 0..9 ASCII bytes and before 0..9 more, so that each lands on
// both sides of the validator's eight-byte ASCII steps.
bool agreesAtEveryOffset(const QByteArray &bytes)
{
    for (int before = 0; before < 10; ++before) {
        for (int after : {0, 1, 7, 9}) {
            if (!agrees(QByteArray(before, 'a') + bytes + QByteArray(after, 'z')))
                return false;
        }
    }
    return true;
}
} // namespace

void TestSoapValues::utf8Cases_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    auto row = [](const char *name, QByteArray bytes, bool valid) {
        QTest::newRow(name) << bytes << valid;
    };
    row("empty", "", true);
    row("ASCII", "plain text, 26 characters", true);
    row("U+0000", QByteArray("a\0b", 3), true);
    row("control characters", "\x01\x02\x1f\x7f", true);
    row("U+00E9", "\xc3\xa9", true);
    row("U+20AC", "\xe2\x82\xac", true);
    row("U+FEFF first (BOM)", "\xef\xbb\xbfx", true);
    row("U+FFFE noncharacter", "\xef\xbf\xbe", true);
    row("U+FFFF noncharacter", "\xef\xbf\xbf", true);
    row("U+FDD0 noncharacter", "\xef\xb7\x90", true);
    row("U+10000", "\xf0\x90\x80\x80", true);
    row("U+1F600", "\xf0\x9f\x98\x80", true);
    row("U+10FFFF", "\xf4\x8f\xbf\xbf", true);
    row("U+D7FF", "\xed\x9f\xbf", true);
    row("U+E000", "\xee\x80\x80", true);
    row("overlong NUL C0 80", "\xc0\x80", false);
    row("overlong C1 BF", "\xc1\xbf", false);
    row("overlong E0 80 80", "\xe0\x80\x80", false);
    row("overlong E0 9F BF", "\xe0\x9f\xbf", false);
    row("overlong F0 80 80 80", "\xf0\x80\x80\x80", false);
    row("overlong F0 8F BF BF", "\xf0\x8f\xbf\xbf", false);
    row("surrogate U+D800", "\xed\xa0\x80", false);
    row("surrogate U+DFFF", "\xed\xbf\xbf", false);
    row("surrogate pair as CESU-8", "\xed\xa0\xbd\xed\xb8\x80", false);
    row("U+110000", "\xf4\x90\x80\x80", false);
    row("F5 lead", "\xf5\x80\x80\x80", false);
    row("five bytes", "\xf8\x88\x80\x80\x80", false);
    row("FE", "\xfe", false);
    row("FF", "\xff", false);
    row("lone continuation", "a\x80z", false);
    row("truncated 2 at end", "abc\xc3", false);
    row("truncated 3 at end", "abc\xe2\x82", false);
    row("truncated 4 at end", "abc\xf0\x9f\x98", false);
    row("truncated 3 before ASCII", "\xe2\x82z", false);
    row("truncated 4 before ASCII", "\xf0\x9f\x98zzzzzzzzzz", false);
    row("continuation missing in 2", "\xc3z", false);
    row("long ASCII then bad", QByteArray(64, 'x') + "\xc0\x80", false);
    row("long ASCII then good", QByteArray(64, 'x') + "\xc3\xa9" + QByteArray(20, 'y'), true);
}

void TestSoapValues::utf8Cases()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(reference::isValidUtf8(bytes), valid); // the table says what QStringDecoder says
    QCOMPARE(ms::soapvalues::isValidUtf8(bytes), valid);
    QVERIFY(agreesAtEveryOffset(bytes));
}

void TestSoapValues::utf8EveryShortSequence()
{
    // Every sequence of one and two bytes.
    for (int a = 0; a < 256; ++a) {
        QVERIFY(agrees(QByteArray(1, char(a))));
        for (int b = 0; b < 256; ++b)
            QVERIFY(agrees(bytesOf({char(a), char(b)})));
    }
    // Three and four bytes: every lead byte from 0x80 with the second byte anywhere and the
    // others from the bytes where the rules change.
    const QByteArray edges("\x00\x41\x7f\x80\x81\x8f\x90\x9f\xa0\xbf\xc0\xc1\xc2\xdf\xe0\xed\xef"
                           "\xf0\xf4\xf5\xff",
                           21);
    for (int lead = 0x80; lead < 256; ++lead) {
        for (int second = 0; second < 256; ++second) {
            for (char third : edges) {
                QVERIFY(agrees(bytesOf({char(lead), char(second), third})));
                for (char fourth : edges)
                    QVERIFY(agrees(bytesOf({char(lead), char(second), third, fourth})));
            }
        }
    }
}

void TestSoapValues::utf8EveryCodePoint()
{
    // Each code point encoded by hand (surrogates too, which must be refused), alone and behind
    // ASCII at a few offsets.
    for (char32_t c = 0; c <= 0x10ffff; ++c) {
        QByteArray bytes;
        if (c < 0x80) {
            bytes = QByteArray(1, char(c));
        } else if (c < 0x800) {
            bytes = bytesOf({char(0xc0 | c >> 6), char(0x80 | (c & 0x3f))});
        } else if (c < 0x10000) {
            bytes = bytesOf(
                {char(0xe0 | c >> 12), char(0x80 | (c >> 6 & 0x3f)), char(0x80 | (c & 0x3f))});
        } else {
            bytes = bytesOf({char(0xf0 | c >> 18), char(0x80 | (c >> 12 & 0x3f)),
                             char(0x80 | (c >> 6 & 0x3f)), char(0x80 | (c & 0x3f))});
        }
        const bool surrogate = c >= 0xd800 && c <= 0xdfff;
        if (ms::soapvalues::isValidUtf8(bytes) == surrogate)
            QFAIL(qPrintable(u"U+%1"_s.arg(quint32(c), 4, 16, QChar(u'0'))));
        if (c % 97 == 0 || surrogate || c < 0x100)
            QVERIFY(agreesAtEveryOffset(bytes));
    }
}

void TestSoapValues::utf8Random()
{
    QRandomGenerator random(3);
    const QByteArray pieces[] = {"a",    "\xc3\xa9",     "\xe2\x82\xac",     "\xf0\x9f\x98\x80",
                                 "\x80", "\xc3",         "\xed\xa0\x80",     "\xf4\x90\x80\x80",
                                 "\xe0", "\xef\xbf\xbf", QByteArray(9, 'x'), "\xc0\xaf"};
    for (int n = 0; n < 100000; ++n) {
        QByteArray bytes;
        for (int i = random.bounded(0, 8); i > 0; --i) {
            if (random.bounded(4) == 0)
                bytes += char(random.bounded(256));
            else
                bytes += pieces[random.bounded(int(std::size(pieces)))];
        }
        QVERIFY(agrees(bytes));
    }
}

void TestSoapValues::base64Utf8AsBefore()
{
    QList<QByteArray> inputs{"",       "====", "A===", "AA==",     "AAA=",     "AAAA",     "wA==",
                             "wIA=",   "7aCA", "77u/", "77u/eA==", "AA==AAAA", "AAAA====", "-_-_",
                             "AAAA\n", "AR==", "AB8=", "4oKs",     "8J+YgA=",  "8J+YgA=="};
    QRandomGenerator random(5);
    const QByteArray pieces[] = {
        "a",    "\x01\x1f",     "\xc3\xa9", "\xe2\x82\xac", "\xef\xbb\xbf", "\xf0\x9f\x98\x80",
        "\x80", "\xed\xa0\x80", "\xc0\x80", "\xff"};
    for (int n = 0; n < 30000; ++n) {
        QByteArray text;
        for (int i = random.bounded(0, 6); i > 0; --i)
            text += pieces[random.bounded(int(std::size(pieces)))];
        QByteArray base64 = text.toBase64();
        if (!base64.isEmpty() && random.bounded(5) == 0)
            base64[random.bounded(base64.size())] = "=A+/-_ \n\xc3"[random.bounded(9)];
        inputs.append(base64);
    }
    qsizetype accepted = 0;
    for (const QByteArray &base64 : std::as_const(inputs)) {
        QByteArray expected("x"), actual("y"), actual3("z");
        QString scratch;
        const bool ok = reference::decodeBase64Utf8(base64, expected, scratch);
        accepted += ok;
        QString expectedText(u"x"_s), actualText(u"y"_s);
        const QString asText = QString::fromLatin1(base64);
        const bool textOk = reference::decodeBase64Utf8(asText, expectedText);
        QCOMPARE(textOk, ok);
        if (ms::soapvalues::decodeBase64Utf8(base64, actual) != ok ||
            ms::soapvalues::decodeBase64Utf8(base64, actual3, scratch) != ok ||
            (ok && (actual != expected || actual3 != expected)))
            QFAIL(qPrintable(u"'%1': before %2 (%3), now %4"_s.arg(asText).arg(ok).arg(
                QString::fromLatin1(expected.toHex()), QString::fromLatin1(actual.toHex()))));
        QCOMPARE(ms::soapvalues::decodeBase64Utf8(asText, actualText), ok);
        if (ok)
            QCOMPARE(actualText, expectedText);
    }
    QVERIFY2(accepted > 5000, "the inputs must exercise acceptance too");
}

QTEST_APPLESS_MAIN(TestSoapValues)
#include "tst_soapvalues.moc"
