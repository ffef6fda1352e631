#pragma once

#include "rsaprivatekey.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Makes SuperOffice-style SignedTokens: the simulator and the tests play SuperOffice with it.
namespace ms {

struct TokenMintOptions
{
    QString tenant;        ///< ctx and sub
    QString applicationId; ///< aud becomes spn:<applicationId>
    QString nonce;         ///< empty = no nonce claim
    QDateTime notBefore;   ///< invalid = now
    QDateTime expires;     ///< invalid = notBefore + 6 minutes, as SuperOffice issues them
    QString issuer = QStringLiteral("SuperOffice AS");
    QString keyId;             ///< certificate thumbprint for kid (and x5t); empty = neither
    QJsonObject extraClaims;   ///< merged over the standard claims
    QStringList omittedClaims; ///< removed after merging (tests of missing claims)
};

/// An RS256 compact JWT. Any thread. Throws ms::Error on a null key.
QByteArray mintToken(const RsaPrivateKey &key, const TokenMintOptions &options);

/// header.payload.signature with an RS256 signature, whatever header's alg says (tests
/// use this to forge tokens). Any thread. Throws ms::Error on a null key.
QByteArray signJwt(const RsaPrivateKey &key, const QJsonObject &header, const QJsonObject &payload);

} // namespace ms
