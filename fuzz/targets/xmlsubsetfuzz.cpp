#include "fuzztargets.h"

#include "service/common/error.h"
#include "service/soap/xmlcursor.h"
#include "service/soap/xmlsubsettokenizer.h"

#include <QList>

#include <cstdio>
#include <cstdlib>
#include <utility>

using namespace Qt::Literals::StringLiterals;

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
                // A deep copy: the token's text may view the tokenizer's reused buffer.
                kept.text = QByteArray(token.text.constData(), token.text.size());
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

namespace {

/// What a reader meets when it refuses the document after elementTokens start and end
/// elements: the XML error met on the way, or else its own error with the cursor's position
/// (useCheck false), or what checkWellFormedSoFar() throws there (useCheck true).
QByteArray readerErrorAt(QByteArrayView data, XmlCursor::Parser parser, qsizetype elementTokens,
                         bool useCheck)
{
    try {
        XmlCursor cursor(data, parser);
        for (qsizetype seen = 0; seen < elementTokens;) {
            const XmlToken::Kind kind = cursor.nextToken();
            if (kind == XmlToken::Kind::EndDocument)
                break;
            if (kind != XmlToken::Kind::Characters)
                ++seen;
        }
        if (!useCheck)
            return cursor.error(u"reader"_s).message().toUtf8();
        cursor.checkWellFormedSoFar();
        return "well-formed so far";
    } catch (const Error &error) {
        return error.message().toUtf8();
    }
}

/// Reads the document as the SOAP readers do: child elements, and the text of some of them
/// (readTextUtf8View, readText; chosen by what was read so far, so that both parsers choose
/// alike). Returns what was read, and the error that ended it.
std::pair<QByteArray, QString> readLikeAReader(QByteArrayView data, XmlCursor::Parser parser)
{
    QByteArray out;
    QByteArray storage;
    QString text;
    try {
        XmlCursor cursor(data, parser);
        const auto walk = [&](const auto &self, int depth) -> void {
            while (cursor.nextChildElement()) {
                out += '<' + cursor.currentToken().localName + (cursor.isNil() ? "/nil" : "");
                switch ((out.size() + depth) % 3) {
                case 0:
                    self(self, depth + 1);
                    break;
                case 1:
                    out += '=' + cursor.readTextUtf8View(storage).toByteArray();
                    break;
                default:
                    cursor.readText(text);
                    out += '=' + text.toUtf8();
                    break;
                }
                out += '>';
            }
        };
        walk(walk, 0);
    } catch (const Error &error) {
        return {out, error.message()};
    }
    return {out, QString()};
}

} // namespace

QByteArray xmlSubsetDisagreement(QByteArrayView data)
{
    // Every document: the automatic cursor (the subset tokenizer, then expat from the start
    // where the tokenizer refuses) must read as expat alone, with the same error. Before an
    // error, expat hands out fewer tokens (it refuses the whole chunk it was parsing), so there
    // its tokens must begin the automatic cursor's.
    const Stream fast = read(data, XmlCursor::Parser::Automatic);
    const Stream reference = read(data, XmlCursor::Parser::Expat);
    const bool accepted = XmlSubsetTokenizer::accepts(data);
    if (accepted && !reference.error.isEmpty())
        return "accepted, but expat refuses it: " + reference.error.toUtf8();
    if (fast.error != reference.error)
        return "errors differ: automatic [" + fast.error.toUtf8() + "] / expat [" +
               reference.error.toUtf8() + "]";
    const bool failed = !reference.error.isEmpty();
    if (!failed && fast.tokens.size() != reference.tokens.size())
        return "token counts differ: automatic " + QByteArray::number(fast.tokens.size()) +
               " / expat " + QByteArray::number(reference.tokens.size());
    for (qsizetype i = 0; i < reference.tokens.size(); ++i) {
        const XmlToken *a = i < fast.tokens.size() ? &fast.tokens[i] : nullptr;
        const XmlToken &b = reference.tokens[i];
        const bool lastBeforeError = failed && i == reference.tokens.size() - 1;
        if (!a || a->kind != b.kind || a->namespaceUri != b.namespaceUri ||
            a->localName != b.localName ||
            (lastBeforeError ? !a->text.startsWith(b.text) : a->text != b.text) ||
            a->nil != b.nil || a->attributes != b.attributes) {
            return "token " + QByteArray::number(i) + ": automatic " + (a ? describe(*a) : "none") +
                   " / expat " + describe(b);
        }
    }
    // Through the readers' calls (the subset cursor reads a text and its end in one step):
    // what they read, or else the error that stops them, is what expat alone gives them.
    // In a document the subset accepts, a reader's own error names the token's position, and
    // expat's where expat has read to (it reads ahead): there only the messages must agree.
    auto [fastRead, fastError] = readLikeAReader(data, XmlCursor::Parser::Automatic);
    auto [expatRead, expatError] = readLikeAReader(data, XmlCursor::Parser::Expat);
    if (accepted) {
        for (QString *error : {&fastError, &expatError}) {
            if (const qsizetype at = error->lastIndexOf(u" (line "_s); at >= 0)
                error->truncate(at);
        }
    }
    if (fastError != expatError || (expatError.isEmpty() && fastRead != expatRead))
        return "read like a reader: automatic [" + fastRead + "] " + fastError.toUtf8() +
               " / expat [" + expatRead + "] " + expatError.toUtf8();
    if (!accepted) {
        // A reader's error part way: expat's position, or expat's error if met first.
        qsizetype elements = 0;
        for (const XmlToken &token : fast.tokens)
            elements += token.kind != XmlToken::Kind::Characters ? 1 : 0;
        const qsizetype at = elements > 0 ? qsizetype(data.size()) % (elements + 1) : 0;
        for (const bool useCheck : {false, true}) {
            const QByteArray mine = readerErrorAt(data, XmlCursor::Parser::Automatic, at, useCheck);
            const QByteArray theirs = readerErrorAt(data, XmlCursor::Parser::Expat, at, useCheck);
            if (mine != theirs) {
                return QByteArray(useCheck ? "checkWellFormedSoFar" : "a reader's error") +
                       " after " + QByteArray::number(at) + " elements: automatic [" + mine +
                       "] / expat [" + theirs + "]";
            }
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
