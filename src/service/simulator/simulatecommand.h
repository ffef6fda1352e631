#pragma once

#include <QStringList>

namespace ms {

/// `mirrorscope simulate ...`: plays SuperOffice's Mirroring Task against an endpoint (see
/// --help). arguments as QCoreApplication::arguments() gives them: arguments[0] is the
/// program, arguments[1] may be "simulate" (it is skipped). Progress goes to stderr, the summary
/// to stdout. Returns the exit code: 0 when the cycle (or scenario) succeeded and, with
/// --verify, the mirror matched; 1 on failure or differences; 2 on a usage or input error
/// (missing option, unreadable key, unknown scenario).
/// Main thread, with a QCoreApplication.
int runSimulateCommand(const QStringList &arguments);

} // namespace ms
