#include "soapxmlwriter.h"

#include "soapnames.h"
#include "soapvalues.h"
#include "xmltextescaper.h"

#include <algorithm>
#include <charconv>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace names = soapnames;

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
    startTag(names::kValue);
    if (utf8.isEmpty()) {
        endElement();
        return;
    }
    closeStartTag();
    ensureRoom(xmltext::maxEscapedSize(utf8.size()));
    char *end = nullptr;
    switch (xmltext::writeEscapedUtf8(m_buffer + m_used, utf8, &end)) {
    case xmltext::Utf8Check::Written:
        m_used = end - m_buffer;
        endElement();
        return;
    case xmltext::Utf8Check::Uncarriable:
        // Valid UTF-8: these are the bytes the QString path would encode.
        m_open.removeLast();
        m_used -= names::kValue.size() + 2; // "<V>"
        base64Value(utf8);
        return;
    case xmltext::Utf8Check::Other:
        m_open.removeLast();
        m_used -= names::kValue.size() + 2; // "<V>"
        value(CellValue{QString::fromUtf8(utf8), false});
        return;
    }
}

void SoapXmlWriter::base64Value(QByteArrayView utf8)
{
    startTag(names::kValue);
    attribute({}, names::kEncoding, names::kEncodingBase64);
    closeStartTag();
    const QByteArray base64 = QByteArray::fromRawData(utf8.data(), utf8.size()).toBase64();
    add(base64.constData(), base64.size());
    endElement();
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
