#pragma once

#include <QStringList>

namespace ms::cli {

/// `mirrorscope events --data-dir DIR [--tenant CTX] [--severity S] [--limit N] [--json]`
/// (--json adds each message's code and arguments):
/// prints the event log, newest last.
int runEventsCommand(const QStringList &arguments);

} // namespace ms::cli
