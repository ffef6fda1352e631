#pragma once

#include <QString>

namespace ms {

/// Drains this thread's OpenSSL error queue into one readable line ("" when empty).
/// OpenSSL's reason strings never hold key material, so the text is safe to show and log.
QString takeOpenSslErrors();

} // namespace ms
