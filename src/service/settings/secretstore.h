#pragma once

#include <QByteArray>
#include <QString>

namespace ms {

/// Private keys in the OS keychain (Secret Service on Linux, through QtKeychain), or — only
/// when the user chose it explicitly — in a file of theirs kept with 0600 permissions.
/// A reference is "keychain:<entry>" or "file:<path>"; settings store only the reference.
/// Blocking calls (they run a local event loop while the keychain answers); not for the GUI
/// thread's hot paths, fine for a wizard step or start-up.
class SecretStore final
{
public:
    static constexpr auto ServiceName = "MirrorScope";

    struct Result
    {
        bool ok = false;
        QByteArray data;
        QString error; ///< a plain reason when !ok
    };

    /// Whether a keychain service answers at all (a write and delete of a probe entry).
    static Result probeKeychain();

    static Result read(const QString &ref);
    /// Stores data under ref; for "file:" refs writes the file with 0600 permissions.
    static Result write(const QString &ref, const QByteArray &data);
    static Result remove(const QString &ref);

    static QString keychainRef(const QString &entry) { return QStringLiteral("keychain:") + entry; }
    static QString fileRef(const QString &path) { return QStringLiteral("file:") + path; }
    /// "in the OS keychain (entry app-key)" / "in the file /path" — never the secret.
    static QString describe(const QString &ref);
};

} // namespace ms
