#include "valueparsing.h"

#include <cmath>
#include <limits>

namespace ms {

namespace {
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Index just past a run of digits starting at i.
qsizetype skipDigits(QStringView text, qsizetype i)
{
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i;
}
} // namespace

bool parseInteger(QStringView text, qint64 minimum, qint64 maximum, qint64 &value)
{
    const bool negative = !text.isEmpty() && text.front() == u'-';
    QStringView digits = negative ? text.mid(1) : text;
    if (digits.isEmpty())
        return false;
    // Leading zeros do not count against the 19 digits a 64-bit integer can have.
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.mid(1);
    if (digits.size() > 19)
        return false;
    // Accumulate as unsigned so that -9223372036854775808 parses without overflow.
    quint64 magnitude = 0;
    for (QChar c : digits) {
        if (!isDigit(c))
            return false;
        const quint64 digit = c.unicode() - u'0';
        if (magnitude > (std::numeric_limits<quint64>::max() - digit) / 10)
            return false;
        magnitude = magnitude * 10 + digit;
    }
    constexpr quint64 maxMagnitude = quint64(std::numeric_limits<qint64>::max());
    qint64 result = 0;
    if (negative) {
        if (magnitude > maxMagnitude + 1)
            return false;
        result =
            magnitude == maxMagnitude + 1 ? std::numeric_limits<qint64>::min() : -qint64(magnitude);
    } else {
        if (magnitude > maxMagnitude)
            return false;
        result = qint64(magnitude);
    }
    if (result < minimum || result > maximum)
        return false;
    value = result;
    return true;
}

bool parseReal(QStringView text, double &value)
{
    // The grammar is checked here because toDouble() also accepts "inf", "nan" and spaces.
    qsizetype i = 0;
    if (i < text.size() && text[i] == u'-')
        ++i;
    const qsizetype intStart = i;
    i = skipDigits(text, i);
    if (i == intStart)
        return false;
    if (i < text.size() && text[i] == u'.') {
        const qsizetype fracStart = ++i;
        i = skipDigits(text, i);
        if (i == fracStart)
            return false;
    }
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < text.size() && (text[i] == u'+' || text[i] == u'-'))
            ++i;
        const qsizetype expStart = i;
        i = skipDigits(text, i);
        if (i == expStart)
            return false;
    }
    if (i != text.size())
        return false;
    bool ok = false;
    const double parsed = text.toDouble(&ok);
    if (!ok || !std::isfinite(parsed))
        return false;
    value = parsed;
    return true;
}

bool isDecimalText(QStringView text)
{
    qsizetype i = 0;
    if (i < text.size() && text[i] == u'-')
        ++i;
    const qsizetype intStart = i;
    i = skipDigits(text, i);
    if (i == intStart)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != u'.')
        return false;
    const qsizetype fracStart = ++i;
    i = skipDigits(text, i);
    return i != fracStart && i == text.size();
}

bool decodeBase64Strict(QStringView text, QByteArray &bytes)
{
    if (text.size() % 4 != 0)
        return false;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool alphabet = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') ||
                              (c >= u'0' && c <= u'9') || c == u'+' || c == u'/';
        if (c == u'=') {
            ++padding;
            if (i < text.size() - 2)
                return false;
        } else if (!alphabet || padding > 0) {
            return false;
        }
    }
    if (padding > 2)
        return false;
    const QByteArray ascii = text.toLatin1();
    auto result = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    bytes = std::move(result.decoded);
    return true;
}

} // namespace ms
