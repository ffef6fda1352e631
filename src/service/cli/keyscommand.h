#pragma once

#include <QStringList>

namespace ms::cli {

/// `mirrorscope keys import-app-key FILE [--key-file PATH]`,
/// `mirrorscope keys generate-app-key --public-out FILE [--key-file PATH]`,
/// `mirrorscope keys show`. Private keys go to the OS keychain (or, only with --key-file, to a
/// 0600 file the user names); settings keep the reference and the fingerprint.
int runKeysCommand(const QStringList &arguments);

} // namespace ms::cli
