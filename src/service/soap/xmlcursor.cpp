#include "xmlcursor.h"

#include "soapnames.h"
#include "xmlsubsettokenizer.h"

#include <QStringDecoder>

#include <cstring>

#include <expat.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

void appendUtf8(QString &out, QByteArrayView utf8)
{
    bool ascii = true;
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        out.append(QLatin1StringView(utf8.data(), utf8.size()));
        return;
    }
    // Not QString::fromUtf8, which drops a U+FEFF at the start of each piece: a value's
    // characters are kept as sent, as the UTF-8 path (readTextUtf8View) keeps its bytes.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless |
                                                     QStringDecoder::Flag::ConvertInitialBom);
    out.append(decoder(utf8));
}

} // namespace

XmlCursor::XmlCursor(QByteArrayView data, Parser parser) : m_data(data)
{
    if (parser == Parser::Automatic)
        m_subset = std::make_unique<XmlSubsetTokenizer>(data);
    else
        startExpat();
}

XmlCursor::~XmlCursor()
{
    if (m_parser)
        XML_ParserFree(m_parser);
}

void XmlCursor::checkWellFormedSoFar() const
{
    if (m_subset && !XmlSubsetTokenizer(*m_subset).acceptsRest())
        XmlCursor(m_data, Parser::Expat).skipHandedOut(m_elementTokens, m_textBytes);
}

Error XmlCursor::error(const QString &message) const
{
    if (m_subset) {
        // A cursor on expat alone would name expat's position, or meet expat's error before
        // reaching this token, for any document the subset tokenizer refuses further on.
        if (!XmlSubsetTokenizer(*m_subset).acceptsRest()) {
            XmlCursor expat(m_data, Parser::Expat);
            expat.skipHandedOut(m_elementTokens, m_textBytes);
            return expat.error(message);
        }
        // Only the reader's own errors come here (the document is well-formed); count lines up
        // to the current token.
        const qsizetype offset = m_current->offset >= 0 ? m_current->offset : m_data.size();
        const QByteArrayView before = m_data.first(qMin(offset, m_data.size()));
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        return clientError(
            u"%1 (line %2, column %3)"_s.arg(message, QString::number(before.count('\n') + 1),
                                             QString::number(offset - lineStart + 1)));
    }
    // expat counts columns from 0, people (and QXmlStreamReader before it) from 1.
    return clientError(u"%1 (line %2, column %3)"_s.arg(
        message, QString::number(XML_GetCurrentLineNumber(m_parser)),
        QString::number(XML_GetCurrentColumnNumber(m_parser) + 1)));
}

void XmlCursor::fallBackToExpat()
{
    m_subset.reset();
    startExpat();
    skipHandedOut(m_elementTokens, m_textBytes);
}

void XmlCursor::skipHandedOut(qint64 elementTokens, qsizetype textBytes)
{
    const auto disagree = [] {
        return serverError(u"internal error: expat and the XML subset tokenizer disagree"_s);
    };
    for (qint64 skipped = 0; skipped < elementTokens;) {
        if (!parseMore())
            throw disagree();
        if (m_queue[m_head++].kind != Token::Characters)
            ++skipped;
    }
    while (textBytes > 0) {
        if (!parseMore() || m_queue[m_head].kind != Token::Characters)
            throw disagree();
        QByteArray &text = m_queue[m_head].text;
        if (text.size() <= textBytes) {
            textBytes -= text.size();
            ++m_head;
        } else {
            text.remove(0, textBytes); // the rest of a text the readers have begun
            textBytes = 0;
        }
    }
}

XmlCursor::Token XmlCursor::next()
{
    if (m_subset) {
        switch (m_subset->next(m_subsetToken)) {
        case XmlSubsetTokenizer::Result::Token:
            m_current = &m_subsetToken;
            if (m_subsetToken.kind == Token::Characters) {
                m_textBytes += m_subsetToken.text.size();
            } else {
                ++m_elementTokens;
                m_textBytes = 0;
            }
            return entered(m_current->kind);
        case XmlSubsetTokenizer::Result::End:
            m_current = &m_endOfDocument;
            return Token::EndDocument;
        case XmlSubsetTokenizer::Result::Refused:
            fallBackToExpat();
            break;
        }
    }
    if (!parseMore()) {
        m_current = &m_endOfDocument;
        return Token::EndDocument;
    }
    m_current = &m_queue[m_head++];
    return entered(m_current->kind);
}

void XmlCursor::throwTooDeep() const
{
    throw error(u"the message nests elements more than %1 levels deep"_s.arg(kMaxDepth));
}

