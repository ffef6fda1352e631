#pragma once

#include <QHostAddress>
#include <QSslConfiguration>

#include <chrono>
#include <optional>

namespace ms {

/// How HttpServer listens and what it tolerates from clients. A plain value.
struct HttpServerConfig
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;                      ///< 0 = pick a free port
    qint64 maxBodySize = 64 * 1024 * 1024; ///< decoded bytes; exactly this is served, +1 is 413
    std::chrono::milliseconds headerTimeout{10000};    ///< whole request head (and TLS handshake)
    std::chrono::milliseconds bodyIdleTimeout{30000};  ///< no body byte this long: 408 and close
    std::chrono::milliseconds keepAliveTimeout{60000}; ///< idle keep-alive connection closed
    int maxConnections = 20000;
    std::optional<QSslConfiguration> tls; ///< set: HTTPS via QSslServer
};

} // namespace ms
