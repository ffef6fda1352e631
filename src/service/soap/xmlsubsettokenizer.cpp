#include "xmlsubsettokenizer.h"

#include "soapnames.h"

#include "service/common/error.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

constexpr QByteArrayView kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr QByteArrayView kXmlnsNamespace = "http://www.w3.org/2000/xmlns/";

// Character classes of the bytes, looked up rather than compared: the tokenizer's inner loops
// run once per byte of every RowData body.
enum : unsigned char { kPlainText = 1, kNameStart = 2, kNameChar = 4, kSpace = 8 };

constexpr std::array<unsigned char, 256> makeClasses()
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
constexpr std::array<unsigned char, 256> kClasses = makeClasses();

bool is(char c, unsigned char classBits)
{
    return kClasses[static_cast<unsigned char>(c)] & classBits;
}

bool isNameStart(char c)
{
    return is(c, kNameStart);
}

bool isNameChar(char c)
{
    return is(c, kNameChar);
}

bool isSpaceChar(char c)
{
    return is(c, kSpace);
}

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6)));
        out.append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)));
        out.append(char(0x80 | ((c >> 12) & 0x3F)));
        out.append(char(0x80 | ((c >> 6) & 0x3F)));
        out.append(char(0x80 | (c & 0x3F)));
    }
}

bool isPlainTextByte(char c)
{
    return is(c, kPlainText);
}

bool equalsIgnoringAsciiCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

bool XmlSubsetTokenizer::accepts(QByteArrayView data)
{
    XmlSubsetTokenizer tokenizer(data);
    for (;;) {
        switch (tokenizer.step(nullptr)) {
        case Step::Token:
            break;
        case Step::End:
            return true;
        case Step::Reject:
            return false;
        }
    }
}

XmlSubsetTokenizer::XmlSubsetTokenizer(QByteArrayView data) : m_data(data) {}

bool XmlSubsetTokenizer::next(XmlToken &token)
{
    switch (step(&token)) {
    case Step::Token:
        return true;
    case Step::End:
        return false;
    case Step::Reject:
        break;
    }
    // accepts() walked the same document with the same code.
    throw serverError(u"internal error: the XML tokenizer refused a document it had accepted"_s);
}

void XmlSubsetTokenizer::skipSpace()
{
    while (atSpace())
        ++m_pos;
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::step(XmlToken *token)
{
    if (!m_started) {
        m_started = true;
        if (!prolog())
            return Step::Reject;
    }
    if (m_pendingEnd) {
        m_pendingEnd = false;
        if (token)
            token->offset = m_pos - 2; // the empty element's "/>"
        return closeElement(token);
    }
    if (m_open.empty()) {
        if (m_rootClosed) {
            skipSpace(); // comments and processing instructions after the root: expat's
            return m_pos == m_data.size() ? Step::End : Step::Reject;
        }
        return startTag(token); // prolog() stopped at the root's '<'
    }
    if (m_pos >= m_data.size())
        return Step::Reject; // unclosed elements
    if (m_data[m_pos] != '<')
        return text(token);
    if (m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '/')
        return endTag(token);
    return startTag(token);
}

bool XmlSubsetTokenizer::prolog()
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

bool XmlSubsetTokenizer::xmlDeclaration()
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

bool XmlSubsetTokenizer::qualifiedName(QByteArrayView &prefix, QByteArrayView &local)
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

bool XmlSubsetTokenizer::character(QByteArray *out)
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

bool XmlSubsetTokenizer::reference(QByteArray &out)
{
    const qsizetype end =
        m_data.sliced(m_pos, qMin<qsizetype>(12, m_data.size() - m_pos)).indexOf(';');
    if (end < 2)
        return false;
    const QByteArrayView name = m_data.sliced(m_pos + 1, end - 1);
    m_pos += end + 1;
    if (name == "amp")
        out.append('&');
    else if (name == "lt")
        out.append('<');
    else if (name == "gt")
        out.append('>');
    else if (name == "quot")
        out.append('"');
    else if (name == "apos")
        out.append('\'');
    else if (name.startsWith('#')) {
        const bool hex = name.size() > 1 && name[1] == 'x';
        const QByteArrayView digits = name.sliced(hex ? 2 : 1);
        if (digits.isEmpty() || digits.size() > 8)
            return false;
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
                return false;
            c = c * (hex ? 16 : 10) + char32_t(v);
        }
        if (!isXmlChar(c))
            return false;
        appendUtf8(out, c);
    } else {
        return false; // an entity no DTD declared: expat names it in its error
    }
    return true;
}

