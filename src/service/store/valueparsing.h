#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

// Strict checks of RowData values as PROTOCOL.md spells them. Backend independent, reentrant,
// and allocation free except for growing the buffer of decoded base64 (and a real of over 64
// characters given as UTF-16). Each comes as UTF-16 and as UTF-8 bytes with the same acceptance
// (tst_valueparsing compares both with the parsers these replaced).
namespace ms {

/// ^-?[0-9]+$ within [minimum, maximum].
bool parseInteger(QStringView text, qint64 minimum, qint64 maximum, qint64 &value);
bool parseInteger(QByteArrayView utf8, qint64 minimum, qint64 maximum, qint64 &value);
/// A finite decimal number, optionally with exponent ("1.5E-3"), to the nearest double; refused
/// when it overflows, or underflows to zero although a digit of it is not zero.
bool parseReal(QStringView text, double &value);
bool parseReal(QByteArrayView utf8, double &value);
/// ^-?[0-9]+(\.[0-9]+)?$
bool isDecimalText(QStringView text);
bool isDecimalText(QByteArrayView utf8);
/// Standard base64 with padding, nothing else (no whitespace, no URL alphabet). bytes is
/// resized in place (its capacity reused); untouched when false.
bool decodeBase64Strict(QStringView text, QByteArray &bytes);
bool decodeBase64Strict(QByteArrayView utf8, QByteArray &bytes);

} // namespace ms
