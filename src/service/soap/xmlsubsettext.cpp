#include "xmlsubsettokenizer.h"

#include <cstring>

// XmlSubsetTokenizer's text: character data up to the next markup, the hottest loop of the
// RowData path (most of a body's bytes are values).

namespace ms {

namespace {

constexpr quint64 kOnes = 0x0101010101010101ULL;
constexpr quint64 kHighBits = 0x8080808080808080ULL;

constexpr quint64 zeroByteIn(quint64 word)
{
    return (word - kOnes) & ~word & kHighBits;
}

/// Whether any of 8 bytes may end a plain run: non-ASCII, a control character (TAB and LF
/// too, which the byte loop then passes), DEL, '<', '&' or ']'.
bool mayEndPlainRun(const char *bytes)
{
    quint64 word;
    std::memcpy(&word, bytes, sizeof word);
    const quint64 nonAsciiOrControl = (word | ((word - kOnes * 0x20) & ~word)) & kHighBits;
    return nonAsciiOrControl | zeroByteIn(word ^ (kOnes * '<')) | zeroByteIn(word ^ (kOnes * '&')) |
           zeroByteIn(word ^ (kOnes * ']')) | zeroByteIn(word ^ (kOnes * 0x7F));
}

} // namespace

XmlSubsetTokenizer::Step XmlSubsetTokenizer::text(XmlToken *token)
{
    const qsizetype size = m_data.size();
    const char *const data = m_data.data();
    const qsizetype start = m_pos;
    if (token)
        token->offset = start;
    // Most text has no reference and no CR: then the token is a view of the document.
    for (;;) {
        while (m_pos + 8 <= size && !mayEndPlainRun(data + m_pos))
            m_pos += 8;
        while (m_pos < size && isPlainTextByte(data[m_pos]))
            ++m_pos;
        if (m_pos >= size)
            return Step::Reject; // the document ends inside an element
        const char c = data[m_pos];
        if (c == '<') {
            if (token) {
                token->kind = XmlToken::Kind::Characters;
                token->text = QByteArray::fromRawData(data + start, m_pos - start);
            }
            return Step::Token;
        }
        if (c == ']') {
            if (m_data.sliced(m_pos).startsWith("]]>"))
                return Step::Reject;
            ++m_pos;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            // Two-byte characters (U+0080..U+07FF, all XML characters) checked here: Latin,
            // Greek, Cyrillic text has one every few bytes.
            const auto lead = static_cast<unsigned char>(c);
            if (lead >= 0xC2 && lead <= 0xDF && m_pos + 1 < size &&
                (static_cast<unsigned char>(data[m_pos + 1]) & 0xC0) == 0x80)
                m_pos += 2;
            else if (!character(nullptr))
                return Step::Reject;
        } else if (c == '&' || c == '\r') {
            break;
        } else {
            return Step::Reject; // a control character
        }
    }
    // A reference or a line end to rewrite: the text is built in the tokenizer's buffer (its
    // capacity reused), and the token views it until the next token. Rewriting never makes a
    // text longer, so the text up to the next '<' bounds it: written through a pointer.
    const auto *const lt =
        static_cast<const char *>(std::memchr(data + m_pos, '<', size_t(size - m_pos)));
    if (!lt)
        return Step::Reject; // the document ends inside an element
    const qsizetype end = lt - data;
    QByteArray &buffer = m_textBuffer;
    buffer.resize(end - start);
    char *const first = buffer.data();
    char *out = first;
    std::memcpy(out, data + start, size_t(m_pos - start));
    out += m_pos - start;
    while (m_pos < end) {
        qsizetype run = m_pos;
        while (run < end && isPlainTextByte(data[run]))
            ++run;
        std::memcpy(out, data + m_pos, size_t(run - m_pos));
        out += run - m_pos;
        m_pos = run;
        if (m_pos >= end)
            break;
        const char c = data[m_pos];
        if (c == '&') {
            if (end - m_pos < 3) // a reference is at least "&x;", and ';' must come before '<'
                return Step::Reject;
            const int written = reference(out);
            if (written < 0 || m_pos > end)
                return Step::Reject;
            out += written;
        } else if (c == ']') {
            if (m_data.sliced(m_pos).startsWith("]]>"))
                return Step::Reject;
            *out++ = c;
            ++m_pos;
        } else if (c == '\r') {
            ++m_pos;
            if (m_pos < size && data[m_pos] == '\n')
                ++m_pos;
            *out++ = '\n';
        } else if (static_cast<unsigned char>(c) < 0x80) {
            return Step::Reject; // a control character
        } else {
            // Non-ASCII: validated, then copied.
            const qsizetype at = m_pos;
            if (!character(nullptr) || m_pos > end)
                return Step::Reject;
            std::memcpy(out, data + at, size_t(m_pos - at));
            out += m_pos - at;
        }
    }
    buffer.resize(out - first);
    if (token) {
        token->kind = XmlToken::Kind::Characters;
        token->text = QByteArray::fromRawData(buffer.constData(), buffer.size());
    }
    return Step::Token;
}

} // namespace ms
