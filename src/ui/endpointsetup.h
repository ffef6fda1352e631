#pragma once

#include "service/endpoint/endpointconfig.h"
#include "service/http/httpserverconfig.h"

#include <QString>

namespace ms {
class AppSettings;
}

namespace ms::ui {

/// Everything the window needs to start its endpoint: where to listen and who it is.
struct EndpointSetup
{
    QString listenText; ///< "127.0.0.1:8080", for messages
    HttpServerConfig http;
    EndpointConfig endpoint;
    /// True when the identity is the session's generated demo identity (no setup yet, or the
    /// saved one could not be loaded): only the in-process demo cycle can authenticate.
    bool demoIdentity = false;
};

/// Reads the saved setup (AppSettings, keys through SecretStore). When setup was never
/// completed, or the saved identity cannot be loaded, falls back to the demo identity and, in
/// the second case, sets *warning to the reason. Throws ms::Error only for a bad listen address.
/// GUI thread (SecretStore runs a local event loop).
EndpointSetup loadEndpointSetup(AppSettings &settings, QString *warning);

/// The demo identity of this session: application id "mirrorscope-demo" and an RSA key generated
/// in memory on first use (never stored), no trusted certificates.
EndpointSetup demoEndpointSetup(const QString &listenText);

} // namespace ms::ui
