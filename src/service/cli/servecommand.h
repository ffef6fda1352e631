#pragma once

#include <QStringList>

namespace ms::cli {

/// `mirrorscope serve --listen HOST:PORT --data-dir DIR --app-id ID --superoffice-cert PATH
/// [--superoffice-cert PATH ...] --app-key PATH [--tls-cert PEM --tls-key PEM] [--max-body BYTES]`
/// Prints exactly one line "listening on URL" when ready; SIGTERM/SIGINT finish the calls in
/// flight and exit 0. arguments[0] is the program, arguments[1] "serve".
int runServeCommand(const QStringList &arguments);

} // namespace ms::cli
