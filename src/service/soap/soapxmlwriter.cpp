#include "soapxmlwriter.h"

#include "soapnames.h"
#include "soapvalues.h"
#include "wirebase64.h"
#include "xmltextescaper.h"

#include <algorithm>
#include <array>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace names = soapnames;

namespace {

// Printable ASCII but &, <, > and ": the bytes XML character data carries as they are. (Tab, LF
// and the rest go through xmltext::writeEscapedUtf8.)
constexpr std::array<bool, 256> kPlainByte = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c)
        table[c] = c != '&' && c != '<' && c != '>' && c != '"';
    return table;
}();

#if defined(__SSE2__)
// Bit i set where byte i of v is not plain (signed: bytes >= 0x80 are below 0x20 too).
int notPlainMask(__m128i v)
{
    __m128i bad = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    return _mm_movemask_epi8(bad);
}
#endif

// Copies the leading plain bytes of in[0, n) to out (room for n bytes) and returns how many.
// Most values are plain ASCII throughout: 16 bytes per step where SSE2 is there, instead of a
// table lookup and a branch per byte (issue #8).
qsizetype copyPlainPrefix(char *out, const char *in, qsizetype n)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        for (; i + 16 <= n; i += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), v);
            if (const int mask = notPlainMask(v))
                return i + __builtin_ctz(unsigned(mask));
        }
        if (i < n) {
            // The last 16 bytes, overlapping what was checked already.
            const qsizetype last = n - 16;
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + last));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(out + last), v);
            if (const int mask = notPlainMask(v))
                return last + __builtin_ctz(unsigned(mask));
        }
        return n;
    }
#endif
    for (; i < n && kPlainByte[static_cast<unsigned char>(in[i])]; ++i)
        out[i] = in[i];
    return i;
}

char *put(char *p, QLatin1StringView text)
{
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
}

} // namespace

// Written by hand rather than with QXmlStreamWriter: a RowData body is mostly <V> elements, and
// QXmlStreamWriter spent about 7,700 instructions on each (namespace lookups per element, a
// QString per piece of text, its own UTF-16 to UTF-8 encoder), which made writing XML most of
// the simulator's cost per row (issue #8). The markup here is a handful of fixed shapes.

void SoapXmlWriter::beginEnvelope(const QString *signedToken)
{
    startTag(names::kEnvelope, /*inEnvelopeNamespace=*/true);
    attribute("xmlns"_L1, names::kSoapEnvPrefix, names::kSoapEnvNs);
    if (signedToken) {
        startTag(names::kHeader, true);
        startTag(names::kSignedToken);
        attribute(names::kSoapEnvPrefix, names::kMustUnderstand, "1"_L1);
        attribute({}, "xmlns"_L1, names::kMirroringNs);
        text(*signedToken);
        endElement();
        endElement();
    }
    startTag(names::kBody, true);
}

void SoapXmlWriter::beginMessage(QLatin1StringView name, bool withXsi)
{
    startTag(name);
    attribute({}, "xmlns"_L1, names::kMirroringNs);
    if (withXsi)
        attribute("xmlns"_L1, names::kXsiPrefix, names::kXsiNs);
}

void SoapXmlWriter::beginElement(QLatin1StringView name)
{
    startTag(name);
}

void SoapXmlWriter::endElement()
{
    Q_ASSERT(!m_open.isEmpty());
    const OpenElement element = m_open.back();
    m_open.removeLast();
    if (m_inStartTag) {
        add("/>", 2);
        m_inStartTag = false;
        return;
    }
    add("</", 2);
    if (element.inEnvelopeNamespace) {
        add(names::kSoapEnvPrefix);
        add(':');
    }
    add(element.name);
    add('>');
}

void SoapXmlWriter::textElement(QLatin1StringView name, const QString &text)
{
    startTag(name);
    this->text(text);
    endElement();
}

void SoapXmlWriter::int64Element(QLatin1StringView name, qint64 value)
{
    startTag(name);
    closeStartTag();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    add(digits, end - digits);
    endElement();
}

void SoapXmlWriter::booleanElement(QLatin1StringView name, bool value)
{
    startTag(name);
    text(soapvalues::booleanText(value));
    endElement();
}

void SoapXmlWriter::nilElement(QLatin1StringView name)
{
    startTag(name);
    attribute(names::kXsiPrefix, names::kNil, "true"_L1);
    endElement();
}

void SoapXmlWriter::value(const CellValue &cell)
{
    if (cell.isNull) {
        nilElement(names::kValue);
        return;
    }
    startTag(names::kValue);
    if (cell.text.isEmpty()) {
        endElement();
        return;
    }
    closeStartTag();
    ensureRoom(xmltext::maxEscapedSize(cell.text.size()));
    char *end = xmltext::writeEscaped(m_buffer + m_used, cell.text, xmltext::Uncarriable::Refuse);
    if (!end) {
        m_open.removeLast();
        m_used -= names::kValue.size() + 2; // "<V>"
        base64Value(cell.text.toUtf8());
        return;
    }
    m_used = end - m_buffer;
    endElement();
}

