#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace ms {

/// One XML token as XmlCursor reads it, whichever parser produced it (expat, or
/// XmlSubsetTokenizer for plain documents).
struct XmlToken
{
    enum class Kind { StartElement, EndElement, Characters, EndDocument };

    Kind kind = Kind::EndDocument;
    // The subset tokenizer hands out views (QByteArray::fromRawData) of the document, or of its
    // own buffer for a text it had to rewrite, and shares namespace URIs, so that a token costs
    // no copy. So a token's fields are valid until the next token: copy the bytes to keep them.
    QByteArray namespaceUri; ///< StartElement: empty outside any namespace
    QByteArray localName;    ///< StartElement
    QByteArray text;         ///< Characters: UTF-8, references resolved, line ends normalised
    bool nil = false;        ///< StartElement: xsi:nil is "true" or "1"
    QList<std::pair<QByteArray, QString>> attributes; ///< StartElement: the unqualified ones
    qsizetype offset = -1; ///< where the token starts in the document, when the parser says
};

} // namespace ms
