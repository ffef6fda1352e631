#include "base64.h"

namespace ms {

namespace {
bool isAlnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::optional<QByteArray> decodeCanonical(QByteArrayView text, QByteArray::Base64Options options)
{
    const QByteArray input = text.toByteArray();
    auto result =
        QByteArray::fromBase64Encoding(input, options | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    // Re-encoding catches what the decoder tolerates: missing padding, set unused bits.
    if (result.decoded.toBase64(options) != input)
        return std::nullopt;
    return std::move(result.decoded);
}
} // namespace

QByteArray toBase64Url(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64UrlStrict(QByteArrayView text)
{
    for (char c : text) {
        if (!isAlnum(c) && c != '-' && c != '_')
            return std::nullopt;
    }
    return decodeCanonical(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Strict(QByteArrayView text)
{
    for (char c : text) {
        if (!isAlnum(c) && c != '+' && c != '/' && c != '=')
            return std::nullopt;
    }
    return decodeCanonical(text, QByteArray::Base64Encoding);
}

} // namespace ms
