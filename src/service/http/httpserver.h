#pragma once

#include "httphandler.h"
#include "httpserverconfig.h"

#include <QObject>

#include <memory>
#include <unordered_set>

class QTcpServer;

namespace ms {

class HttpConnection;

/// The HTTP/1.1 (optionally TLS) server the endpoint embeds. Lives in, and must be used from,
/// the thread that created it; the handler is called in that thread and may answer later from
/// any thread. Owns its connections.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)
public:
    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    /// Used for connections accepted afterwards: set it before listen().
    void setHandler(HttpHandler handler);
    /// False (and a reason a person can act on in *errorMessage, if given) when the address
    /// cannot be bound or the server is already listening.
    bool listen(const HttpServerConfig &config, QString *errorMessage);
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    bool isListening() const;
    /// No new connections; requests in flight still get answers (with Connection: close),
    /// idle keep-alive connections are closed.
    void stopListening();

    int openConnections() const;
    /// Requests handed to the handler and not yet answered (or whose connection closed first).
    int requestsInFlight() const;

Q_SIGNALS:
    /// requestsInFlight() dropped to 0. Delete the server from here only with deleteLater().
    void requestsDrained();

private:
    void acceptPending();
    void onConnectionClosed(HttpConnection *connection);
    void onRequestFinished();

    std::unique_ptr<QTcpServer> m_server;
    std::shared_ptr<const HttpServerConfig> m_config;
    std::shared_ptr<const HttpHandler> m_handler;
    std::unordered_set<HttpConnection *> m_connections; // not QObject children: O(1) removal
    int m_requestsInFlight = 0;
    bool m_acceptPaused = false;
};

} // namespace ms
