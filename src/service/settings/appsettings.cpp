#include "appsettings.h"

#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace ms {

AppSettings::AppSettings() : m_settings(u"MirrorScope"_s, u"MirrorScope"_s) {}

QString AppSettings::dataDirectory() const
{
    const QString saved = m_settings.value(u"endpoint/dataDirectory"_s).toString();
    if (!saved.isEmpty())
        return saved;
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + u"/MirrorScope"_s;
}

void AppSettings::setDataDirectory(const QString &dir)
{
    m_settings.setValue(u"endpoint/dataDirectory"_s, dir);
}

QString AppSettings::database() const
{
    return m_settings.value(u"endpoint/database"_s).toString();
}

void AppSettings::setDatabase(const QString &spec)
{
    m_settings.setValue(u"endpoint/database"_s, spec);
}

QString AppSettings::listenAddress() const
{
    return m_settings.value(u"endpoint/listen"_s, u"127.0.0.1:8080"_s).toString();
}

void AppSettings::setListenAddress(const QString &hostPort)
{
    m_settings.setValue(u"endpoint/listen"_s, hostPort);
}

QString AppSettings::environment() const
{
    return m_settings.value(u"auth/environment"_s, u"development"_s).toString();
}

void AppSettings::setEnvironment(const QString &environment)
{
    m_settings.setValue(u"auth/environment"_s, environment);
}

QString AppSettings::applicationId() const
{
    return m_settings.value(u"auth/applicationId"_s).toString();
}

void AppSettings::setApplicationId(const QString &id)
{
    m_settings.setValue(u"auth/applicationId"_s, id);
}

QStringList AppSettings::superOfficeCertificates() const
{
    return m_settings.value(u"auth/superOfficeCertificates"_s).toStringList();
}

void AppSettings::setSuperOfficeCertificates(const QStringList &paths)
{
    m_settings.setValue(u"auth/superOfficeCertificates"_s, paths);
}

QString AppSettings::applicationKeyRef() const
{
    return m_settings.value(u"auth/applicationKey"_s).toString();
}

void AppSettings::setApplicationKeyRef(const QString &ref)
{
    m_settings.setValue(u"auth/applicationKey"_s, ref);
}

QString AppSettings::applicationKeyFingerprint() const
{
    return m_settings.value(u"auth/applicationKeyFingerprint"_s).toString();
}

void AppSettings::setApplicationKeyFingerprint(const QString &fingerprint)
{
    m_settings.setValue(u"auth/applicationKeyFingerprint"_s, fingerprint);
}

QString AppSettings::tlsCertificate() const
{
    return m_settings.value(u"tls/certificate"_s).toString();
}

void AppSettings::setTlsCertificate(const QString &path)
{
    m_settings.setValue(u"tls/certificate"_s, path);
}

QString AppSettings::tlsKeyRef() const
{
    return m_settings.value(u"tls/key"_s).toString();
}

void AppSettings::setTlsKeyRef(const QString &ref)
{
    m_settings.setValue(u"tls/key"_s, ref);
}

QString AppSettings::language() const
{
    return m_settings.value(u"ui/language"_s).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(u"ui/language"_s, language);
}

bool AppSettings::setupCompleted() const
{
    return m_settings.value(u"setup/completed"_s, false).toBool();
}

void AppSettings::setSetupCompleted(bool done)
{
    m_settings.setValue(u"setup/completed"_s, done);
}

} // namespace ms
