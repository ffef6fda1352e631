#pragma once

// Shared by the HTTP server suites: the server runs in its own QThread (as the endpoint runs
// it), clients are blocking sockets in the test thread that write raw bytes.

#include "service/http/httpserver.h"

#include <QByteArray>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

class QTcpSocket;

namespace mstest {

/// An HttpServer living in a thread of its own. Test thread only.
class ServerThread
{
public:
    ServerThread();
    ~ServerThread();

    /// Creates and starts the server in its thread; false (with the reason logged) on failure.
    bool start(const ms::HttpServerConfig &config, ms::HttpHandler handler);
    quint16 port() const { return m_port; }
    /// Runs `f` in the server's thread and waits for it.
    void run(const std::function<void()> &f);
    /// Server-thread accessors, read through run().
    int openConnections();
    int requestsInFlight();
    void stopListening();
    int drainedCount() const { return m_drained.load(); }

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread; target of run()
    ms::HttpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_drained{0};
};

struct Reply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
};

/// A raw HTTP client over a blocking socket. Test thread only.
class RawClient
{
public:
    /// Plain TCP to 127.0.0.1:port; check connected().
    explicit RawClient(quint16 port);
    /// Takes an already connected (or encrypted) socket.
    explicit RawClient(std::unique_ptr<QTcpSocket> socket);
    ~RawClient();

    bool connected() const;
    bool send(const QByteArray &bytes);
    /// One response (a 100 Continue is a response of its own); nullopt on timeout or close.
    /// `bodyless`: the answer to HEAD, whose Content-Length describes no body.
    std::optional<Reply> readReply(int timeoutMs = 5000, bool bodyless = false);
    /// True when the server closed the connection within the time.
    bool waitForClose(int timeoutMs);
    /// True when nothing at all arrived (and the connection stayed open) for this long.
    bool staysSilent(int timeoutMs);

private:
    bool fill(int timeoutMs);
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

/// "POST <path> HTTP/1.1" with Content-Length and the given body.
QByteArray postRequest(const QByteArray &path, const QByteArray &body,
                       const QByteArray &extraHeaders = {});
QByteArray getRequest(const QByteArray &path, const QByteArray &extraHeaders = {});

/// A handler that answers 200 with the request body, and X-Method / X-Path / X-Target headers.
ms::HttpHandler echoHandler(std::atomic<int> *calls = nullptr);

} // namespace mstest
