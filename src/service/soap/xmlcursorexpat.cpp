#include "xmlcursor.h"

#include "soapnames.h"

#include <expat.h>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

// The expat side of XmlCursor: the handlers that queue its tokens, feeding expat in chunks and
// reading its errors.

namespace ms {

namespace {

// Between "uri" and "local" in expat's names. U+0001 cannot occur in an XML 1.0 document, so no
// namespace URI can contain it.
constexpr char kNsSeparator = '\x01';
// Bytes handed to expat at a time, and tokens queued before it pauses: both bound memory.
constexpr qsizetype kChunkBytes = 64 * 1024;
constexpr size_t kQueueLimit = 256;

XmlCursor &cursorOf(void *userData)
{
    return *static_cast<XmlCursor *>(userData);
}

bool isNilValue(const char *value)
{
    QByteArrayView text(value);
    text = text.trimmed();
    return text == "true" || text == "1";
}

void XMLCALL onStartElement(void *userData, const XML_Char *name, const XML_Char **attributes)
{
    XmlCursor &cursor = cursorOf(userData);
    XmlCursor::Event &event = cursor.push(XmlCursor::Token::StartElement);
    const char *separator = std::strchr(name, kNsSeparator);
    if (separator) {
        const QByteArrayView uri(name, separator - name);
        if (event.namespaceUri != uri)
            event.namespaceUri = uri.toByteArray();
        event.localName = QByteArray(separator + 1);
    } else {
        event.namespaceUri.clear();
        event.localName = QByteArray(name);
    }
    static const QByteArray nilName =
        QByteArray(soapnames::kXsiNs.data(), soapnames::kXsiNs.size()) + kNsSeparator +
        QByteArray(soapnames::kNil.data(), soapnames::kNil.size());
    for (const XML_Char **attribute = attributes; *attribute; attribute += 2) {
        const char *attributeName = attribute[0];
        const char *value = attribute[1];
        if (std::strchr(attributeName, kNsSeparator)) {
            if (nilName == attributeName)
                event.nil = isNilValue(value);
        } else {
            event.attributes.append({QByteArray(attributeName), QString::fromUtf8(value)});
        }
    }
    cursor.pauseIfQueueFull();
}

void XMLCALL onEndElement(void *userData, const XML_Char *)
{
    XmlCursor &cursor = cursorOf(userData);
    cursor.push(XmlCursor::Token::EndElement);
    cursor.pauseIfQueueFull();
}

void XMLCALL onCharacters(void *userData, const XML_Char *text, int length)
{
    XmlCursor &cursor = cursorOf(userData);
    // expat hands one text node over in several pieces (at line ends and references).
    XmlCursor::Event *last = cursor.lastQueued();
    if (last && last->kind == XmlCursor::Token::Characters) {
        last->text.append(text, length);
        return;
    }
    cursor.push(XmlCursor::Token::Characters).text.append(text, length);
    cursor.pauseIfQueueFull();
}

void XMLCALL onDoctype(void *userData, const XML_Char *, const XML_Char *, const XML_Char *, int)
{
    // SOAP forbids DTDs, and entity expansion is a classic attack.
    cursorOf(userData).refuse(u"the message has a DOCTYPE, which SOAP does not allow"_s);
}

} // namespace

void XmlCursor::startExpat()
{
    m_parser = XML_ParserCreateNS(nullptr, kNsSeparator);
    if (!m_parser)
        throw serverError(u"out of memory creating the XML parser"_s);
    XML_SetUserData(m_parser, this);
    XML_SetElementHandler(m_parser, onStartElement, onEndElement);
    XML_SetCharacterDataHandler(m_parser, onCharacters);
    XML_SetStartDoctypeDeclHandler(m_parser, onDoctype);
    XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlCursor::Event &XmlCursor::push(Token token)
{
    if (m_count == m_queue.size())
        m_queue.emplace_back();
    Event &event = m_queue[m_count++];
    event.kind = token;
    // Each handler fills only what its token uses; the rest is never read.
    if (token == Token::StartElement) {
        event.nil = false;
        if (!event.attributes.isEmpty())
            event.attributes.resize(0);
    } else if (token == Token::Characters) {
        event.text.resize(0);
    }
    return event;
}

XmlCursor::Event *XmlCursor::lastQueued()
{
    return m_count > m_head ? &m_queue[m_count - 1] : nullptr;
}

void XmlCursor::pauseIfQueueFull()
{
    // A second stop while expat finishes its current token (it still reports the end of an
    // empty element) is refused by expat and harmless.
    if (m_count - m_head >= kQueueLimit)
        XML_StopParser(m_parser, XML_TRUE);
}

void XmlCursor::refuse(const QString &message)
{
    m_refusal = message;
    XML_StopParser(m_parser, XML_FALSE);
}

void XmlCursor::throwParseError()
{
    if (m_refusal)
        throw error(*m_refusal);
    const XML_Error code = XML_GetErrorCode(m_parser);
    if (code == XML_ERROR_UNDEFINED_ENTITY) {
        // Name the entity: expat's position is at its '&'.
        const qsizetype at = XML_GetCurrentByteIndex(m_parser);
        if (at >= 0 && at < m_data.size() && m_data[at] == '&') {
            const qsizetype end = m_data.indexOf(QByteArrayView(";"), at);
            if (end > at && end - at <= 64) {
                throw error(u"the message refers to an undeclared entity '%1'"_s.arg(
                    QString::fromUtf8(m_data.sliced(at + 1, end - at - 1))));
            }
        }
    }
    throw error(u"the message is not well-formed XML: %1"_s.arg(
        QString::fromLatin1(XML_ErrorString(code))));
}

bool XmlCursor::parseMore()
{
    while (m_head == m_count) {
        m_head = m_count = 0;
        if (m_ended)
            return false;
        XML_Status status;
        if (m_suspended) {
            status = XML_ResumeParser(m_parser);
        } else {
            const qsizetype chunk = qMin(kChunkBytes, m_data.size() - m_fed);
            const bool last = m_fed + chunk == m_data.size();
            status = XML_Parse(m_parser, m_data.data() + m_fed, int(chunk), last);
            m_fed += chunk;
        }
        if (status == XML_STATUS_ERROR)
            throwParseError();
        m_suspended = status == XML_STATUS_SUSPENDED;
        if (!m_suspended && m_fed == m_data.size())
            m_ended = true; // expat has checked the document's end; only queued tokens remain
    }
    return true;
}

} // namespace ms
