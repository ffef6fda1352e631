#include "xmlsubsetscanner.h"

#include <cstring>

namespace ms {

namespace {

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

int writeUtf8(char *out, char32_t c)
{
    if (c < 0x80) {
        out[0] = char(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = char(0xC0 | (c >> 6));
        out[1] = char(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = char(0xE0 | (c >> 12));
        out[1] = char(0x80 | ((c >> 6) & 0x3F));
        out[2] = char(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (c >> 18));
    out[1] = char(0x80 | ((c >> 12) & 0x3F));
    out[2] = char(0x80 | ((c >> 6) & 0x3F));
    out[3] = char(0x80 | (c & 0x3F));
    return 4;
}

bool equalsIgnoringAsciiCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

constexpr std::array<unsigned char, 256> XmlSubsetScanner::makeClasses()
{
    std::array<unsigned char, 256> classes{};
    for (int c = 0x20; c < 0x7F; ++c) {
        if (c != '<' && c != '&' && c != ']')
            classes[c] |= kPlainText; // printable ASCII other than the markup characters
    }
    classes['\t'] |= kPlainText;
    classes['\n'] |= kPlainText;
    for (int c = 0; c < 256; ++c) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
            classes[c] |= kNameStart | kNameChar;
        if ((c >= '0' && c <= '9') || c == '-' || c == '.')
            classes[c] |= kNameChar;
    }
    for (const char c : {' ', '\t', '\n', '\r'})
        classes[static_cast<unsigned char>(c)] |= kSpace;
    return classes;
}

const std::array<unsigned char, 256> XmlSubsetScanner::kClasses = makeClasses();

bool XmlSubsetScanner::prolog()
{
    if (m_data.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
    if (m_data.sliced(m_pos).startsWith("<?xml") && m_pos + 5 < m_data.size() &&
        isSpaceChar(m_data[m_pos + 5])) {
        if (!xmlDeclaration())
            return false;
    }
    skipSpace();
    return m_pos + 1 < m_data.size() && m_data[m_pos] == '<' && isNameStart(m_data[m_pos + 1]);
}

bool XmlSubsetScanner::xmlDeclaration()
{
    m_pos += 5;
    // name = "value" with a plain value; the order of the pseudo-attributes is fixed.
    const auto pseudoAttribute = [this](QByteArrayView name, QByteArrayView &value) {
        if (!m_data.sliced(m_pos).startsWith(name))
            return false;
        m_pos += name.size();
        skipSpace();
        if (m_pos >= m_data.size() || m_data[m_pos] != '=')
            return false;
        ++m_pos;
        skipSpace();
        if (m_pos >= m_data.size() || (m_data[m_pos] != '"' && m_data[m_pos] != '\''))
            return false;
        const char quote = m_data[m_pos++];
        const qsizetype start = m_pos;
        while (m_pos < m_data.size() && (isNameChar(m_data[m_pos])))
            ++m_pos;
        if (m_pos >= m_data.size() || m_data[m_pos] != quote)
            return false;
        value = m_data.sliced(start, m_pos - start);
        ++m_pos;
        return true;
    };
    QByteArrayView value;
    skipSpace();
    if (!pseudoAttribute("version", value) || value != "1.0")
        return false;
    bool space = atSpace();
    skipSpace();
    if (space && m_data.sliced(m_pos).startsWith("encoding")) {
        if (!pseudoAttribute("encoding", value) || !equalsIgnoringAsciiCase(value, "utf-8"))
            return false;
        space = atSpace();
        skipSpace();
    }
    if (space && m_data.sliced(m_pos).startsWith("standalone")) {
        if (!pseudoAttribute("standalone", value) || (value != "yes" && value != "no"))
            return false;
        skipSpace();
    }
    if (!m_data.sliced(m_pos).startsWith("?>"))
        return false;
    m_pos += 2;
    return true;
}

bool XmlSubsetScanner::qualifiedName(QByteArrayView &prefix, QByteArrayView &local)
{
    const auto ncName = [this](QByteArrayView &name) {
        const qsizetype start = m_pos;
        if (m_pos >= m_data.size() || !isNameStart(m_data[m_pos]))
            return false;
        while (++m_pos < m_data.size() && isNameChar(m_data[m_pos])) {
        }
        name = m_data.sliced(start, m_pos - start);
        return true;
    };
    prefix = {};
    if (!ncName(local))
        return false;
    if (m_pos < m_data.size() && m_data[m_pos] == ':') {
        ++m_pos;
        prefix = local;
        if (!ncName(local))
            return false;
    }
    // A non-ASCII name character, or a second colon: expat decides.
    return m_pos < m_data.size() && (static_cast<unsigned char>(m_data[m_pos]) < 0x80) &&
           m_data[m_pos] != ':';
}

bool XmlSubsetScanner::character(QByteArray *out)
{
    const auto byte = [this](qsizetype i) {
        return i < m_data.size() ? static_cast<unsigned char>(m_data[i]) : 0u;
    };
    const unsigned char lead = byte(m_pos);
    char32_t c = 0;
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // the second byte's range (no overlong, no surrogate)
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return false;
    }
    for (int i = 1; i < length; ++i) {
        const unsigned char b = byte(m_pos + i);
        if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF))
            return false;
        c = (c << 6) | (b & 0x3F);
    }
    if (!isXmlChar(c))
        return false;
    if (out)
        out->append(m_data.sliced(m_pos, length));
    m_pos += length;
    return true;
}

int XmlSubsetScanner::reference(char *out)
{
    const qsizetype end =
        m_data.sliced(m_pos, qMin<qsizetype>(12, m_data.size() - m_pos)).indexOf(';');
    if (end < 2)
        return -1;
    const QByteArrayView name = m_data.sliced(m_pos + 1, end - 1);
    m_pos += end + 1;
    if (name == "amp")
        out[0] = '&';
    else if (name == "lt")
        out[0] = '<';
    else if (name == "gt")
        out[0] = '>';
    else if (name == "quot")
        out[0] = '"';
    else if (name == "apos")
        out[0] = '\'';
    else if (name.startsWith('#')) {
        const bool hex = name.size() > 1 && name[1] == 'x';
        const QByteArrayView digits = name.sliced(hex ? 2 : 1);
        if (digits.isEmpty() || digits.size() > 8)
            return -1;
        char32_t c = 0;
        for (const char d : digits) {
            int v;
            if (d >= '0' && d <= '9')
                v = d - '0';
            else if (hex && d >= 'a' && d <= 'f')
                v = d - 'a' + 10;
            else if (hex && d >= 'A' && d <= 'F')
                v = d - 'A' + 10;
            else
                return -1;
            c = c * (hex ? 16 : 10) + char32_t(v);
        }
        if (!isXmlChar(c))
            return -1;
        return writeUtf8(out, c);
    } else {
        return -1; // an entity no DTD declared: expat names it in its error
    }
    return 1;
}

bool XmlSubsetScanner::attributeValue(QByteArray &out)
{
    if (m_pos >= m_data.size() || (m_data[m_pos] != '"' && m_data[m_pos] != '\''))
        return false;
    const char quote = m_data[m_pos++];
    // The value ends at the next quote character (no reference or character of a well-formed
    // value contains one), and rewriting never makes it longer: written through a pointer.
    const char *const data = m_data.data();
    const auto *const closing =
        static_cast<const char *>(std::memchr(data + m_pos, quote, size_t(m_data.size() - m_pos)));
    if (!closing)
        return false;
    const qsizetype end = closing - data;
    out.resize(end - m_pos);
    char *const first = out.data();
    char *to = first;
    while (m_pos < end) {
        // A run of printable ASCII copied at once; the code below sees what ends it.
        qsizetype run = m_pos;
        for (; run < end; ++run) {
            const auto b = static_cast<unsigned char>(data[run]);
            if (b < 0x20 || b >= 0x80 || b == '<' || b == '&')
                break;
        }
        std::memcpy(to, data + m_pos, size_t(run - m_pos));
        to += run - m_pos;
        m_pos = run;
        if (m_pos >= end)
            break;
        const char c = data[m_pos];
        if (c == '<') {
            return false;
        } else if (c == '&') {
            const int written = reference(to);
            if (written < 0 || m_pos > end)
                return false;
            to += written;
        } else if (c == '\r') {
            // Line ends become LF, then every white space character a space (XML 1.0, 3.3.3).
            ++m_pos;
            if (m_pos < end && data[m_pos] == '\n')
                ++m_pos;
            *to++ = ' ';
        } else if (c == '\n' || c == '\t') {
            ++m_pos;
            *to++ = ' ';
        } else if (static_cast<unsigned char>(c) < 0x20) {
            return false;
        } else {
            const qsizetype at = m_pos;
            if (!character(nullptr) || m_pos > end)
                return false;
            std::memcpy(to, data + at, size_t(m_pos - at));
            to += m_pos - at;
        }
    }
    out.resize(to - first);
    ++m_pos; // the closing quote
    return true;
}

} // namespace ms
