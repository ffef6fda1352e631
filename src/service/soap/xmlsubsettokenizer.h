#pragma once

#include "xmltoken.h"

#include <QByteArrayView>

#include <vector>

namespace ms {

/// A fast tokenizer for the plain XML that SOAP senders write: UTF-8, an optional XML
/// declaration, elements with ASCII names and namespace prefixes, attributes, text with the
/// five predefined entities and character references. Nothing else: a comment, a CDATA section,
/// a processing instruction, a DOCTYPE, another encoding, a non-ASCII name, more than 64 levels
/// or 32 attributes make accepts() false, and the caller parses with expat instead, which also
/// produces every error message. So this code only ever emits tokens for a document it has
/// checked completely first; a differential test and fuzz harness hold its tokens equal to
/// expat's.
///
/// Why by hand: RowData is most of what the endpoint parses, and expat costs about 80
/// instructions per byte there (40,000 per row of the demo tenant), twice what storing the row
/// costs, which keeps the end-to-end ingest far from its target (issue #8). This subset is
/// tokenized at a few instructions per byte.
class XmlSubsetTokenizer final
{
public:
    /// True when data is a well-formed document inside the subset.
    static bool accepts(QByteArrayView data);

    /// data must outlive the tokenizer and be accepted.
    explicit XmlSubsetTokenizer(QByteArrayView data);

    /// Fills token with the next one; false at the end of the document.
    bool next(XmlToken &token);

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
    bool prolog();
    bool xmlDeclaration();
    Step startTag(XmlToken *token);
    Step endTag(XmlToken *token);
    Step text(XmlToken *token);
    bool qualifiedName(QByteArrayView &prefix, QByteArrayView &local);
    bool attributeValue(QByteArray &out);
    bool reference(QByteArray &out);
    /// Appends one UTF-8 character at m_pos to out if it is an XML 1.0 character.
    bool character(QByteArray *out);
    bool resolve(QByteArrayView prefix, bool isElement, const QByteArray *&uri) const;
    void skipSpace();
    bool atSpace() const
    {
        return m_pos < m_data.size() && (m_data[m_pos] == ' ' || m_data[m_pos] == '\n' ||
                                         m_data[m_pos] == '\t' || m_data[m_pos] == '\r');
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_started = false;
    bool m_rootClosed = false;
    bool m_pendingEnd = false;          // an empty element's end, reported after its start
    std::vector<QByteArrayView> m_open; // qualified names of the open elements
    std::vector<Binding> m_bindings;
    std::vector<Attribute> m_attributes; // the current start tag's, slots reused
};

} // namespace ms
