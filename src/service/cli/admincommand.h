#pragma once

#include <QStringList>

namespace ms::cli {

/// `mirrorscope invalidate|repopulate|pause|resume|delete --data-dir DIR --tenant CTX [--table T
/// ...]`
int runAdminCommand(const QStringList &arguments);

} // namespace ms::cli