void SoapXmlWriter::utf8Value(QByteArrayView utf8)
{
    // Written straight into the buffer, without the open-element bookkeeping: a <V> is most of
    // a RowData body (issue #8).
    closeStartTag();
    const qsizetype n = utf8.size();
    ensureRoom(xmltext::maxEscapedSize(n) + 2 * names::kValue.size() + 8);
    char *p = m_buffer + m_used;
    *p++ = '<';
    p = put(p, names::kValue);
    if (n == 0) {
        p = put(p, "/>"_L1);
        m_used = p - m_buffer;
        return;
    }
    *p++ = '>';
    const qsizetype plain = copyPlainPrefix(p, utf8.data(), n);
    p += plain;
    if (plain < n) {
        char *end = nullptr;
        // A byte order mark that begins the rest is Other here though not at the start of the
        // value; the QString path then writes the same bytes.
        switch (xmltext::writeEscapedUtf8(p, utf8.sliced(plain), &end)) {
        case xmltext::Utf8Check::Written:
            p = end;
            break;
        case xmltext::Utf8Check::Uncarriable:
            // Valid UTF-8: these are the bytes the QString path would encode.
            base64Value(utf8);
            return;
        case xmltext::Utf8Check::Other:
            value(CellValue{QString::fromUtf8(utf8), false});
            return;
        }
    }
    p = put(p, "</"_L1);
    p = put(p, names::kValue);
    *p++ = '>';
    m_used = p - m_buffer;
}

void SoapXmlWriter::nilValue()
{
    closeStartTag();
    ensureRoom(names::kValue.size() + names::kXsiPrefix.size() + names::kNil.size() + 16);
    char *p = m_buffer + m_used;
    *p++ = '<';
    p = put(p, names::kValue);
    *p++ = ' ';
    p = put(p, names::kXsiPrefix);
    *p++ = ':';
    p = put(p, names::kNil);
    p = put(p, "=\"true\"/>"_L1);
    m_used = p - m_buffer;
}

void SoapXmlWriter::markup(QByteArrayView xml)
{
    closeStartTag();
    add(xml.data(), xml.size());
}

void SoapXmlWriter::decimal(qint64 value)
{
    closeStartTag();
    ensureRoom(24);
    m_used = std::to_chars(m_buffer + m_used, m_buffer + m_used + 24, value).ptr - m_buffer;
}

void SoapXmlWriter::base64Value(QByteArrayView utf8)
{
    closeStartTag();
    ensureRoom(wirebase64::encodedSize(utf8.size()) + 2 * names::kValue.size() +
               names::kEncoding.size() + names::kEncodingBase64.size() + 16);
    char *p = m_buffer + m_used;
    *p++ = '<';
    p = put(p, names::kValue);
    *p++ = ' ';
    p = put(p, names::kEncoding);
    p = put(p, "=\""_L1);
    p = put(p, names::kEncodingBase64);
    p = put(p, "\">"_L1);
    p = wirebase64::write(p, utf8);
    p = put(p, "</"_L1);
    p = put(p, names::kValue);
    *p++ = '>';
    m_used = p - m_buffer;
}

void SoapXmlWriter::fault(const SoapFault &fault)
{
    startTag(names::kFault, true);
    // faultcode and faultstring are unqualified (SOAP 1.1, 4.4); faultcode is a QName in the
    // envelope namespace, whose prefix this writer binds on the Envelope.
    const QLatin1StringView code =
        fault.code == SoapFault::Code::Client ? names::kFaultCodeClient : names::kFaultCodeServer;
    textElement(names::kFaultCode, QString(names::kSoapEnvPrefix) + u':' + code);
    startTag(names::kFaultString);
    attribute("xml"_L1, "lang"_L1, "en"_L1);
    text(fault.reason);
    endElement();
    endElement();
}

QByteArray SoapXmlWriter::finish()
{
    while (!m_open.isEmpty())
        endElement();
    add('\n'); // QXmlStreamWriter::writeEndDocument() ended the document with one
    m_data.resize(m_used);
    m_buffer = nullptr;
    m_capacity = m_used = 0;
    return std::move(m_data);
}

void SoapXmlWriter::reserve(qsizetype bytes)
{
    if (bytes > m_capacity)
        grow(bytes - m_used);
}

void SoapXmlWriter::grow(qsizetype n)
{
    m_capacity = std::max(m_used + n, std::max<qsizetype>(2 * m_capacity, 1024));
    m_data.resize(m_capacity);
    m_buffer = m_data.data();
}

void SoapXmlWriter::startTag(QLatin1StringView name, bool inEnvelopeNamespace)
{
    closeStartTag();
    add('<');
    if (inEnvelopeNamespace) {
        add(names::kSoapEnvPrefix);
        add(':');
    }
    add(name);
    m_open.append(OpenElement{inEnvelopeNamespace, name});
    m_inStartTag = true;
}

void SoapXmlWriter::attribute(QLatin1StringView prefix, QLatin1StringView name,
                              QLatin1StringView value)
{
    Q_ASSERT(m_inStartTag);
    add(' ');
    if (!prefix.isEmpty()) {
        add(prefix);
        add(':');
    }
    add(name);
    add("=\"", 2);
    // The values are names, namespaces and constants: plain ASCII goes through as it is.
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
        return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';
    });
    if (plain) {
        add(value);
    } else {
        QByteArray escaped;
        xmltext::appendEscapedAttribute(escaped, QString(value));
        add(escaped.constData(), escaped.size());
    }
    add('"');
}

void SoapXmlWriter::closeStartTag()
{
    if (m_inStartTag) {
        add('>');
        m_inStartTag = false;
    }
}

void SoapXmlWriter::text(QStringView text)
{
    if (text.isEmpty())
        return;
    closeStartTag();
    ensureRoom(xmltext::maxEscapedSize(text.size()));
    m_used =
        xmltext::writeEscaped(m_buffer + m_used, text, xmltext::Uncarriable::Replace) - m_buffer;
}

} // namespace ms
