#pragma once

#include "environment.h"
#include "tlsmaterial.h"

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"
#include "service/selftest/selftest.h"

#include <QString>

namespace ms {
class AppSettings;
}

namespace ms::ui {

/// Where the private keys go: the OS keychain, or files the user named explicitly.
enum class KeyStorage { Undecided, Keychain, File };

enum class TlsMode { PlainHttp, GeneratedSelfSigned, Imported };

/// What the wizard's pages have chosen so far, with typed accessors. A plain value: the wizard
/// owns one and its pages edit it (GUI thread); the saver works on a copy.
class WizardState final
{
public:
    /// Starts from the saved settings (environment, application id, listen address).
    void loadFrom(const AppSettings &settings);

    Environment environment() const { return m_environment; }
    void setEnvironment(Environment environment) { m_environment = environment; }

    QString applicationId() const { return m_applicationId; }
    void setApplicationId(const QString &id) { m_applicationId = id.trimmed(); }

    Certificate superOfficeCertificate() const { return m_superOfficeCertificate; }
    void setSuperOfficeCertificate(const Certificate &certificate)
    {
        m_superOfficeCertificate = certificate;
    }

    RsaPrivateKey applicationKey() const { return m_applicationKey; }
    void setApplicationKey(const RsaPrivateKey &key) { m_applicationKey = key; }
    /// The public key registered in the developer portal, when the user gave it; else null.
    RsaPublicKey registeredPublicKey() const { return m_registeredPublicKey; }
    void setRegisteredPublicKey(const RsaPublicKey &key) { m_registeredPublicKey = key; }

    KeyStorage keyStorage() const { return m_keyStorage; }
    void setKeyStorage(KeyStorage storage) { m_keyStorage = storage; }
    /// With KeyStorage::File: where the application key goes (0600).
    QString applicationKeyFile() const { return m_applicationKeyFile; }
    void setApplicationKeyFile(const QString &path) { m_applicationKeyFile = path; }
    /// With KeyStorage::File and TLS: where the TLS key goes (0600).
    QString tlsKeyFile() const { return m_tlsKeyFile; }
    void setTlsKeyFile(const QString &path) { m_tlsKeyFile = path; }

    QString listenAddress() const { return m_listenAddress; }
    void setListenAddress(const QString &hostPort) { m_listenAddress = hostPort.trimmed(); }
    TlsMode tlsMode() const { return m_tlsMode; }
    void setTlsMode(TlsMode mode) { m_tlsMode = mode; }
    /// The chosen HTTPS identity; null for plain HTTP or while none is ready.
    TlsMaterial tls() const { return m_tlsMode == TlsMode::PlainHttp ? TlsMaterial() : m_tls; }
    void setTls(const TlsMaterial &material) { m_tls = material; }

    /// The self-test of exactly these choices. Throws ms::Error(Client) if the TLS key is unusable.
    SelfTestConfig selfTestConfig() const;

private:
    Environment m_environment = Environment::Development;
    QString m_applicationId;
    Certificate m_superOfficeCertificate;
    RsaPrivateKey m_applicationKey;
    RsaPublicKey m_registeredPublicKey;
    KeyStorage m_keyStorage = KeyStorage::Undecided;
    QString m_applicationKeyFile;
    QString m_tlsKeyFile;
    QString m_listenAddress = QStringLiteral("127.0.0.1:8080");
    TlsMode m_tlsMode = TlsMode::PlainHttp;
    TlsMaterial m_tls;
};

} // namespace ms::ui
