#pragma once

// `mirrorscope` child processes with a private configuration directory, and an Authenticate
// round trip against a `serve` child, for the tests that restart the application.

#include "service/auth/applicationtoken.h"
#include "service/auth/tokenminter.h"
#include "service/selftest/authenticateexchange.h"
#include "service/soap/soaprequestwriter.h"
#include "service/soap/soapresponsereader.h"

#include <QDirIterator>
#include <QProcess>
#include <QProcessEnvironment>
#include <QUrl>

namespace wizardtest {

using namespace Qt::Literals::StringLiterals;

struct ProcessResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

inline QProcessEnvironment environmentWithConfig(const QString &configHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, configHome);
    return environment;
}

inline ProcessResult runMirrorscope(const QString &configHome, const QStringList &arguments,
                                    const QString &dbusAddress = {})
{
    QProcess process;
    QProcessEnvironment environment = environmentWithConfig(configHome);
    if (!dbusAddress.isEmpty())
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, dbusAddress);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(MIRRORSCOPE_BINARY), arguments);
    ProcessResult result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.err = u"timed out"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

/// `mirrorscope serve` on a free port with only the saved settings; stopped on destruction.
class ServeChild
{
public:
    ServeChild(const QString &configHome, const QString &dataDir, const QStringList &extra = {})
    {
        m_process.setProcessEnvironment(environmentWithConfig(configHome));
        m_process.start(
            QStringLiteral(MIRRORSCOPE_BINARY),
            QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir} +
                extra);
        if (!m_process.waitForStarted(10000))
            return;
        while (!m_process.canReadLine() && m_process.waitForReadyRead(30000)) {
        }
        m_line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (m_line.startsWith(u"listening on "_s))
            m_url = QUrl(m_line.mid(13));
        else
            m_line += QString::fromUtf8(m_process.readAllStandardError());
    }
    ~ServeChild()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(15000))
                m_process.kill();
        }
    }
    QUrl url() const { return m_url; }
    QString line() const { return m_line; }

private:
    QProcess m_process;
    QString m_line;
    QUrl m_url;
};

/// Plays SuperOffice against url with signingKey; "" when the endpoint answered with a
/// SignedApplicationToken that verifies with applicationPublicKey, else what went wrong.
inline QString authenticateRoundTrip(const QUrl &url, const ms::RsaPrivateKey &signingKey,
                                     const QString &applicationId,
                                     const ms::RsaPublicKey &applicationPublicKey)
{
    ms::TokenMintOptions mint;
    mint.tenant = u"WizardTest"_s;
    mint.applicationId = applicationId;
    mint.nonce = ms::randomNonce();
    const QByteArray envelope =
        ms::writeAuthenticateRequest(QString::fromLatin1(ms::mintToken(signingKey, mint)), {});
    const auto exchange =
        ms::postAuthenticate(url, envelope, QSslCertificate(), std::chrono::seconds(30));
    if (!exchange.transportOk)
        return exchange.transportError;
    const auto response = ms::readAuthenticateResponse(exchange.body);
    if (!response.isSuccessful)
        return u"refused: "_s + response.errorMessage;
    const auto check = ms::verifyApplicationToken(applicationPublicKey, mint.nonce,
                                                  response.signedApplicationToken,
                                                  QDateTime::currentDateTimeUtc());
    return check.ok ? QString() : check.error;
}

/// Files under dir whose bytes contain any of needles (empty needles are ignored).
inline QStringList filesContaining(const QString &dir, const QList<QByteArray> &needles)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &needle : needles) {
            if (!needle.isEmpty() && content.contains(needle))
                hits.append(path);
        }
    }
    return hits;
}

/// What identifies a private key in any file: its modulus (base64, as in RSA XML and in the
/// settings if someone put the key there) and a line from the middle of its PEM body.
inline QList<QByteArray> keyMaterialNeedles(const ms::RsaPrivateKey &key)
{
    const QList<QByteArray> pemLines = key.toPem().split('\n');
    return {key.publicKey().modulusBase64(), key.publicKey().modulusBase64().left(64),
            pemLines.value(pemLines.size() / 2)};
}

} // namespace wizardtest
