#include "wirerowvalues.h"

#include "wirebase64.h"

#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace ms {

void WireRowValues::clear()
{
    m_used = 0;
    m_values.clear();
}

char *WireRowValues::reserveText(qsizetype n)
{
    if (m_text.size() - m_used < n)
        m_text.resize(std::max(m_used + n, 2 * m_text.size() + 256));
    return m_text.data() + m_used;
}

void WireRowValues::appendNull()
{
    m_values.append(Span{m_used, -1, nullptr});
}

void WireRowValues::appendText(QByteArrayView utf8)
{
    char *out = reserveText(utf8.size());
    if (!utf8.isEmpty())
        std::memcpy(out, utf8.data(), utf8.size());
    m_values.append(Span{m_used, utf8.size(), nullptr});
    m_used += utf8.size();
}

void WireRowValues::appendTextView(QByteArrayView utf8)
{
    if (utf8.isEmpty()) {
        appendText({});
        return;
    }
    m_values.append(Span{0, utf8.size(), utf8.data()});
}

void WireRowValues::appendInteger(qint64 value)
{
    char *out = reserveText(24);
    const qsizetype size = std::to_chars(out, out + 24, value).ptr - out;
    m_values.append(Span{m_used, size, nullptr});
    m_used += size;
}

void WireRowValues::appendReal(double value)
{
    appendText(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void WireRowValues::appendBase64(QByteArrayView bytes)
{
    char *out = reserveText(wirebase64::encodedSize(bytes.size()));
    const qsizetype size = wirebase64::write(out, bytes) - out;
    m_values.append(Span{m_used, size, nullptr});
    m_used += size;
}

} // namespace ms
