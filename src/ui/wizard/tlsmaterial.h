#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

namespace ms::ui {

/// The endpoint's HTTPS identity: a certificate chain (leaf first) and its private key as
/// unencrypted PEM. The key is a secret: never log it or put it in settings. A plain value.
struct TlsMaterial
{
    QList<QSslCertificate> chain;
    QByteArray privateKeyPem;

    bool isNull() const { return chain.isEmpty() || privateKeyPem.isEmpty(); }
    QByteArray certificatePem() const; ///< the whole chain
    QString sha256Fingerprint() const; ///< of the leaf certificate; upper-case hex
    /// A server configuration presenting the chain with the key. Throws ms::Error(Client).
    QSslConfiguration serverConfiguration() const;
};

// All functions: any thread; they throw ms::Error(Client) with a reason a person can act on.

/// A fresh RSA 2048 key and a self-signed certificate for hostName with the subject alternative
/// names localhost, hostName (when it is a valid DNS name), 127.0.0.1 and ::1.
TlsMaterial generateSelfSignedTls(const QString &hostName);
/// A PEM certificate (chain) and its PEM private key; refuses a key that is not the
/// certificate's, and an encrypted key.
TlsMaterial tlsFromPem(const QByteArray &certificatePem, const QByteArray &keyPem);
/// A PKCS#12 (.p12/.pfx) bundle with its passphrase.
TlsMaterial tlsFromPkcs12(const QByteArray &data, const QString &passphrase);
/// .p12/.pfx files go to tlsFromPkcs12 (keyPath unused); anything else to tlsFromPem.
TlsMaterial loadTlsFiles(const QString &certificatePath, const QString &keyPath,
                         const QString &passphrase);
bool isPkcs12Path(const QString &path);

} // namespace ms::ui