bool XmlSubsetTokenizer::attributeValue(QByteArray &out)
{
    out.resize(0);
    if (m_pos >= m_data.size() || (m_data[m_pos] != '"' && m_data[m_pos] != '\''))
        return false;
    const char quote = m_data[m_pos++];
    while (m_pos < m_data.size()) {
        const char c = m_data[m_pos];
        if (c == quote) {
            ++m_pos;
            return true;
        }
        if (c == '<') {
            return false;
        } else if (c == '&') {
            if (!reference(out))
                return false;
        } else if (c == '\r') {
            // Line ends become LF, then every white space character a space (XML 1.0, 3.3.3).
            ++m_pos;
            if (m_pos < m_data.size() && m_data[m_pos] == '\n')
                ++m_pos;
            out.append(' ');
        } else if (c == '\n' || c == '\t') {
            ++m_pos;
            out.append(' ');
        } else if (static_cast<unsigned char>(c) < 0x20) {
            return false;
        } else if (static_cast<unsigned char>(c) < 0x80) {
            out.append(c);
            ++m_pos;
        } else if (!character(&out)) {
            return false;
        }
    }
    return false;
}

bool XmlSubsetTokenizer::resolve(QByteArrayView prefix, bool isElement,
                                 const QByteArray *&uri) const
{
    static const QByteArray xmlNamespace = kXmlNamespace.toByteArray();
    uri = nullptr;
    if (prefix.isEmpty() && !isElement)
        return true; // an unprefixed attribute is in no namespace
    if (prefix == "xml") {
        uri = &xmlNamespace;
        return true;
    }
    if (prefix == "xmlns")
        return false;
    for (auto binding = m_bindings.rbegin(); binding != m_bindings.rend(); ++binding) {
        if (binding->prefix == prefix) {
            if (!binding->uri.isEmpty())
                uri = &binding->uri;
            return true;
        }
    }
    return prefix.isEmpty(); // no default namespace: fine; an unbound prefix: not
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::startTag(XmlToken *token)
{
    const qsizetype tagStart = m_pos;
    const qsizetype start = ++m_pos; // past '<'
    QByteArrayView prefix, local;
    if (!qualifiedName(prefix, local))
        return Step::Reject;
    const QByteArrayView qualified = m_data.sliced(start, m_pos - start);
    const int depth = int(m_open.size()) + 1;
    if (depth > kMaxDepth)
        return Step::Reject;

    int count = 0;
    bool empty = false;
    for (;;) {
        const bool space = atSpace();
        skipSpace();
        if (m_pos >= m_data.size())
            return Step::Reject;
        if (m_data[m_pos] == '>') {
            ++m_pos;
            break;
        }
        if (m_data[m_pos] == '/') {
            if (m_pos + 1 >= m_data.size() || m_data[m_pos + 1] != '>')
                return Step::Reject;
            m_pos += 2;
            empty = true;
            break;
        }
        if (!space || count == kMaxAttributes)
            return Step::Reject;
        if (size_t(count) == m_attributes.size())
            m_attributes.emplace_back();
        Attribute &attribute = m_attributes[size_t(count)];
        if (!qualifiedName(attribute.prefix, attribute.local))
            return Step::Reject;
        skipSpace();
        if (m_pos >= m_data.size() || m_data[m_pos] != '=')
            return Step::Reject;
        ++m_pos;
        skipSpace();
        if (!attributeValue(attribute.value))
            return Step::Reject;
        for (int i = 0; i < count; ++i) {
            if (m_attributes[size_t(i)].prefix == attribute.prefix &&
                m_attributes[size_t(i)].local == attribute.local)
                return Step::Reject;
        }
        ++count;
    }

    // Namespace declarations first: they apply to this element's own name and attributes.
    for (int i = 0; i < count; ++i) {
        const Attribute &attribute = m_attributes[size_t(i)];
        const bool isDefault = attribute.prefix.isEmpty() && attribute.local == "xmlns";
        if (!isDefault && attribute.prefix != "xmlns")
            continue;
        if (attribute.value == kXmlNamespace || attribute.value == kXmlnsNamespace)
            return Step::Reject;
        if (!isDefault &&
            (attribute.value.isEmpty() || attribute.local == "xml" || attribute.local == "xmlns"))
            return Step::Reject;
        m_bindings.push_back(
            Binding{isDefault ? QByteArrayView() : attribute.local, attribute.value, depth});
    }

    const QByteArray *uri = nullptr;
    if (!resolve(prefix, true, uri))
        return Step::Reject;
    if (token) {
        token->kind = XmlToken::Kind::StartElement;
        token->offset = tagStart;
        if (uri)
            token->namespaceUri = *uri;
        else
            token->namespaceUri.clear();
        token->localName = QByteArray::fromRawData(local.data(), local.size());
        token->nil = false;
        token->attributes.resize(0);
    }
    // The other attributes, resolved; two that name the same {uri}local are an error.
    const QByteArray *uris[kMaxAttributes];
    for (int i = 0; i < count; ++i) {
        const Attribute &attribute = m_attributes[size_t(i)];
        uris[i] = nullptr;
        if ((attribute.prefix.isEmpty() && attribute.local == "xmlns") ||
            attribute.prefix == "xmlns")
            continue;
        if (!resolve(attribute.prefix, false, uris[i]))
            return Step::Reject;
        for (int j = 0; j < i; ++j) {
            if (uris[j] && uris[i] && *uris[j] == *uris[i] &&
                m_attributes[size_t(j)].local == attribute.local)
                return Step::Reject;
        }
        if (!token)
            continue;
        if (!uris[i]) {
            token->attributes.append(
                {attribute.local.toByteArray(), QString::fromUtf8(attribute.value)});
        } else if (QLatin1StringView(*uris[i]) == soapnames::kXsiNs &&
                   QLatin1StringView(attribute.local) == soapnames::kNil) {
            const QByteArrayView value = QByteArrayView(attribute.value).trimmed();
            token->nil = value == "true" || value == "1";
        }
    }

    m_open.push_back(qualified);
    m_pendingEnd = empty;
    return Step::Token;
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::endTag(XmlToken *token)
{
    const qsizetype tagStart = m_pos;
    m_pos += 2; // past "</"
    const qsizetype start = m_pos;
    QByteArrayView prefix, local;
    if (!qualifiedName(prefix, local) || m_data.sliced(start, m_pos - start) != m_open.back())
        return Step::Reject;
    skipSpace();
    if (m_pos >= m_data.size() || m_data[m_pos] != '>')
        return Step::Reject;
    ++m_pos;
    if (token)
        token->offset = tagStart;
    return closeElement(token);
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::closeElement(XmlToken *token)
{
    const int depth = int(m_open.size());
    m_open.pop_back();
    while (!m_bindings.empty() && m_bindings.back().depth >= depth)
        m_bindings.pop_back();
    if (m_open.empty())
        m_rootClosed = true;
    if (token)
        token->kind = XmlToken::Kind::EndElement;
    return Step::Token;
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::text(XmlToken *token)
{
    const qsizetype size = m_data.size();
    const qsizetype start = m_pos;
    if (token)
        token->offset = start;
    // Most text has no reference and no CR: then the token is a view of the document.
    for (;;) {
        while (m_pos < size && isPlainTextByte(m_data[m_pos]))
            ++m_pos;
        if (m_pos >= size)
            return Step::Reject; // the document ends inside an element
        const char c = m_data[m_pos];
        if (c == '<') {
            if (token) {
                token->kind = XmlToken::Kind::Characters;
                token->text = QByteArray::fromRawData(m_data.data() + start, m_pos - start);
            }
            return Step::Token;
        }
        if (c == ']') {
            if (m_data.sliced(m_pos).startsWith("]]>"))
                return Step::Reject;
            ++m_pos;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            if (!character(nullptr))
                return Step::Reject;
        } else if (c == '&' || c == '\r') {
            break;
        } else {
            return Step::Reject; // a control character
        }
    }
    // A reference or a line end to rewrite: build the text.
    QByteArray scratch;
    QByteArray &out = token ? token->text : scratch;
    out = QByteArray(m_data.data() + start, m_pos - start);
    while (m_pos < size) {
        qsizetype run = m_pos;
        while (run < size && isPlainTextByte(m_data[run]))
            ++run;
        if (run > m_pos)
            out.append(m_data.sliced(m_pos, run - m_pos));
        m_pos = run;
        if (m_pos >= size)
            break;
        const char c = m_data[m_pos];
        if (c == '<') {
            if (token)
                token->kind = XmlToken::Kind::Characters;
            return Step::Token;
        }
        if (c == '&') {
            if (!reference(out))
                return Step::Reject;
        } else if (c == ']') {
            if (m_data.sliced(m_pos).startsWith("]]>"))
                return Step::Reject;
            out.append(c);
            ++m_pos;
        } else if (c == '\r') {
            ++m_pos;
            if (m_pos < size && m_data[m_pos] == '\n')
                ++m_pos;
            out.append('\n');
        } else if (static_cast<unsigned char>(c) < 0x80) {
            return Step::Reject; // a control character
        } else if (!character(&out)) {
            return Step::Reject;
        }
    }
    return Step::Reject; // the document ends inside an element
}

} // namespace ms
