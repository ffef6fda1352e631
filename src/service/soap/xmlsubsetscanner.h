#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>

namespace ms {

/// The lexical layer of XmlSubsetTokenizer: reads the pieces of its XML subset (the prolog,
/// names, characters, references, attribute values) from a position in a UTF-8 document. Each
/// reader returns false on anything outside the subset or not well-formed, and the tokenizer
/// then hands the document to expat. The tokenizer derives from it to share the position.
class XmlSubsetScanner
{
protected:
    explicit XmlSubsetScanner(QByteArrayView data) : m_data(data) {}

    /// The BOM, an XML declaration (version 1.0, UTF-8) and white space, up to the root's '<'.
    bool prolog();
    /// A name with an optional prefix, both ASCII; leaves m_pos after it.
    bool qualifiedName(QByteArrayView &prefix, QByteArrayView &local);
    /// A quoted attribute value, references resolved and white space normalised, into out
    /// (its capacity reused).
    bool attributeValue(QByteArray &out);
    /// One reference at m_pos ('&'): a predefined entity or a character reference, written to
    /// out (room for 4 bytes; never more bytes than the reference's own): the bytes written,
    /// or -1.
    int reference(char *out);
    /// One non-ASCII UTF-8 character at m_pos, appended to out if given, if it is an XML 1.0
    /// character.
    bool character(QByteArray *out);
    void skipSpace()
    {
        while (atSpace())
            ++m_pos;
    }
    bool atSpace() const
    {
        return m_pos < m_data.size() && (m_data[m_pos] == ' ' || m_data[m_pos] == '\n' ||
                                         m_data[m_pos] == '\t' || m_data[m_pos] == '\r');
    }

    // Character classes of the bytes, looked up rather than compared: the inner loops run once
    // per byte of every RowData body.
    enum : unsigned char { kPlainText = 1, kNameStart = 2, kNameChar = 4, kSpace = 8 };
    static const std::array<unsigned char, 256> kClasses;
    static bool is(char c, unsigned char classBits)
    {
        return kClasses[static_cast<unsigned char>(c)] & classBits;
    }
    /// Printable ASCII other than the markup characters '<', '&' and ']', and TAB and LF.
    static bool isPlainTextByte(char c) { return is(c, kPlainText); }
    static bool isNameStart(char c) { return is(c, kNameStart); }
    static bool isNameChar(char c) { return is(c, kNameChar); }
    static bool isSpaceChar(char c) { return is(c, kSpace); }

    QByteArrayView m_data;
    qsizetype m_pos = 0;

private:
    static constexpr std::array<unsigned char, 256> makeClasses();
    bool xmlDeclaration();
};

} // namespace ms
