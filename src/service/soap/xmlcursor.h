#pragma once

#include "service/common/error.h"
#include "xmltoken.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

// expat's parser handle, without pulling expat.h into every reader.
struct XML_ParserStruct;

namespace ms {

class XmlSubsetTokenizer;

/// Walks element-only XML by namespace URI and local name, refusing any DOCTYPE and turning
/// every XML error into ms::Error(Client) with line and column. A plain document (what SOAP
/// senders write) is read by XmlSubsetTokenizer in one pass; anything else by expat, fed in small
/// chunks and paused whenever a few hundred tokens are waiting, so memory does not grow with the
/// document. Where the subset tokenizer refuses (outside its subset, or an error), possibly deep
/// into the document after its readers have used many tokens, expat reads the document again
/// from its start and the tokens already handed out are skipped, so that what the readers see
/// from there on, every error included, is what a cursor on expat alone would have given them.
/// (QXmlStreamReader did the same job at about four times expat's CPU cost per RowData value,
/// and RowData parsing is most of what the endpoint does, issue #8.)
/// data must outlive the cursor. One thread at a time.
class XmlCursor final
{
public:
    enum class Parser { Automatic, Expat };
    explicit XmlCursor(QByteArrayView data, Parser parser = Parser::Automatic);
    ~XmlCursor();
    Q_DISABLE_COPY_MOVE(XmlCursor)

    /// From a start element (or a child's end): moves to the next child start element and
    /// returns true, or consumes the parent's end element and returns false.
    bool nextChildElement();
    bool isElement(QLatin1StringView namespaceUri, QLatin1StringView localName) const;
    QString localName() const;
    QString namespaceUri() const;
    /// On a start element: xsi:nil is "true" or "1".
    bool isNil() const { return m_current->nil; }
    /// On a start element: the value of an unqualified attribute ("" when absent). Valid until
    /// the cursor moves.
    QStringView attribute(QLatin1StringView name) const;

    /// On a start element: reads its text up to its end element into out (capacity reused).
    void readText(QString &out);
    QString readText();
    /// The same in UTF-8 (the document's bytes, references resolved), without a copy where it
    /// can: a view of the document when the text needs no rewriting, else of storage (its
    /// capacity reused). Valid while the document and storage are unchanged.
    QByteArrayView readTextUtf8View(QByteArray &storage);
    /// On a start element: skips it and everything inside.
    void skipElement();

    /// A Client error naming the current position: "message (line L, column C)". Throws
    /// expat's error instead where a cursor on expat alone would have met it by now.
    Error error(const QString &message) const;
    /// Before an error that does not come from the cursor propagates (a sink's, a refused
    /// token): throws expat's error instead where a cursor on expat alone would have met it
    /// by now (expat reads ahead of its readers). Walks the rest of the document: for error
    /// paths only.
    void checkWellFormedSoFar() const;
    /// "Name" or "{namespace}Name" of the current element, for messages.
    QString elementDisplayName() const;

    /// Whether the fast tokenizer has read this document so far (for tests).
    bool usesSubsetTokenizer() const { return m_subset != nullptr; }
    /// The token the cursor is on (for tests comparing the two parsers).
    const XmlToken &currentToken() const { return *m_current; }
    /// Moves to the next token of any kind (for tests comparing the two parsers).
    XmlToken::Kind nextToken() { return next(); }

    using Token = XmlToken::Kind;
    using Event = XmlToken;
    /// The next free slot of the queue (for expat's handlers).
    Event &push(Token token);
    Event *lastQueued();
    void pauseIfQueueFull();
    void refuse(const QString &message);

private:
    Token next();
    Token entered(Token token)
    {
        if (token == Token::StartElement) {
            if (++m_depth > kMaxDepth)
                throwTooDeep();
        } else if (token == Token::EndElement) {
            --m_depth;
        }
        return token;
    }
    [[noreturn]] void throwTooDeep() const;
    void startExpat();
    /// Takes over from the subset tokenizer after its refusal: expat from the start.
    void fallBackToExpat();
    /// On a fresh expat cursor: skips what the subset tokenizer has handed out (elementTokens
    /// start and end elements, then textBytes of text); expat's error if it meets one first.
    void skipHandedOut(qint64 elementTokens, qsizetype textBytes);
    /// Parses until a token is queued; false when the document has ended.
    bool parseMore();
    [[noreturn]] void throwParseError();
    /// On a start element from the subset tokenizer: its text and end element in one step
    /// (XmlSubsetTokenizer::textAndEnd), the cursor left on the end element as if it had read
    /// them one by one. False where that does not apply; nothing is read then.
    bool readSubsetTextAndEnd(QByteArrayView &text);
    /// Whether bytes are a piece of the document (not of a buffer rewritten by the next token).
    bool isViewOfDocument(const QByteArray &bytes) const
    {
        const auto at = reinterpret_cast<quintptr>(bytes.constData());
        const auto begin = reinterpret_cast<quintptr>(m_data.data());
        return at >= begin && at + quintptr(bytes.size()) <= begin + quintptr(m_data.size());
    }

    std::unique_ptr<XmlSubsetTokenizer> m_subset;
    XmlToken m_subsetToken; // the subset tokenizer's current token
    // What the subset tokenizer has handed out, for expat to skip after a refusal: start and
    // end elements, and bytes of text since the last of them. (Text may come in more tokens
    // from expat than from the subset tokenizer, so only its bytes can be counted.)
    qint64 m_elementTokens = 0;
    qsizetype m_textBytes = 0;
    XML_ParserStruct *m_parser = nullptr;
    QByteArrayView m_data;
    qsizetype m_fed = 0;
    bool m_suspended = false;
    bool m_ended = false;
    std::optional<QString> m_refusal; // set by a handler that stopped the parser
    // Queued tokens [m_head, m_count) of m_queue; the slots keep their buffers between tokens.
    // The current token is the slot before m_head, until the next parse reuses the slots.
    std::vector<Event> m_queue;
    size_t m_head = 0;
    size_t m_count = 0;
    Event m_endOfDocument;
    const Event *m_current = &m_endOfDocument;
    // The deepest protocol element is 9 levels down (Envelope/Body/.../Values/V). Unknown
    // elements are skipped, not refused, so without a bound a body of nothing but nesting would
    // be accepted and make the reader's tag stack grow with it.
    static constexpr int kMaxDepth = 64;
    int m_depth = 0; // open elements; bounded so that nesting cannot be used to exhaust memory
    // The last namespace isElement() found equal to its argument (held, so its bytes cannot
    // change or be freed): elements of one scope share their URI's bytes, so the next compare
    // with the same argument is a pointer compare.
    mutable QByteArray m_matchedNamespace;
    mutable const char *m_matchedArgument = nullptr;
};

} // namespace ms
