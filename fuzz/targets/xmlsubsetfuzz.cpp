#include "fuzztargets.h"

#include "service/common/error.h"
#include "service/soap/xmlcursor.h"
#include "service/soap/xmlsubsettokenizer.h"

#include <QList>

#include <cstdio>
#include <cstdlib>

namespace ms::fuzz {

namespace {

struct Stream
{
    QList<XmlToken> tokens;
    QString error;
};

Stream read(QByteArrayView data, XmlCursor::Parser parser)
{
    Stream stream;
    try {
        XmlCursor cursor(data, parser);
        while (cursor.nextToken() != XmlToken::Kind::EndDocument) {
            const XmlToken &token = cursor.currentToken();
            XmlToken kept;
            kept.kind = token.kind;
            if (token.kind == XmlToken::Kind::StartElement) {
                kept.namespaceUri = token.namespaceUri;
                kept.localName = token.localName;
                kept.nil = token.nil;
                kept.attributes = token.attributes;
            }
            if (token.kind == XmlToken::Kind::Characters) {
                kept.text = token.text;
                // expat may hand one text node over as several tokens.
                if (!stream.tokens.isEmpty() &&
                    stream.tokens.back().kind == XmlToken::Kind::Characters) {
                    stream.tokens.back().text += kept.text;
                    continue;
                }
            }
            stream.tokens.append(kept);
        }
    } catch (const Error &error) {
        stream.error = error.message();
    }
    return stream;
}

QByteArray describe(const XmlToken &t)
{
    static const char *kinds[] = {"start", "end", "text", "eod"};
    QByteArray out = kinds[int(t.kind)];
    out += ' ' + t.namespaceUri + '|' + t.localName + " text=[" + t.text +
           "] nil=" + (t.nil ? "1" : "0");
    for (const auto &[name, value] : t.attributes)
        out += ' ' + name + "=" + value.toUtf8();
    return out;
}

} // namespace

QByteArray xmlSubsetDisagreement(QByteArrayView data)
{
    if (!XmlSubsetTokenizer::accepts(data))
        return {};
    const Stream fast = read(data, XmlCursor::Parser::Automatic);
    const Stream reference = read(data, XmlCursor::Parser::Expat);
    if (!reference.error.isEmpty())
        return "accepted, but expat refuses it: " + reference.error.toUtf8();
    if (!fast.error.isEmpty())
        return "accepted, then failed: " + fast.error.toUtf8();
    for (qsizetype i = 0; i < qMax(fast.tokens.size(), reference.tokens.size()); ++i) {
        const XmlToken *a = i < fast.tokens.size() ? &fast.tokens[i] : nullptr;
        const XmlToken *b = i < reference.tokens.size() ? &reference.tokens[i] : nullptr;
        if (!a || !b || a->kind != b->kind || a->namespaceUri != b->namespaceUri ||
            a->localName != b->localName || a->text != b->text || a->nil != b->nil ||
            a->attributes != b->attributes) {
            return "token " + QByteArray::number(i) + ": subset " + (a ? describe(*a) : "none") +
                   " / expat " + (b ? describe(*b) : "none");
        }
    }
    return {};
}

int xmlSubset(const uint8_t *data, size_t size)
{
    const QByteArray why = xmlSubsetDisagreement(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!why.isEmpty()) {
        std::fprintf(stderr, "XmlSubsetTokenizer and expat disagree: %s\n", why.constData());
        std::abort();
    }
    return 0;
}

} // namespace ms::fuzz
