#pragma once

#include "xmlsubsetscanner.h"
#include "xmltoken.h"

#include <QByteArrayView>

#include <array>
#include <vector>

namespace ms {

/// A fast tokenizer for the plain XML that SOAP senders write: UTF-8, an optional XML
/// declaration, elements with ASCII names and namespace prefixes, attributes, text with the
/// five predefined entities and character references. Nothing else: a comment, a CDATA section,
/// a processing instruction, a DOCTYPE, another encoding, a non-ASCII name, more than 64 levels
/// or 32 attributes, and any error, make next() answer Refused, and XmlCursor then reads the
/// document with expat from its start, which also produces every error message. It tokenizes in
/// one pass: the tokens before a refusal are final (a differential test and fuzz harness hold
/// them equal to expat's), and nothing after the refusal is produced.
///
/// Why by hand: RowData is most of what the endpoint parses, and expat costs about 80
/// instructions per byte there (40,000 per row of the demo tenant), twice what storing the row
/// costs, which keeps the end-to-end ingest far from its target (issue #8). This subset is
/// tokenized at a few instructions per byte.
class XmlSubsetTokenizer final : private XmlSubsetScanner
{
public:
    /// True when data is a well-formed document inside the subset.
    static bool accepts(QByteArrayView data);

    /// data must outlive the tokenizer.
    explicit XmlSubsetTokenizer(QByteArrayView data);

    enum class Result { Token, End, Refused };
    /// Fills token with the next one (Token), or says that the document has ended after a
    /// well-formed root (End) or is outside the subset or not well-formed from here (Refused;
    /// token is then unspecified and the tokenizer must not be used further).
    Result next(XmlToken &token)
    {
        switch (step(&token)) {
        case Step::Token:
            return Result::Token;
        case Step::End:
            return Result::End;
        case Step::Reject:
            break;
        }
        return Result::Refused;
    }
    /// Right after a start element token (not an empty element's): when what follows is text
    /// (or none) and then that element's end tag, reads both in one go: token becomes the end
    /// element, its text the text as a Characters token would have it (empty when none), its
    /// offset the end tag's. Anything else (a child element, a refusal) reads nothing and
    /// returns false; next() then goes on token by token. The fast way through <V>x</V>.
    bool textAndEnd(XmlToken &token);
    /// Walks the rest of the document without producing tokens: true when it ends well inside
    /// the subset. For a copy of a tokenizer, on the error path.
    bool acceptsRest();

    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxAttributes = 32;

private:
    struct Binding
    {
        QByteArrayView prefix; // empty: the default namespace
        QByteArray uri;
        int depth = 0;
    };
    struct Attribute
    {
        QByteArrayView prefix, local;
        QByteArray value; // normalised, references resolved
    };

    enum class Step { Token, End, Reject };
    Step closeElement(XmlToken *token);
    Step step(XmlToken *token);
    Step startTag(XmlToken *token);
    void fillStartElement(XmlToken &token, qsizetype offset, const QByteArray *uri,
                          QByteArrayView local);
    /// Sets the token's index-th unqualified attribute, reusing the slots of earlier tokens.
    void setAttribute(XmlToken &token, qsizetype index, QByteArrayView name,
                      QByteArrayView utf8Value);
    Step endTag(XmlToken *token);
    Step text(XmlToken *token);
    bool resolve(QByteArrayView prefix, bool isElement, const QByteArray *&uri) const;
    /// The default namespace of elements (nullptr: none), looked up once per change of the
    /// bindings rather than once per element.
    const QByteArray *defaultNamespace()
    {
        return m_cache.defaultKnown ? m_cache.defaultUri : lookUpDefaultNamespace();
    }
    const QByteArray *lookUpDefaultNamespace();
    /// resolve() for an attribute's prefix, remembering the last one (xsi:nil on many elements).
    bool resolveAttributePrefix(QByteArrayView prefix, const QByteArray *&uri);

    // Lookups that hold until the bindings change. They point into m_bindings, so a copy of the
    // tokenizer starts without them.
    struct NamespaceCache
    {
        const QByteArray *defaultUri = nullptr;
        bool defaultKnown = false;
        QByteArrayView prefix; // an attribute prefix (a view of the document) and its URI
        const QByteArray *prefixUri = nullptr;
        bool prefixKnown = false;

        NamespaceCache() = default;
        NamespaceCache(const NamespaceCache &) {}
        NamespaceCache &operator=(const NamespaceCache &)
        {
            clear();
            return *this;
        }
        void clear() { defaultKnown = prefixKnown = false; }
    };

    bool m_started = false;
    bool m_rootClosed = false;
    bool m_pendingEnd = false; // an empty element's end, reported after its start
    // Qualified names of the open elements; the depth is bounded, so no growth.
    std::array<QByteArrayView, kMaxDepth> m_open;
    int m_depth = 0;
    std::vector<Binding> m_bindings;
    NamespaceCache m_cache;
    std::vector<Attribute> m_attributes; // the current start tag's, slots reused
    // Attribute slots of an earlier token, kept with their buffers while a token has none
    // (most <V> have none, some enc="base64").
    QList<std::pair<QByteArray, QString>> m_spareAttributes;
    // A text with references or CRs, rewritten; the token views it until the next token.
    QByteArray m_textBuffer;
};

} // namespace ms
