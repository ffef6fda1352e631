#pragma once

#include "service/store/databasetarget.h"

#include <QString>

namespace ms::ui {

/// The `database` setting as the window keeps it: the spec (the same one serve reads) saved
/// without a password, the password in the OS keychain (SecretStore), never in the settings
/// file. GUI thread (the keychain calls block briefly: start-up and the dialog only).
class DatabaseSetting final
{
public:
    /// The keychain entry of the PostgreSQL password.
    static constexpr auto PasswordEntry = "database-password";

    /// The saved target with its keychain password. A spec that no longer parses gives the
    /// embedded SQLite default and the reason in *problem (for the window to say).
    static DatabaseTarget load(const QString &dataDir, QString *problem);

    /// Saves spec (which must parse; its password, if any, is moved to the keychain) and, when
    /// password is not empty, that password; an empty spec = the embedded SQLite default.
    /// false with *error when the spec does not parse or the keychain refuses.
    static bool save(const QString &spec, const QString &password, QString *error);

    /// The saved spec (never with a password), "" for the embedded SQLite default.
    static QString savedSpec();
    /// Whether a password is kept in the keychain for the saved spec.
    static bool hasSavedPassword();
};

} // namespace ms::ui
