#include "strictbase64.h"

#include <array>
#include <type_traits>

namespace ms {

namespace {
constexpr quint8 kNotBase64 = 0xff;

// The value of each byte in the standard alphabet, kNotBase64 for every other byte ('=' too).
constexpr std::array<quint8, 256> kDigitValues = [] {
    std::array<quint8, 256> values{};
    values.fill(kNotBase64);
    constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (quint8 i = 0; i < 64; ++i)
        values[static_cast<unsigned char>(alphabet[i])] = i;
    return values;
}();

template <typename Char> quint8 digitValue(Char c)
{
    const auto code = static_cast<std::make_unsigned_t<Char>>(c);
    return code < 256 ? kDigitValues[code] : kNotBase64;
}

template <typename Char> qsizetype paddingOf(const Char *text, qsizetype size)
{
    if (size == 0 || text[size - 1] != Char('='))
        return 0;
    return text[size - 2] == Char('=') ? 2 : 1;
}

template <typename Char> qsizetype decodedSize(const Char *text, qsizetype size)
{
    if (size % 4 != 0)
        return -1;
    // Every character before the padding must be a digit: this also refuses '=' elsewhere,
    // a third '=' and a digit after a '='.
    const qsizetype padding = paddingOf(text, size);
    quint8 any = 0;
    for (qsizetype i = 0; i < size - padding; ++i)
        any |= digitValue(text[i]);
    if (any & 0xc0) // only kNotBase64 has bits above the six of a digit
        return -1;
    return size / 4 * 3 - padding;
}

template <typename Char> void decode(const Char *text, qsizetype size, char *out)
{
    if (size == 0)
        return;
    const qsizetype padding = paddingOf(text, size);
    const qsizetype fullGroups = size / 4 - (padding > 0 ? 1 : 0);
    for (qsizetype g = 0; g < fullGroups; ++g, text += 4) {
        const quint32 quad = quint32(digitValue(text[0])) << 18 |
                             quint32(digitValue(text[1])) << 12 |
                             quint32(digitValue(text[2])) << 6 | quint32(digitValue(text[3]));
        *out++ = char(quad >> 16);
        *out++ = char(quad >> 8 & 0xff);
        *out++ = char(quad & 0xff);
    }
    if (padding == 0)
        return;
    const quint32 quad = quint32(digitValue(text[0])) << 18 | quint32(digitValue(text[1])) << 12 |
                         (padding == 1 ? quint32(digitValue(text[2])) << 6 : 0);
    *out++ = char(quad >> 16);
    if (padding == 1)
        *out = char(quad >> 8 & 0xff);
}
} // namespace

qsizetype strictBase64DecodedSize(QByteArrayView text)
{
    return decodedSize(text.data(), text.size());
}

qsizetype strictBase64DecodedSize(QStringView text)
{
    return decodedSize(text.utf16(), text.size());
}

void decodeStrictBase64(QByteArrayView text, char *out)
{
    decode(text.data(), text.size(), out);
}

void decodeStrictBase64(QStringView text, char *out)
{
    decode(text.utf16(), text.size(), out);
}

} // namespace ms
