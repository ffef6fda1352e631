#include "xmlcursor.h"

#include "soapnames.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// The deepest protocol element is 9 levels down (Envelope/Body/.../Values/V). Unknown elements
// are skipped, not refused, so without a bound a body of nothing but nesting would be accepted
// and make the reader's tag stack grow with it.
constexpr int kMaxDepth = 64;
} // namespace

XmlCursor::XmlCursor(QByteArrayView data)
    : m_data(QByteArray::fromRawData(data.data(), data.size()))
{
    m_device.setBuffer(&m_data);
    m_device.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    // The reader pulls 8 KiB at a time from a device; handed a QByteArray it would decode the
    // whole body into one QString (twice the body's size) before the first token.
    m_reader.setDevice(&m_device);
    m_reader.setNamespaceProcessing(true);
}

Error XmlCursor::error(const QString &message) const
{
    return clientError(u"%1 (line %2, column %3)"_s.arg(
        message, QString::number(m_reader.lineNumber()), QString::number(m_reader.columnNumber())));
}

QString XmlCursor::elementDisplayName() const
{
    if (m_reader.namespaceUri() == soapnames::kMirroringNs)
        return m_reader.name().toString();
    return u"{%1}%2"_s.arg(m_reader.namespaceUri(), m_reader.name());
}

QXmlStreamReader::TokenType XmlCursor::next()
{
    const auto token = m_reader.readNext();
    switch (token) {
    case QXmlStreamReader::StartElement:
        if (++m_depth > kMaxDepth)
            throw error(u"the message nests elements more than %1 levels deep"_s.arg(kMaxDepth));
        return token;
    case QXmlStreamReader::EndElement:
        --m_depth;
        return token;
    case QXmlStreamReader::Invalid:
        throw error(u"the message is not well-formed XML: %1"_s.arg(m_reader.errorString()));
    case QXmlStreamReader::DTD:
        // SOAP forbids DTDs, and entity expansion is a classic attack.
        throw error(u"the message has a DOCTYPE, which SOAP does not allow"_s);
    case QXmlStreamReader::EntityReference:
        throw error(u"the message refers to an undeclared entity '%1'"_s.arg(m_reader.name()));
    default:
        return token;
    }
}

bool XmlCursor::nextChildElement()
{
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            return true;
        case QXmlStreamReader::EndElement:
        case QXmlStreamReader::EndDocument:
            return false;
        default:
            // Whitespace, comments and processing instructions between elements carry nothing.
            break;
        }
    }
}

bool XmlCursor::isElement(QLatin1StringView namespaceUri, QLatin1StringView localName) const
{
    return m_reader.name() == localName && m_reader.namespaceUri() == namespaceUri;
}

bool XmlCursor::isNil() const
{
    const QStringView value =
        m_reader.attributes().value(soapnames::kXsiNs, soapnames::kNil).trimmed();
    return value == "true"_L1 || value == "1"_L1;
}

QStringView XmlCursor::attribute(QLatin1StringView name) const
{
    return m_reader.attributes().value(QLatin1StringView(), name);
}

void XmlCursor::readText(QString &out)
{
    out.resize(0);
    for (;;) {
        switch (next()) {
        case QXmlStreamReader::Characters:
            out.append(m_reader.text());
            break;
        case QXmlStreamReader::EndElement:
            return;
        case QXmlStreamReader::StartElement:
            throw error(u"element %1 where text was expected"_s.arg(elementDisplayName()));
        default:
            break;
        }
    }
}

QString XmlCursor::readText()
{
    QString text;
    readText(text);
    return text;
}

void XmlCursor::skipElement()
{
    for (int depth = 1; depth > 0;) {
        switch (next()) {
        case QXmlStreamReader::StartElement:
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::EndDocument:
            return;
        default:
            break;
        }
    }
}

} // namespace ms
