#pragma once

#include "rsaprivatekey.h"
#include "rsapublickey.h"

#include <QDateTime>
#include <QString>

#include <chrono>

// PROTOCOL.md's SignedApplicationToken: NONCE.yyyyMMddHHmm.BASE64SIG, the endpoint's proof to
// the task that it holds the application's private key. All functions: any thread.
namespace ms {

/// nonce + "." + utcNow as yyyyMMddHHmm + "." + standard base64 of the RS256 signature over
/// the UTF-8 of the first two parts. Throws ms::Error on a null key.
QString signApplicationToken(const RsaPrivateKey &key, const QString &nonce,
                             const QDateTime &utcNow);

struct ApplicationTokenCheck
{
    bool ok = false;
    QString error; ///< when !ok: what a person should check
};

/// What the task does with the answer: nonce echoed exactly, time within tolerance, signature.
ApplicationTokenCheck
verifyApplicationToken(const RsaPublicKey &key, const QString &expectedNonce, const QString &token,
                       const QDateTime &now,
                       std::chrono::minutes tolerance = std::chrono::minutes(15));

/// 32 upper-case hex characters from RAND_bytes. Throws ms::Error(Server) if OpenSSL has no
/// entropy.
QString randomNonce();

} // namespace ms
