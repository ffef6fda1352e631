#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace ms {

/// The saved configuration (QSettings, organization "MirrorScope"). Holds references and
/// fingerprints only: private keys live in the OS keychain or in a file the user chose.
/// Not thread-safe; create one where needed (QSettings instances share the same store).
class AppSettings final
{
public:
    AppSettings();
    Q_DISABLE_COPY_MOVE(AppSettings)

    QString dataDirectory() const;
    void setDataDirectory(const QString &dir);

    /// `--database` of serve: a postgresql:// or mssql:// URL; empty = SQLite in the data dir.
    QString database() const;
    void setDatabase(const QString &spec);

    QString listenAddress() const; ///< "127.0.0.1:8080"
    void setListenAddress(const QString &hostPort);

    QString environment() const; ///< "development", "stage" or "production"
    void setEnvironment(const QString &environment);

    QString applicationId() const;
    void setApplicationId(const QString &id);

    QStringList superOfficeCertificates() const; ///< PEM/DER file paths
    void setSuperOfficeCertificates(const QStringList &paths);

    /// Where the application private key is: "keychain:<entry>" or "file:<path>".
    QString applicationKeyRef() const;
    void setApplicationKeyRef(const QString &ref);
    QString applicationKeyFingerprint() const;
    void setApplicationKeyFingerprint(const QString &fingerprint);

    QString tlsCertificate() const; ///< PEM path; empty = plain HTTP
    void setTlsCertificate(const QString &path);
    QString tlsKeyRef() const; ///< "keychain:<entry>" or "file:<path>"
    void setTlsKeyRef(const QString &ref);

    QString language() const; ///< "" = follow the system locale
    void setLanguage(const QString &language);

    bool setupCompleted() const;
    void setSetupCompleted(bool done);

    QSettings &raw() { return m_settings; }

private:
    QSettings m_settings;
};

} // namespace ms
