#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ms::ui {

/// SuperOffice's three environments; each signs tokens with its own certificate.
enum class Environment { Development, Stage, Production };

QList<Environment> allEnvironments();
/// The word AppSettings stores: "development", "stage" or "production".
QString environmentKey(Environment environment);
std::optional<Environment> environmentFromKey(const QString &key);
/// For people, translated: "SOD (development)", "Stage", "Production".
QString environmentTitle(Environment environment);
/// SHA-1 thumbprint of SuperOffice's federated-login certificate (issue #6), upper-case hex.
QString knownThumbprint(Environment environment);

} // namespace ms::ui
