#pragma once

#include "httphandler.h"
#include "httpserverconfig.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <http_parser.h>

#include <memory>

class QTcpSocket;

namespace ms {

class HttpConnectionLink;

/// One client connection of HttpServer: parses requests with http_parser, hands them to the
/// handler one at a time and writes the answers in order. Lives in the server's thread; owns
/// its socket. Emits closed() once, after which the server deletes it.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)
public:
    HttpConnection(QTcpSocket *socket, std::shared_ptr<const HttpServerConfig> config,
                   std::shared_ptr<const HttpHandler> handler, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Starts reading. Separate from the constructor so the server can connect signals first.
    void start();
    /// Graceful shutdown: close now if idle, else after the request being read or handled.
    void closeWhenIdle();
    /// Server thread (queued through HttpConnectionLink): the answer to request `sequence`.
    void deliverResponse(quint64 sequence, HttpResponse response);

Q_SIGNALS:
    void requestStarted();  ///< a request went to the handler
    void requestFinished(); ///< it was answered, or its connection closed first
    void closed();

private:
    enum class Phase { Head, Body, Handling, Idle, Closing, Closed };

    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onChunkHeader(http_parser *parser);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings s_settings;

    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void onDisconnected();

    void processInput();
    bool checkHead(); // false: the request was refused and the connection is closing
    void dispatch();
    void reject(int status, QByteArray reason);
    void enterIdle();
    void beginClose();
    void shutdownWrite();
    void armTimer(std::chrono::milliseconds timeout);

    QTcpSocket *m_socket;
    std::shared_ptr<const HttpServerConfig> m_config;
    std::shared_ptr<const HttpHandler> m_handler;
    std::shared_ptr<HttpConnectionLink> m_link;
    QTimer m_timer;
    QElapsedTimer m_activity; // last body byte read or response byte written
    http_parser m_parser{};

    Phase m_phase = Phase::Head;
    QByteArray m_pending; // read from the socket, not yet consumed by the parser
    HttpRequest m_request;
    bool m_lastCallbackWasValue = false;
    bool m_headComplete = false;
    bool m_messageComplete = false;
    qint64 m_headBytes = 0;
    int m_rejectStatus = 0; // set by a callback that stops the parser
    QByteArray m_rejectReason;

    quint64 m_sequence = 0;
    bool m_inFlight = false;
    bool m_keepAlive = true;
    bool m_http10KeepAlive = false;
    bool m_headRequest = false;
    bool m_closeWhenIdle = false;
    bool m_writeShut = false;
};

} // namespace ms
