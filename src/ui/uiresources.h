#pragma once

#include "service/state/event.h"

#include <QIcon>
#include <QString>

namespace ms::ui {

/// Registers the compiled-in icons and translations (the static library's resources). Call once
/// before the first icon() or translation lookup; idempotent. GUI thread.
void initResources();

/// The action icon :/icons/<name>.svg (a null icon for an unknown name).
QIcon icon(const QString &name);
QIcon appIcon();
QIcon severityIcon(Severity severity);

} // namespace ms::ui
