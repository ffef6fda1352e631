#include "credentials.h"

#include "service/common/error.h"
#include "service/settings/secretstore.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

QByteArray readCredentialFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw clientError(u"cannot read the %1 %2: %3"_s.arg(what, path, file.errorString()));
    return file.readAll();
}

QByteArray readSecret(const QString &ref, const QString &what)
{
    const SecretStore::Result secret = SecretStore::read(ref);
    if (!secret.ok)
        throw clientError(
            u"cannot load the %1 %2: %3"_s.arg(what, SecretStore::describe(ref), secret.error));
    return secret.data;
}

QSslConfiguration serverTlsConfiguration(const QByteArray &certPem, const QByteArray &keyPem)
{
    const auto chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty())
        throw clientError(u"the TLS certificate is not a PEM certificate"_s);
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        throw clientError(u"the TLS key is not an unencrypted PEM RSA or EC private key"_s);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}
} // namespace ms::cli
