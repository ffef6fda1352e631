#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>

// What `serve` and the window both need to turn saved settings into a running endpoint.
// Any thread except readSecret (QtKeychain: the thread that runs the event loop). Each throws
// ms::Error(Client) with a message that names the file or reference and what it was for.
namespace ms::cli {

QByteArray readCredentialFile(const QString &path, const QString &what);
/// A "keychain:<entry>" or "file:<path>" reference (SecretStore).
QByteArray readSecret(const QString &ref, const QString &what);
/// A TLS server configuration from a PEM certificate chain and an unencrypted PEM RSA/EC key.
QSslConfiguration serverTlsConfiguration(const QByteArray &certPem, const QByteArray &keyPem);

} // namespace ms::cli
