#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

// XML 1.0 character data as UTF-8 bytes, for SoapXmlWriter: &, <, > and " become entity
// references (" too, as QXmlStreamWriter wrote it, so that the bytes stay what they were), CR
// becomes &#13; so that it survives a parser's line-end normalisation, and a character XML 1.0
// cannot carry (a control character other than tab/LF/CR, an unpaired surrogate, U+FFFE,
// U+FFFF; see soapvalues::hasCharacterXmlCannotCarry) is never written. Pure functions.
namespace ms::xmltext {

enum class Uncarriable {
    Replace, ///< write U+FFFD in its place
    Refuse,  ///< write nothing and return nullptr
};

/// The most bytes a text of this many UTF-16 code units, or UTF-8 bytes, can become.
constexpr qsizetype maxEscapedSize(qsizetype units)
{
    return units * 6; // "&quot;"
}

/// Writes text escaped at out, which has room for maxEscapedSize(text.size()) bytes, and
/// returns the end of what it wrote; with Refuse, nullptr when the text holds a character XML
/// 1.0 cannot carry.
char *writeEscaped(char *out, QStringView text, Uncarriable uncarriable);

enum class Utf8Check {
    Written,     ///< valid UTF-8 that XML can carry, written
    Uncarriable, ///< valid UTF-8 with a control character XML 1.0 cannot carry: nothing written
    Other,       ///< anything else (invalid UTF-8, a leading BOM, U+FFFE/U+FFFF): nothing
                 ///< written; the text is to be read through QString::fromUtf8
};

/// Writes UTF-8 text escaped at out, byte for byte (no conversion), when the check says
/// Written; out has room for maxEscapedSize(utf8.size()) bytes; *end is set to the end.
Utf8Check writeEscapedUtf8(char *out, QByteArrayView utf8, char **end);

/// Appends an attribute value's text escaped (&, <, > and "); the caller writes the quotes.
void appendEscapedAttribute(QByteArray &out, QStringView text);

} // namespace ms::xmltext
