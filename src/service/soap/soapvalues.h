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

/// True when bytes are well-formed UTF-8 (RFC 3629): refuses overlong forms, surrogates
/// (U+D800..U+DFFF), code points above U+10FFFF, stray continuation bytes and truncated
/// sequences; accepts U+0000 and noncharacters. The same judgement as QStringDecoder's (Utf8,
/// Stateless) hasError(), without decoding.
bool isValidUtf8(QByteArrayView bytes);

/// Strict base64 (standard alphabet, padded, no whitespace) of UTF-8 text into out; false when the
/// base64 or the UTF-8 inside it is invalid. out is reused (capacity kept).
bool decodeBase64Utf8(QStringView base64, QString &out);
/// The same, from and into UTF-8 bytes (same acceptance), decoded straight into out.
bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out);
/// As above; scratch is not used (kept for callers of the version that needed it).
bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out, QString &scratch);

} // namespace ms::soapvalues
