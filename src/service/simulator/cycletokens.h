#pragma once

#include "service/auth/rsaprivatekey.h"
#include "service/auth/tokenminter.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>
#include <mutex>

namespace ms {

/// The SignedToken that a cycle's calls after Authenticate carry. PROTOCOL.md: "Every call of
/// the cycle repeats the SignedToken header": one token serves the cycle, so the simulator signs
/// one instead of one per call (an RSA signature is about 6.5 M instructions; signing per call
/// was a third of the simulator's cost on a 20,000-row cycle, issue #8). The token keeps
/// SuperOffice's 6-minute lifetime; it is replaced by a fresh one once it is older than
/// refreshAfter, so that a body built now and sent after a few slow calls still carries a token
/// that is valid when the endpoint reads it. Any thread.
class CycleTokens final
{
public:
    using Clock = std::function<QDateTime()>; ///< the current UTC time

    /// options: the claims of every token (no nonce); its notBefore and expires are set per
    /// token from the clock (expires = notBefore + lifetime).
    CycleTokens(RsaPrivateKey key, TokenMintOptions options,
                std::chrono::seconds lifetime = std::chrono::minutes(6),
                std::chrono::seconds refreshAfter = std::chrono::minutes(3), Clock now = {});
    Q_DISABLE_COPY_MOVE(CycleTokens)

    /// The current token, minted when there is none yet or the last one is older than
    /// refreshAfter.
    QString token();
    /// Tokens signed so far.
    int minted() const;

private:
    const RsaPrivateKey m_key;
    const TokenMintOptions m_options;
    const std::chrono::seconds m_lifetime;
    const std::chrono::seconds m_refreshAfter;
    const Clock m_now;

    mutable std::mutex m_mutex;
    QString m_token;       // guarded by m_mutex
    QDateTime m_refreshAt; // guarded by m_mutex
    int m_minted = 0;      // guarded by m_mutex
};

} // namespace ms
