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
    Result next(XmlToken &token);
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
    Step endTag(XmlToken *token);
    Step text(XmlToken *token);
    bool resolve(QByteArrayView prefix, bool isElement, const QByteArray *&uri) const;
    /// The default namespace of elements (nullptr: none), looked up once per change of the
    /// bindings rather than once per element.
    const QByteArray *defaultNamespace();

    bool m_started = false;
    bool m_rootClosed = false;
    bool m_pendingEnd = false; // an empty element's end, reported after its start
    // Qualified names of the open elements; the depth is bounded, so no growth.
    std::array<QByteArrayView, kMaxDepth> m_open;
    int m_depth = 0;
    std::vector<Binding> m_bindings;
    const QByteArray *m_defaultNamespace = nullptr;
    bool m_defaultNamespaceKnown = false; // m_defaultNamespace matches m_bindings
    std::vector<Attribute> m_attributes;  // the current start tag's, slots reused
    // A text with references or CRs, rewritten; the token views it until the next token.
    QByteArray m_textBuffer;
};

} // namespace ms
