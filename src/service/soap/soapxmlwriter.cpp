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
    const OpenElement element = m_open.back();
    m_open.removeLast();
    if (m_inStartTag) {
        m_data.append("/>");
        m_inStartTag = false;
        return;
    }
    m_data.append("</");
    if (element.inEnvelopeNamespace) {
        add(names::kSoapEnvPrefix);
        m_data.append(':');
    }
    add(element.name);
    m_data.append('>');
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
    m_data.append(digits, end - digits);
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
    if (!xmltext::appendEscaped(m_data, cell.text, xmltext::Uncarriable::Refuse)) {
        m_open.removeLast();
        m_data.chop(names::kValue.size() + 2); // "<V>"
        base64Value(cell.text);
        return;
    }
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
    if (!xmltext::appendEscapedUtf8(m_data, utf8)) {
        // Not valid UTF-8, or a character XML cannot carry: the QString path decides.
        m_open.removeLast();
        m_data.chop(names::kValue.size() + 2); // "<V>"
        value(CellValue{QString::fromUtf8(utf8), false});
        return;
    }
    endElement();
}

void SoapXmlWriter::base64Value(const QString &text)
{
    startTag(names::kValue);
    attribute({}, names::kEncoding, names::kEncodingBase64);
    closeStartTag();
    m_data.append(text.toUtf8().toBase64());
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
    m_data.append('\n'); // QXmlStreamWriter::writeEndDocument() ended the document with one
    return std::move(m_data);
}

void SoapXmlWriter::startTag(QLatin1StringView name, bool inEnvelopeNamespace)
{
    closeStartTag();
    m_data.append('<');
    if (inEnvelopeNamespace) {
        add(names::kSoapEnvPrefix);
        m_data.append(':');
    }
    add(name);
    m_open.append(OpenElement{inEnvelopeNamespace, name});
    m_inStartTag = true;
}

void SoapXmlWriter::attribute(QLatin1StringView prefix, QLatin1StringView name,
                              QLatin1StringView value)
{
    Q_ASSERT(m_inStartTag);
    m_data.append(' ');
    if (!prefix.isEmpty()) {
        add(prefix);
        m_data.append(':');
    }
    add(name);
    m_data.append("=\"");
    // The values are names, namespaces and constants: plain ASCII goes through as it is.
    const bool plain = std::all_of(value.begin(), value.end(), [](char c) {
        return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';
    });
    if (plain)
        add(value);
    else
        xmltext::appendEscapedAttribute(m_data, QString(value));
    m_data.append('"');
}

void SoapXmlWriter::closeStartTag()
{
    if (m_inStartTag) {
        m_data.append('>');
        m_inStartTag = false;
    }
}

void SoapXmlWriter::text(QStringView text)
{
    if (text.isEmpty())
        return;
    closeStartTag();
    xmltext::appendEscaped(m_data, text, xmltext::Uncarriable::Replace);
}

} // namespace ms
