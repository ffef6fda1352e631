#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Strict codecs: a JWT part or a signature that decodes "leniently" is a different token
// from the one that was signed, so anything but the one canonical encoding is refused.
namespace ms {

/// base64url without padding (RFC 7515 §2).
QByteArray toBase64Url(QByteArrayView data);
/// Only [A-Za-z0-9_-], no padding, no unused bits set; nullopt otherwise.
std::optional<QByteArray> fromBase64UrlStrict(QByteArrayView text);
/// Standard alphabet with '=' padding, no whitespace, no unused bits set; nullopt otherwise.
std::optional<QByteArray> fromBase64Strict(QByteArrayView text);

} // namespace ms