bool XmlCursor::nextChildElement()
{
    for (;;) {
        switch (next()) {
        case Token::StartElement:
            return true;
        case Token::EndElement:
        case Token::EndDocument:
            return false;
        case Token::Characters:
            // Whitespace between elements carries nothing.
            break;
        }
    }
}

bool XmlCursor::isElement(QLatin1StringView namespaceUri, QLatin1StringView localName) const
{
    const QByteArray &local = m_current->localName;
    const QByteArray &uri = m_current->namespaceUri;
    if (local.size() != localName.size() || uri.size() != namespaceUri.size() ||
        std::memcmp(local.constData(), localName.data(), size_t(local.size())) != 0)
        return false;
    if (uri.constData() == m_matchedNamespace.constData() &&
        namespaceUri.data() == m_matchedArgument)
        return true;
    if (std::memcmp(uri.constData(), namespaceUri.data(), size_t(uri.size())) != 0)
        return false;
    if (uri.capacity() > 0) { // owned bytes, not a view of a buffer that may be rewritten
        m_matchedNamespace = uri;
        m_matchedArgument = namespaceUri.data();
    }
    return true;
}

QString XmlCursor::localName() const
{
    return QString::fromUtf8(m_current->localName);
}

QString XmlCursor::namespaceUri() const
{
    return QString::fromUtf8(m_current->namespaceUri);
}

QString XmlCursor::elementDisplayName() const
{
    const QString uri = namespaceUri();
    if (uri == soapnames::kMirroringNs)
        return localName();
    return u"{%1}%2"_s.arg(uri, localName());
}

QStringView XmlCursor::attribute(QLatin1StringView name) const
{
    for (const auto &[attributeName, value] : m_current->attributes) {
        if (attributeName == QByteArrayView(name.data(), name.size()))
            return value;
    }
    return {};
}

bool XmlCursor::readSubsetTextAndEnd(QByteArrayView &text)
{
    if (!m_subset || m_current != &m_subsetToken || m_subsetToken.kind != Token::StartElement ||
        !m_subset->textAndEnd(m_subsetToken))
        return false;
    // The bookkeeping of a Characters token, then an EndElement.
    ++m_elementTokens;
    m_textBytes = 0;
    entered(Token::EndElement);
    text = QByteArrayView(m_subsetToken.text.constData(), m_subsetToken.text.size());
    return true;
}

void XmlCursor::readText(QString &out)
{
    out.resize(0);
    QByteArrayView text;
    if (readSubsetTextAndEnd(text)) {
        appendUtf8(out, text);
        return;
    }
    for (;;) {
        switch (next()) {
        case Token::Characters:
            appendUtf8(out, m_current->text);
            break;
        case Token::EndElement:
        case Token::EndDocument:
            return;
        case Token::StartElement:
            throw error(u"element %1 where text was expected"_s.arg(elementDisplayName()));
        }
    }
}

QByteArrayView XmlCursor::readTextUtf8View(QByteArray &storage)
{
    // The text so far: a piece of the document while it is one (the subset tokenizer hands
    // out a whole text as one token), else copied into storage.
    QByteArrayView piece("", 0);
    if (readSubsetTextAndEnd(piece)) {
        if (piece.isEmpty() || isViewOfDocument(m_subsetToken.text))
            return piece.isEmpty() ? QByteArrayView("", 0) : piece;
        storage.resize(piece.size()); // the tokenizer's buffer, rewritten by its next text
        std::memcpy(storage.data(), piece.data(), size_t(piece.size()));
        return QByteArrayView(storage);
    }
    bool inStorage = false;
    for (;;) {
        switch (next()) {
        case Token::Characters: {
            const QByteArray &text = m_current->text;
            if (!inStorage && piece.isEmpty() && m_subset && isViewOfDocument(text)) {
                piece = QByteArrayView(text.constData(), text.size());
                break;
            }
            if (!inStorage) {
                storage.resize(0);
                storage.append(piece);
                inStorage = true;
            }
            storage.append(QByteArrayView(text)); // a copy, never a share of the token
            break;
        }
        case Token::EndElement:
        case Token::EndDocument:
            return inStorage ? QByteArrayView(storage) : piece;
        case Token::StartElement:
            throw error(u"element %1 where text was expected"_s.arg(elementDisplayName()));
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
        case Token::StartElement:
            ++depth;
            break;
        case Token::EndElement:
            --depth;
            break;
        case Token::EndDocument:
            return;
        case Token::Characters:
            break;
        }
    }
}

} // namespace ms