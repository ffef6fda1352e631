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
    Refuse,  ///< write nothing and return false
};

/// Appends text escaped. With Refuse, a text that holds a character XML 1.0 cannot carry leaves
/// out as it was and returns false; otherwise returns true.
bool appendEscaped(QByteArray &out, QStringView text, Uncarriable uncarriable);

/// Appends UTF-8 text escaped, byte for byte (no conversion), when it is valid UTF-8 that XML 1.0
/// can carry; otherwise leaves out as it was and returns false (the caller then takes the text
/// through QString::fromUtf8, which is how the text would read, and appendEscaped).
bool appendEscapedUtf8(QByteArray &out, QByteArrayView utf8);

/// Appends an attribute value's text escaped (&, <, > and "); the caller writes the quotes.
void appendEscapedAttribute(QByteArray &out, QStringView text);

} // namespace ms::xmltext
