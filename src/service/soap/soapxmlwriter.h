#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QVarLengthArray>

#include <cstring>

namespace ms {

/// Writes one SOAP 1.1 envelope as UTF-8 bytes: message elements in the mirroring namespace (a
/// default xmlns on the message element), text made safe for XML 1.0 and CR kept as &#13; so it
/// survives a parser's line-end normalisation. The bytes are those QXmlStreamWriter wrote before
/// (same prefixes, declarations, attribute order, <empty/> elements, escapes). One thread at a
/// time.
class SoapXmlWriter final
{
public:
    SoapXmlWriter() = default;
    Q_DISABLE_COPY_MOVE(SoapXmlWriter)

    /// Room for about this many bytes, so that a large body is not copied while it grows.
    void reserve(qsizetype bytes);

    /// <s:Envelope>, then the SignedToken header when signedToken is set, then <s:Body>.
    void beginEnvelope(const QString *signedToken = nullptr);
    /// The message element with the mirroring namespace as default; withXsi declares xsi there.
    void beginMessage(QLatin1StringView name, bool withXsi = false);
    /// An element of the mirroring namespace; only inside the message element (no prefix).
    void beginElement(QLatin1StringView name);
    void endElement();
    /// <name>text</name>, an empty element when text is empty. Characters XML 1.0 cannot carry
    /// become U+FFFD (only <V> values have an escape for them).
    void textElement(QLatin1StringView name, const QString &text);
    void int64Element(QLatin1StringView name, qint64 value);
    void booleanElement(QLatin1StringView name, bool value);
    /// <name xsi:nil="true"/> (xsi must be declared, see beginMessage).
    void nilElement(QLatin1StringView name);
    /// One <V>: nil, text, or enc="base64" over the UTF-8 bytes when XML cannot carry the text.
    void value(const CellValue &cell);
    /// One non-nil <V> from its text in UTF-8, written as value() would write
    /// QString::fromUtf8(utf8) but without the conversion when the bytes are valid UTF-8.
    void utf8Value(QByteArrayView utf8);
    /// <V xsi:nil="true"/>, as value() writes a nil cell.
    void nilValue();
    /// Markup written as it is, for a caller's fixed run of tags (a RowData row's frame): the
    /// caller closes what it opens before any other call, since the writer does not track it.
    void markup(QByteArrayView xml);
    /// A number in decimal, as int64Element() writes its text.
    void decimal(qint64 value);
    /// A SOAP 1.1 Fault element with faultcode s:Client or s:Server.
    void fault(const SoapFault &fault);

    /// Closes every open element and returns the document.
    QByteArray finish();
    /// Bytes written so far.
    qsizetype size() const { return m_used; }

private:
    struct OpenElement
    {
        bool inEnvelopeNamespace; ///< written with the s: prefix
        QLatin1StringView name;
    };

    void startTag(QLatin1StringView name, bool inEnvelopeNamespace = false);
    /// prefix:name="value", or name="value" when prefix is empty.
    void attribute(QLatin1StringView prefix, QLatin1StringView name, QLatin1StringView value);
    void closeStartTag();
    void text(QStringView text);
    /// <V enc="base64"> over the bytes.
    void base64Value(QByteArrayView utf8);
    /// Room for n more bytes at m_buffer + m_used.
    void ensureRoom(qsizetype n)
    {
        if (m_capacity - m_used < n)
            grow(n);
    }
    void grow(qsizetype n);
    void add(char c)
    {
        ensureRoom(1);
        m_buffer[m_used++] = c;
    }
    void add(const char *text, qsizetype n)
    {
        ensureRoom(n);
        std::memcpy(m_buffer + m_used, text, n);
        m_used += n;
    }
    void add(QLatin1StringView text) { add(text.data(), text.size()); }

    // The bytes go straight into m_data's buffer: its size is the room, m_used what is written
    // (a QByteArray::append per piece cost more than the piece).
    QByteArray m_data;
    char *m_buffer = nullptr;
    qsizetype m_capacity = 0;
    qsizetype m_used = 0;
    QVarLengthArray<OpenElement, 16> m_open;
    bool m_inStartTag = false; ///< "<name attr..." written, neither ">" nor "/>" yet
};

} // namespace ms
