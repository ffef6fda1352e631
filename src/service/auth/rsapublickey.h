#pragma once

#include "opensslref.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace ms {

/// An RSA public key. Cheap to copy (shares the EVP_PKEY); const use from any thread.
class RsaPublicKey final
{
public:
    RsaPublicKey() = default;

    /// RSA XML (<RSAKeyValue>), PEM "PUBLIC KEY" or "RSA PUBLIC KEY", or a certificate
    /// (PEM or DER). Throws ms::Error(Client) saying what the text is and what was expected.
    static RsaPublicKey fromText(QByteArrayView text);
    /// Shares key (adds a reference; the caller keeps its own). Throws ms::Error(Client)
    /// unless it is a usable RSA key. A private key is reduced to its public part.
    static RsaPublicKey fromHandle(EVP_PKEY *key);

    /// RSASSA-PKCS1-v1_5 with SHA-256; false for a null key or any failure.
    bool verify(QByteArrayView data, QByteArrayView signature) const;

    QByteArray toPem() const;         ///< SubjectPublicKeyInfo PEM
    QByteArray toDer() const;         ///< SubjectPublicKeyInfo DER
    QString toRsaXml() const;         ///< <RSAKeyValue><Modulus/><Exponent/></RSAKeyValue>
    QString fingerprint() const;      ///< SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex
    QByteArray modulusBase64() const; ///< big-endian, standard base64
    int bits() const;

    bool isNull() const { return !m_key; }
    EVP_PKEY *handle() const { return m_key.get(); } ///< still owned by this object

    bool operator==(const RsaPublicKey &other) const;

private:
    explicit RsaPublicKey(PKeyRef key) : m_key(std::move(key)) {}
    PKeyRef m_key;
};

} // namespace ms
