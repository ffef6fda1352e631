#pragma once

#include "opensslref.h"
#include "rsapublickey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ms {

/// An RSA private key. Cheap to copy (shares the EVP_PKEY); const use from any thread.
/// Its text forms are secrets: never log them or put them in an error.
class RsaPrivateKey final
{
public:
    RsaPrivateKey() = default;

    /// RSA XML (plain, inside <RSAKeyPair> or any wrapper, pretty-printed), PEM PKCS#1
    /// ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"). Throws ms::Error(Client) with the reason.
    static RsaPrivateKey fromText(QByteArrayView text);
    /// A fresh key; bits from 1024 up. Throws ms::Error.
    static RsaPrivateKey generate(int bits = 2048);

    /// RSASSA-PKCS1-v1_5 with SHA-256. Throws ms::Error(Server) on a null key or failure.
    QByteArray sign(QByteArrayView data) const;
    RsaPublicKey publicKey() const;

    QByteArray toPem() const; ///< PKCS#8 PEM, unencrypted
    QString
    toRsaXml() const; ///< the full private RSA XML as .NET's RSA.ToXmlString(true) writes it
    int bits() const;

    bool isNull() const { return !m_key; }
    EVP_PKEY *handle() const { return m_key.get(); } ///< still owned by this object

private:
    explicit RsaPrivateKey(PKeyRef key) : m_key(std::move(key)) {}
    PKeyRef m_key;
};

} // namespace ms
