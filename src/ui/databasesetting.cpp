#include "databasesetting.h"

#include "service/common/error.h"
#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {
namespace {

// The settings key of the keychain reference ("keychain:database-password"); never the secret.
const QString PasswordRefKey = u"databasePasswordRef"_s;

// Translated in the context ms::ui::DatabaseSetting; the macro lets lupdate see that context (a
// free DatabaseSettingText::tr() wrapper filed its strings under the namespace, where the running
// program never looked).
class DatabaseSettingText
{
    Q_DECLARE_TR_FUNCTIONS(ms::ui::DatabaseSetting)
};

} // namespace

QString DatabaseSetting::savedSpec()
{
    return AppSettings().database();
}

bool DatabaseSetting::hasSavedPassword()
{
    return !AppSettings().raw().value(PasswordRefKey).toString().isEmpty();
}

DatabaseTarget DatabaseSetting::load(const QString &dataDir, QString *problem)
{
    AppSettings settings;
    try {
        DatabaseTarget target = DatabaseTarget::parse(settings.database(), dataDir);
        const QString ref = settings.raw().value(PasswordRefKey).toString();
        if (target.kind != DatabaseTarget::Kind::Sqlite && target.password.isEmpty() &&
            !ref.isEmpty()) {
            const SecretStore::Result secret = SecretStore::read(ref);
            if (secret.ok)
                target.password = QString::fromUtf8(secret.data);
            else if (problem)
                *problem = DatabaseSettingText::tr(
                               "The database password could not be read from the keychain: %1")
                               .arg(secret.error);
        }
        return target;
    } catch (const Error &error) {
        if (problem)
            *problem = DatabaseSettingText::tr(
                           "The saved database setting is not usable (%1); the window uses the "
                           "embedded SQLite files instead.")
                           .arg(error.message());
        return DatabaseTarget::parse({}, dataDir);
    }
}

bool DatabaseSetting::save(const QString &spec, const QString &password, QString *error)
{
    const QString trimmed = spec.trimmed();
    DatabaseTarget target;
    try {
        target = DatabaseTarget::parse(trimmed, u"."_s);
    } catch (const Error &e) {
        if (error)
            *error = e.message();
        return false;
    }
    AppSettings settings;
    QString secret = password;
    QString stored;
    if (target.kind != DatabaseTarget::Kind::Sqlite) {
        // The settings file never holds the password: one typed into the URL goes to the
        // keychain like the one in the password field.
        QUrl url(trimmed);
        if (secret.isEmpty())
            secret = url.password(QUrl::FullyDecoded);
        url.setPassword({});
        stored = url.toString();
    }
    const QString ref = SecretStore::keychainRef(QString::fromLatin1(PasswordEntry));
    if (!secret.isEmpty()) {
        const SecretStore::Result written = SecretStore::write(ref, secret.toUtf8());
        if (!written.ok) {
            if (error)
                *error = DatabaseSettingText::tr("The keychain did not take the password: %1")
                             .arg(written.error);
            return false;
        }
        settings.raw().setValue(PasswordRefKey, ref);
    } else if (target.kind == DatabaseTarget::Kind::Sqlite) {
        SecretStore::remove(ref);
        settings.raw().remove(PasswordRefKey);
    }
    settings.setDatabase(stored);
    return true;
}

} // namespace ms::ui
