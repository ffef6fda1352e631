#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

// Text forms of the wire's scalar values, shared by the readers and writers. Pure functions.
namespace ms::soapvalues {

/// xs:long: optional sign, decimal digits, surrounding whitespace allowed; nullopt otherwise.
std::optional<qint64> parseInt64(QStringView text);
/// xs:boolean: "true"/"false"/"1"/"0", surrounding whitespace allowed; nullopt otherwise.
std::optional<bool> parseBoolean(QStringView text);
QString booleanText(bool value);

/// True for a character (or lone surrogate) that XML 1.0 cannot carry: control characters other
/// than tab/CR/LF, unpaired surrogates, U+FFFE and U+FFFF.
bool hasCharacterXmlCannotCarry(QStringView text);
/// text with every character XML 1.0 cannot carry replaced by U+FFFD.
QString withXmlSafeCharacters(QStringView text);

/// Strict base64 (standard alphabet, padded, no whitespace) of UTF-8 text into out; false when the
/// base64 or the UTF-8 inside it is invalid. out is reused (capacity kept).
bool decodeBase64Utf8(QStringView base64, QString &out);
/// The same, from and into UTF-8 bytes (same acceptance); scratch is reused for the UTF-8 check.
bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out, QString &scratch);

} // namespace ms::soapvalues
