#include "xmltextescaper.h"

#include <QChar>

#include <array>
#include <cstring>

namespace ms::xmltext {

namespace {

// What to do with each ASCII character in character data. Tab and LF go through as they are.
enum Ascii : unsigned char { Copy, Escape, NotCarriable };

constexpr std::array<unsigned char, 128> kAscii = [] {
    std::array<unsigned char, 128> table{};
    for (int c = 0; c < 0x20; ++c)
        table[c] = NotCarriable;
    table['\t'] = Copy;
    table['\n'] = Copy;
    for (char c : {'\r', '&', '<', '>', '"'})
        table[static_cast<unsigned char>(c)] = Escape;
    return table;
}();

template <std::size_t N> char *put(char *p, const char (&text)[N])
{
    std::memcpy(p, text, N - 1);
    return p + N - 1;
}

char *putEscape(char *p, char c)
{
    switch (c) {
    case '&':
        return put(p, "&amp;");
    case '<':
        return put(p, "&lt;");
    case '>':
        return put(p, "&gt;");
    case '"':
        return put(p, "&quot;");
    default: // '\r'
        return put(p, "&#13;");
    }
}

char *putReplacementCharacter(char *p)
{
    return put(p, "\xEF\xBF\xBD");
}

bool isContinuation(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

// Bytes of the well-formed UTF-8 sequence of a carriable character that starts at s (lead byte
// >= 0x80), or 0 when it is malformed, overlong, a surrogate, beyond U+10FFFF, U+FFFE or U+FFFF.
qsizetype carriableSequenceLength(const unsigned char *s, const unsigned char *end)
{
    const unsigned char lead = s[0];
    const qsizetype left = end - s;
    if (lead >= 0xC2 && lead <= 0xDF)
        return left >= 2 && isContinuation(s[1]) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !isContinuation(s[1]) || !isContinuation(s[2]))
            return 0;
        if (lead == 0xE0 && s[1] < 0xA0)
            return 0; // overlong
        if (lead == 0xED && s[1] >= 0xA0)
            return 0; // surrogate
        if (lead == 0xEF && s[1] == 0xBF && s[2] >= 0xBE)
            return 0; // U+FFFE, U+FFFF
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !isContinuation(s[1]) || !isContinuation(s[2]) || !isContinuation(s[3]))
            return 0;
        if ((lead == 0xF0 && s[1] < 0x90) || (lead == 0xF4 && s[1] >= 0x90))
            return 0; // overlong, or beyond U+10FFFF
        return 4;
    }
    return 0;
}

} // namespace

char *writeEscaped(char *p, QStringView text, Uncarriable uncarriable)
{
    const char16_t *s = text.utf16();
    const char16_t *const end = s + text.size();
    while (s < end) {
        const char16_t c = *s++;
        bool carriable = true;
        if (c < 0x80) {
            switch (kAscii[c]) {
            case Copy:
                *p++ = char(c);
                break;
            case Escape:
                p = putEscape(p, char(c));
                break;
            default:
                carriable = false;
            }
        } else if (c < 0x800) {
            *p++ = char(0xC0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c)) {
            if (s < end && QChar::isLowSurrogate(*s)) {
                const char32_t u = QChar::surrogateToUcs4(c, *s++);
                *p++ = char(0xF0 | (u >> 18));
                *p++ = char(0x80 | ((u >> 12) & 0x3F));
                *p++ = char(0x80 | ((u >> 6) & 0x3F));
                *p++ = char(0x80 | (u & 0x3F));
            } else {
                carriable = false;
            }
        } else if (QChar::isLowSurrogate(c) || c >= 0xFFFE) {
            carriable = false;
        } else {
            *p++ = char(0xE0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3F));
            *p++ = char(0x80 | (c & 0x3F));
        }
        if (!carriable) {
            if (uncarriable == Uncarriable::Refuse)
                return nullptr;
            p = putReplacementCharacter(p);
        }
    }
    return p;
}

Utf8Check writeEscapedUtf8(char *p, QByteArrayView utf8, char **written)
{
    const auto *s = reinterpret_cast<const unsigned char *>(utf8.data());
    const unsigned char *const end = s + utf8.size();
    // QString::fromUtf8 drops a leading byte order mark; let that path decide.
    if (utf8.startsWith("\xEF\xBB\xBF"))
        return Utf8Check::Other;
    Utf8Check check = Utf8Check::Written;
    while (s < end) {
        const unsigned char c = *s;
        if (c < 0x80) {
            switch (kAscii[c]) {
            case Copy:
                *p++ = char(c);
                break;
            case Escape:
                p = putEscape(p, char(c));
                break;
            default:
                // Keep checking: the rest may still be invalid UTF-8.
                check = Utf8Check::Uncarriable;
            }
            ++s;
            continue;
        }
        const qsizetype n = carriableSequenceLength(s, end);
        if (n == 0)
            return Utf8Check::Other;
        std::memcpy(p, s, n);
        p += n;
        s += n;
    }
    *written = p;
    return check;
}

void appendEscapedAttribute(QByteArray &out, QStringView text)
{
    // A parser turns tab and LF in an attribute value into spaces; references survive.
    qsizetype run = 0;
    const auto appendRun = [&](qsizetype end) {
        const QStringView part = text.sliced(run, end - run);
        const qsizetype start = out.size();
        out.resize(start + maxEscapedSize(part.size()));
        char *p = writeEscaped(out.data() + start, part, Uncarriable::Replace);
        out.resize(p - out.constData());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c != u'\t' && c != u'\n')
            continue;
        appendRun(i);
        out += c == u'\t' ? "&#9;" : "&#10;";
        run = i + 1;
    }
    appendRun(text.size());
}

} // namespace ms::xmltext
