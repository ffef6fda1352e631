#include "cycletokens.h"

#include <algorithm>

namespace ms {

CycleTokens::CycleTokens(RsaPrivateKey key, TokenMintOptions options, std::chrono::seconds lifetime,
                         std::chrono::seconds refreshAfter, Clock now)
    : m_key(std::move(key)), m_options(std::move(options)), m_lifetime(lifetime),
      m_refreshAfter(std::min(refreshAfter, lifetime)),
      m_now(now ? std::move(now) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{}

QString CycleTokens::token()
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_now();
    if (m_token.isEmpty() || now >= m_refreshAt) {
        TokenMintOptions mint = m_options;
        mint.notBefore = now;
        mint.expires = now.addSecs(m_lifetime.count());
        m_token = QString::fromLatin1(mintToken(m_key, mint));
        m_refreshAt = now.addSecs(m_refreshAfter.count());
        ++m_minted;
    }
    return m_token;
}

int CycleTokens::minted() const
{
    std::lock_guard lock(m_mutex);
    return m_minted;
}

} // namespace ms
