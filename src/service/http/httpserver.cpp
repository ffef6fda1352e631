#include "httpserver.h"

#include "httpconnection.h"
#include "service/common/logging.h"

#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

// Many clients connect at once when a cycle starts; the kernel caps this at somaxconn anyway.
constexpr int kListenBacklog = 1024;

} // namespace

HttpServer::HttpServer(QObject *parent) : QObject(parent) {}

HttpServer::~HttpServer()
{
    for (HttpConnection *connection : m_connections) {
        connection->disconnect(this);
        delete connection;
    }
}

void HttpServer::setHandler(HttpHandler handler)
{
    m_handler = std::make_shared<const HttpHandler>(std::move(handler));
}

bool HttpServer::listen(const HttpServerConfig &config, QString *errorMessage)
{
    auto fail = [errorMessage](QString message) {
        qCWarning(lcHttp).noquote() << message;
        if (errorMessage)
            *errorMessage = std::move(message);
        return false;
    };
    if (isListening())
        return fail(u"The HTTP server is already listening on port %1."_s.arg(serverPort()));
    if (config.maxBodySize < 0 || config.maxConnections <= 0)
        return fail(u"The HTTP server limits must be positive."_s);

    std::unique_ptr<QTcpServer> server;
    if (config.tls) {
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(*config.tls);
        // A client that never finishes the handshake is a slowloris too.
        sslServer->setHandshakeTimeout(int(config.headerTimeout.count()));
        connect(sslServer.get(), &QSslServer::errorOccurred, this,
                [](QSslSocket *socket, QAbstractSocket::SocketError) {
                    qCDebug(lcHttp) << "TLS connection from" << socket->peerAddress()
                                    << "failed:" << socket->errorString();
                });
        server = std::move(sslServer);
    } else {
        server = std::make_unique<QTcpServer>();
    }
    server->setMaxPendingConnections(config.maxConnections);
    server->setListenBacklogSize(kListenBacklog);
    connect(server.get(), &QTcpServer::pendingConnectionAvailable, this,
            &HttpServer::acceptPending);
    if (!server->listen(config.address, config.port)) {
        return fail(u"Cannot listen on %1 port %2: %3"_s.arg(config.address.toString())
                        .arg(config.port)
                        .arg(server->errorString()));
    }
    m_config = std::make_shared<const HttpServerConfig>(config);
    m_server = std::move(server);
    m_acceptPaused = false;
    qCInfo(lcHttp).noquote() << u"Listening on %1 port %2 (%3)"_s.arg(serverAddress().toString())
                                    .arg(serverPort())
                                    .arg(config.tls ? u"https"_s : u"http"_s);
    return true;
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress HttpServer::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

void HttpServer::stopListening()
{
    if (!m_server)
        return;
    m_server->close();
    m_server.reset();
    // Copy: closing an idle connection may emit closed() and erase it from the set at once.
    const std::vector<HttpConnection *> connections(m_connections.begin(), m_connections.end());
    for (HttpConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->closeWhenIdle();
    }
}

int HttpServer::openConnections() const
{
    return int(m_connections.size());
}

int HttpServer::requestsInFlight() const
{
    return m_requestsInFlight;
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        if (int(m_connections.size()) >= m_config->maxConnections) {
            // Leave the rest in the kernel's queue until a connection closes.
            m_server->pauseAccepting();
            m_acceptPaused = true;
            return;
        }
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            return;
        auto *connection = new HttpConnection(socket, m_config, m_handler);
        m_connections.insert(connection);
        connect(connection, &HttpConnection::requestStarted, this,
                [this] { ++m_requestsInFlight; });
        connect(connection, &HttpConnection::requestFinished, this, &HttpServer::onRequestFinished);
        connect(connection, &HttpConnection::closed, this,
                [this, connection] { onConnectionClosed(connection); });
        connection->start();
    }
}

void HttpServer::onConnectionClosed(HttpConnection *connection)
{
    if (m_connections.erase(connection) == 0)
        return;
    connection->disconnect(this);
    connection->deleteLater();
    if (m_acceptPaused && m_server && int(m_connections.size()) < m_config->maxConnections) {
        m_acceptPaused = false;
        m_server->resumeAccepting();
        acceptPending();
    }
}

void HttpServer::onRequestFinished()
{
    if (--m_requestsInFlight == 0)
        Q_EMIT requestsDrained();
}

} // namespace ms
