#pragma once

#include <QByteArray>
#include <QStringView>

// Strict checks of RowData values as PROTOCOL.md spells them. Backend independent, reentrant,
// and allocation free except for growing the buffer of decoded base64.
namespace ms {

/// ^-?[0-9]+$ within [minimum, maximum].
bool parseInteger(QStringView text, qint64 minimum, qint64 maximum, qint64 &value);
/// A finite decimal number, optionally with exponent ("1.5E-3"), to the nearest double.
bool parseReal(QStringView text, double &value);
/// ^-?[0-9]+(\.[0-9]+)?$
bool isDecimalText(QStringView text);
/// Standard base64 with padding, nothing else (no whitespace, no URL alphabet). bytes is
/// resized in place (its capacity reused); untouched when false.
bool decodeBase64Strict(QStringView text, QByteArray &bytes);

} // namespace ms
