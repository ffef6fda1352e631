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
    /// The same without a copy: the bytes must stay valid until clear() (a source row's text,
    /// read straight from SQLite's page while the row is written).
    void appendTextView(QByteArrayView utf8);
    void appendInteger(qint64 value);
    /// QString::number(value, 'g', QLocale::FloatingPointShortest), in UTF-8.
    void appendReal(double value);
    void appendBase64(QByteArrayView bytes);

    qsizetype size() const { return m_values.size(); }
    bool isNull(qsizetype i) const { return m_values[i].size < 0; }
    /// The text of a non-null value; valid until the next change.
    QByteArrayView text(qsizetype i) const
    {
        const Span &span = m_values[i];
        return QByteArrayView(span.view ? span.view : m_text.constData() + span.begin, span.size);
    }

private:
    struct Span
    {
        qsizetype begin;  ///< in m_text, when view is null
        qsizetype size;   ///< -1: NULL
        const char *view; ///< the caller's bytes (appendTextView)
    };
    /// Room for n more bytes at m_text.data() + m_used.
    char *reserveText(qsizetype n);

    // m_text's size is its room; m_used is what holds values (a QByteArray::append per value
    // cost more than the value, issue #8).
    QByteArray m_text;
    qsizetype m_used = 0;
    QVarLengthArray<Span, 32> m_values;
};

} // namespace ms
