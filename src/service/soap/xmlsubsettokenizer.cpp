#include "xmlsubsettokenizer.h"

#include "soapnames.h"

#include <cstring>

namespace ms {

namespace {

constexpr QByteArrayView kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr QByteArrayView kXmlnsNamespace = "http://www.w3.org/2000/xmlns/";

} // namespace

bool XmlSubsetTokenizer::accepts(QByteArrayView data)
{
    return XmlSubsetTokenizer(data).acceptsRest();
}

bool XmlSubsetTokenizer::acceptsRest()
{
    for (;;) {
        switch (step(nullptr)) {
        case Step::Token:
            break;
        case Step::End:
            return true;
        case Step::Reject:
            return false;
        }
    }
}

XmlSubsetTokenizer::XmlSubsetTokenizer(QByteArrayView data) : XmlSubsetScanner(data) {}

bool XmlSubsetTokenizer::textAndEnd(XmlToken &token)
{
    if (m_pendingEnd || m_depth == 0 || m_pos >= m_data.size())
        return false;
    const qsizetype start = m_pos;
    const qsizetype startTagOffset = token.offset;
    const auto readNothing = [&] {
        // next() reads the same again and meets the same child or refusal there.
        m_pos = start;
        token.kind = XmlToken::Kind::StartElement;
        token.offset = startTagOffset;
        return false;
    };
    if (m_data[m_pos] != '<') {
        if (text(&token) != Step::Token)
            return readNothing();
    } else {
        token.text = QByteArray::fromRawData(m_data.data() + m_pos, 0);
    }
    if (m_pos + 1 >= m_data.size() || m_data[m_pos + 1] != '/' || endTag(&token) != Step::Token)
        return readNothing();
    return true;
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
    if (m_depth == 0) {
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

const QByteArray *XmlSubsetTokenizer::lookUpDefaultNamespace()
{
    resolve({}, true, m_cache.defaultUri); // never refuses the empty prefix
    m_cache.defaultKnown = true;
    return m_cache.defaultUri;
}

bool XmlSubsetTokenizer::resolveAttributePrefix(QByteArrayView prefix, const QByteArray *&uri)
{
    if (!prefix.isEmpty() && m_cache.prefixKnown && prefix.size() == m_cache.prefix.size() &&
        std::memcmp(prefix.data(), m_cache.prefix.data(), size_t(prefix.size())) == 0) {
        uri = m_cache.prefixUri;
        return true;
    }
    if (!resolve(prefix, false, uri))
        return false;
    if (!prefix.isEmpty()) {
        m_cache.prefix = prefix;
        m_cache.prefixUri = uri;
        m_cache.prefixKnown = true;
    }
    return true;
}

void XmlSubsetTokenizer::fillStartElement(XmlToken &token, qsizetype offset, const QByteArray *uri,
                                          QByteArrayView local)
{
    token.kind = XmlToken::Kind::StartElement;
    token.offset = offset;
    // The token shares the binding's URI; most elements keep their parent's, and then the
    // token already holds it (no reference count touched).
    if (!uri) {
        if (!token.namespaceUri.isNull())
            token.namespaceUri.clear();
    } else if (token.namespaceUri.constData() != uri->constData() ||
               token.namespaceUri.size() != uri->size()) {
        token.namespaceUri = *uri;
    }
    token.localName = QByteArray::fromRawData(local.data(), local.size());
    token.nil = false;
    if (!token.attributes.isEmpty()) {
        if (m_spareAttributes.isEmpty())
            token.attributes.swap(m_spareAttributes);
        else
            token.attributes.resize(0);
    }
}

void XmlSubsetTokenizer::setAttribute(XmlToken &token, qsizetype index, QByteArrayView name,
                                      QByteArrayView utf8Value)
{
    if (index == 0 && token.attributes.isEmpty())
        token.attributes.swap(m_spareAttributes);
    if (index == token.attributes.size())
        token.attributes.emplace_back();
    auto &[slotName, slotValue] = token.attributes[index];
    slotName = QByteArray::fromRawData(name.data(), name.size()); // a view of the document
    bool ascii = true;
    for (const char c : utf8Value)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        slotValue.resize(0); // its capacity kept
        slotValue.append(QLatin1StringView(utf8Value.data(), utf8Value.size()));
    } else {
        slotValue = QString::fromUtf8(utf8Value);
    }
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::startTag(XmlToken *token)
{
    const qsizetype tagStart = m_pos;
    // Most start tags are an unprefixed name and '>': read those straight (the general way
    // below gives the same for them).
    const char *const data = m_data.data();
    const qsizetype size = m_data.size();
    qsizetype nameEnd = m_pos + 1;
    if (nameEnd < size && isNameStart(data[nameEnd])) {
        while (++nameEnd < size && isNameChar(data[nameEnd])) {
        }
        if (nameEnd < size && data[nameEnd] == '>' && m_depth < kMaxDepth) {
            const QByteArrayView name(data + m_pos + 1, nameEnd - m_pos - 1);
            const QByteArray *uri = defaultNamespace();
            if (token) {
                fillStartElement(*token, tagStart, uri, name);
            }
            m_open[size_t(m_depth++)] = name;
            m_pos = nameEnd + 1;
            return Step::Token;
        }
    }
    const qsizetype start = ++m_pos; // past '<'
    QByteArrayView prefix, local;
    if (!qualifiedName(prefix, local))
        return Step::Reject;
    const QByteArrayView qualified = m_data.sliced(start, m_pos - start);
    const int depth = m_depth + 1;
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
        m_cache.clear();
    }

    const QByteArray *uri = nullptr;
    if (prefix.isEmpty())
        uri = defaultNamespace();
    else if (!resolve(prefix, true, uri))
        return Step::Reject;
    if (token) {
        fillStartElement(*token, tagStart, uri, local);
    }
    // The other attributes, resolved; two that name the same {uri}local are an error.
    const QByteArray *uris[kMaxAttributes];
    qsizetype unqualified = 0;
    for (int i = 0; i < count; ++i) {
        const Attribute &attribute = m_attributes[size_t(i)];
        uris[i] = nullptr;
        if ((attribute.prefix.isEmpty() && attribute.local == "xmlns") ||
            attribute.prefix == "xmlns")
            continue;
        if (!resolveAttributePrefix(attribute.prefix, uris[i]))
            return Step::Reject;
        for (int j = 0; j < i; ++j) {
            if (uris[j] && uris[i] && *uris[j] == *uris[i] &&
                m_attributes[size_t(j)].local == attribute.local)
                return Step::Reject;
        }
        if (!token)
            continue;
        if (!uris[i]) {
            setAttribute(*token, unqualified++, attribute.local, attribute.value);
        } else if (attribute.local ==
                       QByteArrayView(soapnames::kNil.data(), soapnames::kNil.size()) &&
                   QByteArrayView(*uris[i]) ==
                       QByteArrayView(soapnames::kXsiNs.data(), soapnames::kXsiNs.size())) {
            const QByteArrayView value = QByteArrayView(attribute.value).trimmed();
            token->nil = value == "true" || value == "1";
        }
    }

    if (token && token->attributes.size() > unqualified)
        token->attributes.resize(unqualified); // slots left from an earlier token
    m_open[size_t(m_depth++)] = qualified;
    m_pendingEnd = empty;
    return Step::Token;
}

XmlSubsetTokenizer::Step XmlSubsetTokenizer::endTag(XmlToken *token)
{
    const qsizetype tagStart = m_pos;
    m_pos += 2; // past "</"
    // The open element's name, followed by something that cannot continue a name: then the
    // end tag's qualified name is that name.
    const QByteArrayView open = m_open[size_t(m_depth - 1)];
    if (m_data.size() - m_pos <= open.size() ||
        std::memcmp(m_data.data() + m_pos, open.data(), size_t(open.size())) != 0)
        return Step::Reject;
    m_pos += open.size();
    const char after = m_data[m_pos];
    if (isNameChar(after) || after == ':' || static_cast<unsigned char>(after) >= 0x80)
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
    const int depth = m_depth--;
    if (!m_bindings.empty() && m_bindings.back().depth >= depth) {
        while (!m_bindings.empty() && m_bindings.back().depth >= depth)
            m_bindings.pop_back();
        m_cache.clear();
    }
    if (m_depth == 0)
        m_rootClosed = true;
    if (token)
        token->kind = XmlToken::Kind::EndElement;
    return Step::Token;
}

} // namespace ms
