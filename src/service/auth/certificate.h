#pragma once

#include "opensslref.h"
#include "rsapublickey.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ms {

class RsaPrivateKey;

/// An X.509 certificate. Cheap to copy (shares the X509); const use from any thread.
class Certificate final
{
public:
    Certificate() = default;

    /// PEM (the first CERTIFICATE block) or DER. Throws ms::Error(Client) with the reason.
    static Certificate fromData(QByteArrayView pemOrDer);
    /// Throws ms::Error(Client); the message names the file.
    static Certificate fromFile(const QString &path);
    /// Self-signed, SHA-256, serverAuth, with the names as subjectAltName entries.
    /// Throws ms::Error(Client) for an empty name, a malformed IP address or days < 1.
    static Certificate createSelfSigned(const RsaPrivateKey &key, const QString &commonName,
                                        const QStringList &dnsNames, const QStringList &ipAddresses,
                                        int days);

    QString subject() const; ///< RFC 2253 order ("CN=...,O=...,C=NO"), UTF-8
    QString issuer() const;
    QString commonName() const;
    QDateTime notBefore() const;                   ///< UTC
    QDateTime notAfter() const;                    ///< UTC
    bool isExpiredAt(const QDateTime &time) const; ///< time is after notAfter
    bool isValidAt(const QDateTime &time) const;   ///< notBefore <= time <= notAfter
    QStringList dnsNames() const;                  ///< subjectAltName DNS entries
    QStringList ipAddresses() const; ///< subjectAltName IP entries, in QHostAddress text form

    QString sha1Thumbprint() const;    ///< upper-case hex, no separators (as SuperOffice writes it)
    QString sha256Fingerprint() const; ///< of the DER certificate; upper-case hex, no separators
    RsaPublicKey publicKey() const;    ///< throws ms::Error(Client) if the key is not RSA

    QByteArray toPem() const;
    QByteArray toDer() const;
    bool isNull() const { return !m_cert; }
    X509 *handle() const { return m_cert.get(); } ///< still owned by this object

    bool operator==(const Certificate &other) const;

private:
    explicit Certificate(X509Ref cert) : m_cert(std::move(cert)) {}
    X509Ref m_cert;
};

} // namespace ms
