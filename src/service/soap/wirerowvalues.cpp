#include "wirerowvalues.h"

#include <QLocale>

#include <charconv>

namespace ms {

void WireRowValues::clear()
{
    m_text.resize(0);
    m_values.clear();
}

void WireRowValues::endValue(qsizetype begin)
{
    m_values.append(Span{begin, m_text.size() - begin});
}

void WireRowValues::appendNull()
{
    m_values.append(Span{m_text.size(), -1});
}

void WireRowValues::appendText(QByteArrayView utf8)
{
    const qsizetype begin = m_text.size();
    m_text.append(utf8);
    endValue(begin);
}

void WireRowValues::appendInteger(qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    appendText(QByteArrayView(digits, end - digits));
}

void WireRowValues::appendReal(double value)
{
    appendText(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void WireRowValues::appendBase64(QByteArrayView bytes)
{
    const qsizetype begin = m_text.size();
    m_text.append(QByteArray::fromRawData(bytes.data(), bytes.size()).toBase64());
    endValue(begin);
}

} // namespace ms
