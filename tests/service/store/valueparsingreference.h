#pragma once

// The RowData value parsers as they were before they read UTF-8 bytes and std::from_chars
// (commit 43f4919), kept verbatim as the reference that tst_valueparsing compares the current
// ones with: same acceptance, same values, bit for bit.

#include <QByteArray>
#include <QStringView>

#include <cmath>
#include <limits>

namespace ms::reference {

inline bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

inline int base64Digit(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return c - u'A';
    if (c >= u'a' && c <= u'z')
        return c - u'a' + 26;
    if (c >= u'0' && c <= u'9')
        return c - u'0' + 52;
    if (c == u'+')
        return 62;
    if (c == u'/')
        return 63;
    return -1;
}

inline qsizetype skipDigits(QStringView text, qsizetype i)
{
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i;
}

inline bool parseInteger(QStringView text, qint64 minimum, qint64 maximum, qint64 &value)
{
    const bool negative = !text.isEmpty() && text.front() == u'-';
    QStringView digits = negative ? text.mid(1) : text;
    if (digits.isEmpty())
        return false;
    while (digits.size() > 1 && digits.front() == u'0')
        digits = digits.mid(1);
    if (digits.size() > 19)
        return false;
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

inline bool parseReal(QStringView text, double &value)
{
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

inline bool isDecimalText(QStringView text)
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

inline bool decodeBase64Strict(QStringView text, QByteArray &bytes)
{
    if (text.size() % 4 != 0)
        return false;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'=') {
            ++padding;
            if (i < text.size() - 2)
                return false;
        } else if (base64Digit(c) < 0 || padding > 0) {
            return false;
        }
    }
    if (padding > 2)
        return false;
    bytes.resize(text.size() / 4 * 3 - padding);
    char *out = bytes.data();
    for (qsizetype i = 0; i < text.size(); i += 4) {
        const int d0 = base64Digit(text[i].unicode());
        const int d1 = base64Digit(text[i + 1].unicode());
        const int d2 = text[i + 2] == u'=' ? 0 : base64Digit(text[i + 2].unicode());
        const int d3 = text[i + 3] == u'=' ? 0 : base64Digit(text[i + 3].unicode());
        const quint32 quad = quint32(d0) << 18 | quint32(d1) << 12 | quint32(d2) << 6 | quint32(d3);
        *out++ = char(quad >> 16);
        if (text[i + 2] != u'=')
            *out++ = char(quad >> 8 & 0xff);
        if (text[i + 3] != u'=')
            *out++ = char(quad & 0xff);
    }
    return true;
}

} // namespace ms::reference
