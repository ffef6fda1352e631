#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVarLengthArray>

namespace ms {

/// One row's values in their wire text (PROTOCOL.md, RowData: integers in decimal, a float as
/// the shortest text that reads back to the same double, binary in base64, text as is), as UTF-8
/// before XML escaping, or NULL. Packed in one buffer so that a reader can fill a row without a
/// QString or QVariant per value; clear() keeps the capacity for the next row.
/// RowDataRequestWriter writes it. One thread at a time.
class WireRowValues final
{
public:
    void clear();
    void appendNull();
    /// Text in UTF-8 (copied); RowDataRequestWriter reads invalid UTF-8 as QString::fromUtf8 does.
    void appendText(QByteArrayView utf8);
    void appendInteger(qint64 value);
    /// QString::number(value, 'g', QLocale::FloatingPointShortest), in UTF-8.
    void appendReal(double value);
    void appendBase64(QByteArrayView bytes);

    qsizetype size() const { return m_values.size(); }
    bool isNull(qsizetype i) const { return m_values[i].size < 0; }
    /// The text of a non-null value; valid until the next change.
    QByteArrayView text(qsizetype i) const
    {
        return QByteArrayView(m_text.constData() + m_values[i].begin, m_values[i].size);
    }

private:
    struct Span
    {
        qsizetype begin;
        qsizetype size; ///< -1: NULL
    };
    void endValue(qsizetype begin);

    QByteArray m_text;
    QVarLengthArray<Span, 32> m_values;
};

} // namespace ms
