#pragma once

#include "wizardstate.h"

#include <QString>
#include <QStringList>

namespace ms::ui {

struct SaveReport
{
    bool ok = false;
    QString error;       ///< when !ok: what failed; nothing of the settings was changed then
    QStringList written; ///< for a person: what went where (never a secret)
};

/// Keychain entries shared with `mirrorscope keys` (the CLI writes the same entry).
inline constexpr auto ApplicationKeyEntry = "application-key";
inline constexpr auto TlsKeyEntry = "tls-key";

/// The directory of AppSettings' file; certificates (public) are copied there.
QString configurationDirectory();

/// Saves the wizard's result: private keys through SecretStore (keychain or the user's 0600
/// files), certificates as PEM files in configurationDirectory(), then AppSettings with only
/// references and fingerprints, setupCompleted last. Stops at the first failure, before the
/// settings change. Blocking (keychain round trips in a local event loop): call on the thread
/// that uses SecretStore, the GUI thread, never from a pool thread.
SaveReport saveSetup(const WizardState &state);

} // namespace ms::ui
