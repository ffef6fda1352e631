#pragma once

#include "certificate.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace ms {

/// What a valid SuperOffice SignedToken says.
struct TokenClaims
{
    QString tenant;      ///< the ctx claim; passed ms::isValidTenantId
    QString nonce;       ///< the nonce claim as sent, or empty; checked only when required
    QDateTime notBefore; ///< UTC
    QDateTime expires;   ///< UTC
    QString keyId;       ///< SHA-1 thumbprint of the trusted certificate whose key verified it
};

struct TokenValidationResult
{
    bool ok = false;
    TokenClaims claims; ///< meaningful only when ok
    QString error;      ///< when !ok: what a person should check; never holds the token
};

struct TokenValidatorConfig
{
    QString applicationId; ///< the client_id; the token's aud must be spn:<applicationId>
    QList<Certificate> trustedCertificates;
    std::chrono::seconds clockSkew{300};
    std::function<QDateTime()> clock; ///< empty = QDateTime::currentDateTimeUtc
};

/// Validates SignedToken JWTs by PROTOCOL.md's rules ("Every call: the SignedToken header").
/// Construct on any thread; validate() is const and may run on many threads at once.
class TokenValidator final
{
public:
    explicit TokenValidator(TokenValidatorConfig config);

    TokenValidationResult validate(QByteArrayView compactJwt, bool requireNonce) const;

    /// Trusted certificates with a usable RSA key (others are skipped with a warning).
    qsizetype usableCertificateCount() const { return m_keys.size(); }

private:
    struct TrustedKey
    {
        RsaPublicKey key;
        QString thumbprint; ///< SHA-1, upper-case hex: what kid carries
        QByteArray x5t;     ///< raw SHA-1: what x5t carries, base64url-encoded
    };

    TokenClaims check(QByteArrayView compactJwt, bool requireNonce) const;
    QString verifySignature(const QJsonObject &header, QByteArrayView signingInput,
                            const QByteArray &signature) const;
    QDateTime now() const;

    QString m_audience;
    QList<TrustedKey> m_keys;
    std::chrono::seconds m_clockSkew;
    std::function<QDateTime()> m_clock;
};

} // namespace ms
