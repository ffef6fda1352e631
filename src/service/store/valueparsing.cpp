#include "valueparsing.h"

#include "service/common/strictbase64.h"

#include <QVarLengthArray>

#include <charconv>
#include <cmath>

namespace ms {

namespace {
// The parsers below run on UTF-16 (char16_t) and UTF-8 (char) alike: the grammar is ASCII, so a
// code unit outside it, whatever its width, is refused the same way.
template <typename Char> bool isDigit(Char c)
{
    return c >= Char('0') && c <= Char('9');
}

// Index just past a run of digits starting at i.
template <typename Char> qsizetype skipDigits(const Char *text, qsizetype size, qsizetype i)
{
    while (i < size && isDigit(text[i]))
        ++i;
    return i;
}

template <typename Char>
bool parseIntegerOf(const Char *text, qsizetype size, qint64 minimum, qint64 maximum, qint64 &value)
{
    const bool negative = size > 0 && text[0] == Char('-');
    qsizetype first = negative ? 1 : 0;
    if (first == size || skipDigits(text, size, first) != size)
        return false;
    // Only '-' and digits from here. Leading zeros do not count against the 19 digits a 64-bit
    // integer can have.
    while (first + 1 < size && text[first] == Char('0'))
        ++first;
    const qsizetype digitCount = size - first;
    qint64 result = 0;
    if (digitCount <= 18) {
        // Most values: 18 digits cannot overflow, so no from_chars and no range checks.
        qint64 magnitude = 0;
        for (qsizetype i = first; i < size; ++i)
            magnitude = magnitude * 10 + (text[i] - Char('0'));
        result = negative ? -magnitude : magnitude;
    } else {
        if (digitCount > 19)
            return false;
        // from_chars reads exactly that grammar, -9223372036854775808 included, and says when
        // 19 digits are beyond 64 bits.
        char narrow[21];
        qsizetype n = 0;
        if (negative)
            narrow[n++] = '-';
        for (qsizetype i = first; i < size; ++i)
            narrow[n++] = char(text[i]);
        const auto [end, error] = std::from_chars(narrow, narrow + n, result);
        if (error != std::errc() || end != narrow + n)
            return false;
    }
    if (result < minimum || result > maximum)
        return false;
    value = result;
    return true;
}

// True when text matches ^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$: checked here because the
// number parsers also know "inf", "nan", hex and a leading '+'.
template <typename Char> bool isRealText(const Char *text, qsizetype size)
{
    qsizetype i = 0;
    if (i < size && text[i] == Char('-'))
        ++i;
    const qsizetype intStart = i;
    i = skipDigits(text, size, i);
    if (i == intStart)
        return false;
    if (i < size && text[i] == Char('.')) {
        const qsizetype fracStart = ++i;
        i = skipDigits(text, size, i);
        if (i == fracStart)
            return false;
    }
    if (i < size && (text[i] == Char('e') || text[i] == Char('E'))) {
        ++i;
        if (i < size && (text[i] == Char('+') || text[i] == Char('-')))
            ++i;
        const qsizetype expStart = i;
        i = skipDigits(text, size, i);
        if (i == expStart)
            return false;
    }
    return i == size;
}

// text passed isRealText. from_chars rounds to nearest like the strtod family and reports
// overflow and an underflow to zero as out of range, which are the refusals of the
// QStringView::toDouble this replaced (tst_valueparsing compares the two).
bool parseCheckedReal(const char *text, qsizetype size, double &value)
{
    double parsed = 0;
    const auto [end, error] = std::from_chars(text, text + size, parsed);
    if (error != std::errc() || end != text + size || !std::isfinite(parsed))
        return false;
    value = parsed;
    return true;
}

template <typename Char> bool isDecimalTextOf(const Char *text, qsizetype size)
{
    qsizetype i = 0;
    if (i < size && text[i] == Char('-'))
        ++i;
    const qsizetype intStart = i;
    i = skipDigits(text, size, i);
    if (i == intStart)
        return false;
    if (i == size)
        return true;
    if (text[i] != Char('.'))
        return false;
    const qsizetype fracStart = ++i;
    i = skipDigits(text, size, i);
    return i != fracStart && i == size;
}

template <typename View> bool decodeBase64Into(View text, QByteArray &bytes)
{
    const qsizetype size = strictBase64DecodedSize(text);
    if (size < 0)
        return false;
    // Decoded into the caller's buffer, whose capacity is reused value after value (RowData
    // binds thousands of binary values per call; issue #8 counts every allocation).
    bytes.resize(size);
    decodeStrictBase64(text, bytes.data());
    return true;
}
} // namespace

bool parseInteger(QStringView text, qint64 minimum, qint64 maximum, qint64 &value)
{
    return parseIntegerOf(text.utf16(), text.size(), minimum, maximum, value);
}

bool parseInteger(QByteArrayView utf8, qint64 minimum, qint64 maximum, qint64 &value)
{
    return parseIntegerOf(utf8.data(), utf8.size(), minimum, maximum, value);
}

bool parseReal(QStringView text, double &value)
{
    if (!isRealText(text.utf16(), text.size()))
        return false;
    QVarLengthArray<char, 64> narrow(text.size());
    for (qsizetype i = 0; i < text.size(); ++i)
        narrow[i] = char(text[i].unicode());
    return parseCheckedReal(narrow.constData(), narrow.size(), value);
}

bool parseReal(QByteArrayView utf8, double &value)
{
    return isRealText(utf8.data(), utf8.size()) &&
           parseCheckedReal(utf8.data(), utf8.size(), value);
}

bool isDecimalText(QStringView text)
{
    return isDecimalTextOf(text.utf16(), text.size());
}

bool isDecimalText(QByteArrayView utf8)
{
    return isDecimalTextOf(utf8.data(), utf8.size());
}

bool decodeBase64Strict(QStringView text, QByteArray &bytes)
{
    return decodeBase64Into(text, bytes);
}

bool decodeBase64Strict(QByteArrayView utf8, QByteArray &bytes)
{
    return decodeBase64Into(utf8, bytes);
}

} // namespace ms
