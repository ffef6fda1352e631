#pragma once

#include <QByteArrayView>

// Standard base64 with padding (QByteArray::toBase64's default) written into a caller's
// buffer: the RowData writer and WireRowValues encode into their own buffers without a
// QByteArray per value (issue #8). Pure functions.
namespace ms::wirebase64 {

/// The bytes n input bytes become.
constexpr qsizetype encodedSize(qsizetype n)
{
    return (n + 2) / 3 * 4;
}

/// Writes the encoding of bytes at out (room for encodedSize(bytes.size())); returns the end.
inline char *write(char *out, QByteArrayView bytes)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.data());
    const unsigned char *const end = s + bytes.size();
    for (; end - s >= 3; s += 3) {
        const quint32 v = quint32(s[0]) << 16 | quint32(s[1]) << 8 | s[2];
        *out++ = kAlphabet[v >> 18];
        *out++ = kAlphabet[(v >> 12) & 0x3F];
        *out++ = kAlphabet[(v >> 6) & 0x3F];
        *out++ = kAlphabet[v & 0x3F];
    }
    if (end - s > 0) {
        const quint32 v = quint32(s[0]) << 16 | (end - s > 1 ? quint32(s[1]) << 8 : 0);
        *out++ = kAlphabet[v >> 18];
        *out++ = kAlphabet[(v >> 12) & 0x3F];
        *out++ = end - s > 1 ? kAlphabet[(v >> 6) & 0x3F] : '=';
        *out++ = '=';
    }
    return out;
}

} // namespace ms::wirebase64
