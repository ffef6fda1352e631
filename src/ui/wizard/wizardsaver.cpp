#include "wizardsaver.h"

#include "service/common/error.h"
#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
// Translated in the context ms::ui::WizardSaver; the macro lets lupdate see that context (a free
// WizardSaverText::tr() wrapper filed its strings under the namespace, where the running program
// never looked).
class WizardSaverText
{
    Q_DECLARE_TR_FUNCTIONS(ms::ui::WizardSaver)
};

QString secretRef(const WizardState &state, const char *entry, const QString &file)
{
    return state.keyStorage() == KeyStorage::File
               ? SecretStore::fileRef(QFileInfo(file).absoluteFilePath())
               : SecretStore::keychainRef(QLatin1StringView(entry));
}

void storeSecret(const QString &ref, const QByteArray &data, const QString &what,
                 QStringList &written)
{
    const SecretStore::Result result = SecretStore::write(ref, data);
    if (!result.ok)
        throw serverError(WizardSaverText::tr("Cannot store the %1 %2: %3")
                              .arg(what, SecretStore::describe(ref), result.error));
    written.append(
        WizardSaverText::tr("The %1 is stored %2.").arg(what, SecretStore::describe(ref)));
}

QString writePublicFile(const QString &name, const QByteArray &pem, const QString &what,
                        QStringList &written)
{
    const QString path = configurationDirectory() + u'/' + name;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit())
        throw serverError(WizardSaverText::tr("Cannot write the %1 to %2: %3")
                              .arg(what, path, file.errorString()));
    written.append(WizardSaverText::tr("The %1 is saved in %2.").arg(what, path));
    return path;
}
} // namespace

QString configurationDirectory()
{
    AppSettings settings;
    return QFileInfo(settings.raw().fileName()).absolutePath();
}

SaveReport saveSetup(const WizardState &state)
{
    SaveReport report;
    try {
        if (state.keyStorage() == KeyStorage::Undecided)
            throw clientError(WizardSaverText::tr("Choose where the private keys are kept."));
        if (!QDir().mkpath(configurationDirectory()))
            throw serverError(WizardSaverText::tr("Cannot create the directory %1.")
                                  .arg(configurationDirectory()));

        const QString keyRef = secretRef(state, ApplicationKeyEntry, state.applicationKeyFile());
        storeSecret(keyRef, state.applicationKey().toPem(),
                    WizardSaverText::tr("application private key"), report.written);
        const TlsMaterial tls = state.tls();
        QString tlsKeyRef;
        if (!tls.isNull()) {
            tlsKeyRef = secretRef(state, TlsKeyEntry, state.tlsKeyFile());
            storeSecret(tlsKeyRef, tls.privateKeyPem, WizardSaverText::tr("TLS private key"),
                        report.written);
        }

        const QString certificatePath =
            writePublicFile(u"superoffice-%1.crt"_s.arg(environmentKey(state.environment())),
                            state.superOfficeCertificate().toPem(),
                            WizardSaverText::tr("SuperOffice certificate"), report.written);
        const QString tlsCertificatePath =
            tls.isNull() ? QString()
                         : writePublicFile(u"endpoint-tls.crt"_s, tls.certificatePem(),
                                           WizardSaverText::tr("endpoint's TLS certificate"),
                                           report.written);

        AppSettings settings;
        const QString previousTlsKeyRef = settings.tlsKeyRef();
        settings.setEnvironment(environmentKey(state.environment()));
        settings.setApplicationId(state.applicationId());
        settings.setSuperOfficeCertificates({certificatePath});
        settings.setApplicationKeyRef(keyRef);
        settings.setApplicationKeyFingerprint(state.applicationKey().publicKey().fingerprint());
        settings.setListenAddress(state.listenAddress());
        settings.setTlsCertificate(tlsCertificatePath);
        settings.setTlsKeyRef(tlsKeyRef);
        settings.setSetupCompleted(true);
        settings.raw().sync();
        if (settings.raw().status() != QSettings::NoError)
            throw serverError(WizardSaverText::tr("Cannot write the settings file %1.")
                                  .arg(settings.raw().fileName()));
        report.written.append(
            WizardSaverText::tr("The settings are saved in %1.").arg(settings.raw().fileName()));

        // A TLS key this wizard once put in the keychain is no secret anyone needs any more.
        if (tlsKeyRef.isEmpty() &&
            previousTlsKeyRef == SecretStore::keychainRef(QLatin1StringView(TlsKeyEntry)))
            SecretStore::remove(previousTlsKeyRef);
        report.ok = true;
    } catch (const ms::Error &e) {
        report.error = e.message();
    }
    return report;
}

} // namespace ms::ui
