#pragma once

#include <QByteArrayView>
#include <QStringView>

// Strict base64 as PROTOCOL.md has RowData carry it: the standard alphabet, '=' padding to a
// multiple of four characters, nothing else (no whitespace, no URL alphabet). One decoder for
// the store's binary values and the SOAP layer's base64 text values, from UTF-16 or from bytes.
// Reentrant, allocation free.
namespace ms {

/// The number of bytes text decodes to, or -1 when it is not strict base64. Bits below the last
/// byte of a padded group are ignored (not required to be zero), as QByteArray::fromBase64 does.
qsizetype strictBase64DecodedSize(QByteArrayView text);
qsizetype strictBase64DecodedSize(QStringView text);

/// Decodes text that strictBase64DecodedSize() accepted into out, which has room for that many
/// bytes.
void decodeStrictBase64(QByteArrayView text, char *out);
void decodeStrictBase64(QStringView text, char *out);

} // namespace ms
