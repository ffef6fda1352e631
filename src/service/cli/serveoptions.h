#pragma once

#include "service/endpoint/endpointconfig.h"
#include "service/http/httpserver.h"
#include "service/store/databasetarget.h"

#include <QCommandLineParser>

namespace ms::cli {

/// Everything `serve` needs, resolved from flags first and the saved settings and keychain
/// second (what the setup wizard saved).
struct ServeOptions
{
    QString dataDir;
    DatabaseTarget database; ///< --database or the saved setting; SQLite in dataDir by default
    QString listenText;      ///< as given, for messages
    HttpServerConfig http;
    EndpointConfig endpoint;
};

void addServeOptions(QCommandLineParser &parser);
/// Throws ms::Error(Client) naming the flag or setting that is missing or wrong.
ServeOptions resolveServeOptions(const QCommandLineParser &parser);

/// "127.0.0.1:8080", "[::1]:0", "localhost:8080", "0.0.0.0:8080"; throws ms::Error(Client).
std::pair<QHostAddress, quint16> parseListenAddress(const QString &hostPort);

} // namespace ms::cli
