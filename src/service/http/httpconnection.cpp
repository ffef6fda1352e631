#include "httpconnection.h"

#include "httpconnectionlink.h"
#include "service/common/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace ms {

namespace {

constexpr qint64 kMaxHeadBytes = 64 * 1024;
// Bounds what one connection buffers: the socket stops reading from the kernel (TCP pushes
// back on the client) while a request is with the handler.
constexpr qint64 kReadBufferSize = 256 * 1024;
// A pipelining client that does not read its answers stops being parsed at this much unsent data.
constexpr qint64 kMaxUnsentBytes = 1024 * 1024;
// A declared Content-Length is a claim, not data: never reserve more than this up front.
constexpr qint64 kMaxPreallocation = 1024 * 1024;
// After the last answer, how long a closing connection may take to read it and hang up.
constexpr std::chrono::milliseconds kLingerTimeout{2000};

HttpConnection *connectionOf(http_parser *parser)
{
    return static_cast<HttpConnection *>(parser->data);
}

} // namespace

const http_parser_settings HttpConnection::s_settings = {
    &HttpConnection::onMessageBegin,
    &HttpConnection::onUrl,
    nullptr,
    &HttpConnection::onHeaderField,
    &HttpConnection::onHeaderValue,
    &HttpConnection::onHeadersComplete,
    &HttpConnection::onBody,
    &HttpConnection::onMessageComplete,
    &HttpConnection::onChunkHeader,
    nullptr,
};

HttpConnection::HttpConnection(QTcpSocket *socket, std::shared_ptr<const HttpServerConfig> config,
                               std::shared_ptr<const HttpHandler> handler, QObject *parent)
    : QObject(parent), m_socket(socket), m_config(std::move(config)), m_handler(std::move(handler)),
      m_link(std::make_shared<HttpConnectionLink>(this))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferSize);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        qCDebug(lcHttp) << "connection from" << m_socket->peerAddress()
                        << "failed:" << m_socket->errorString();
    });
}

HttpConnection::~HttpConnection()
{
    m_link->detach();
    // The socket dies with us; its last signals must not reach a half-destroyed connection.
    m_socket->disconnect(this);
}

void HttpConnection::start()
{
    armTimer(m_config->headerTimeout);
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        // Closed before we took it from the queue: there is no disconnected() to wait for.
        QMetaObject::invokeMethod(
            this, [this] { onDisconnected(); }, Qt::QueuedConnection);
        return;
    }
    if (m_socket->bytesAvailable() > 0)
        processInput();
}

void HttpConnection::closeWhenIdle()
{
    m_closeWhenIdle = true;
    if (m_phase == Phase::Idle)
        beginClose();
}

void HttpConnection::onReadyRead()
{
    if (m_phase == Phase::Closing) {
        // Drain what the client still sends, so that closing does not reset the connection
        // and destroy the answer before the client has read it.
        m_socket->readAll();
        return;
    }
    processInput();
}

void HttpConnection::onBytesWritten()
{
    m_activity.restart();
    if (m_socket->bytesToWrite() > 0)
        return;
    if (m_phase == Phase::Closing)
        shutdownWrite();
    else if (m_phase == Phase::Idle)
        processInput(); // parsing may have stopped on kMaxUnsentBytes
}

void HttpConnection::processInput()
{
    while (m_phase == Phase::Head || m_phase == Phase::Body || m_phase == Phase::Idle) {
        if (m_phase == Phase::Idle && m_socket->bytesToWrite() > kMaxUnsentBytes)
            return;
        if (m_pending.isEmpty()) {
            // Ask for what is there: read(max) allocates max bytes first, and a 256 KB
            // allocation per read is an mmap and munmap per readyRead, even for three bytes.
            const qint64 available = qMin(m_socket->bytesAvailable(), kReadBufferSize);
            if (available <= 0)
                return;
            m_pending = m_socket->read(available);
            if (m_pending.isEmpty())
                return;
        }
        const bool inHead = !m_headComplete;
        const bool inBody = m_phase == Phase::Body;
        const size_t consumed = http_parser_execute(&m_parser, &s_settings, m_pending.constData(),
                                                    size_t(m_pending.size()));
        m_pending.remove(0, qsizetype(consumed));
        // The parser pauses at the end of the head, so these bytes are all head bytes.
        if (inHead)
            m_headBytes += qint64(consumed);
        if (inBody && consumed > 0)
            m_activity.restart();

        const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
        if (error == HPE_PAUSED) {
            if (m_messageComplete) {
                dispatch(); // the parser stays paused until the answer is written
                return;
            }
            http_parser_pause(&m_parser, 0);
            if (!checkHead())
                return;
            continue;
        }
        if (error != HPE_OK) {
            if (m_rejectStatus != 0)
                reject(m_rejectStatus, m_rejectReason);
            else if (error == HPE_HEADER_OVERFLOW)
                reject(431, "The request head is larger than 64 KiB.");
            else
                reject(400,
                       QByteArray("Malformed request: ") + http_errno_description(error) + '.');
            return;
        }
        if (!m_headComplete && m_headBytes > kMaxHeadBytes) {
            reject(431, "The request head is larger than 64 KiB.");
            return;
        }
    }
}

bool HttpConnection::checkHead()
{
    if (m_headBytes > kMaxHeadBytes) {
        reject(431, "The request head is larger than 64 KiB.");
        return false;
    }
    for (auto &header : m_request.headers)
        header.second = header.second.trimmed();
    m_request.method = http_method_str(static_cast<http_method>(m_parser.method));
    m_request.httpMajor = m_parser.http_major;
    m_request.httpMinor = m_parser.http_minor;
    const qsizetype query = m_request.target.indexOf('?');
    m_request.path = query < 0 ? m_request.target : m_request.target.left(query);
    m_request.peer = m_socket->peerAddress();
    m_headRequest = m_parser.method == HTTP_HEAD;

    const bool hasLength = (m_parser.flags & F_CONTENTLENGTH) != 0;
    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    if (m_request.hasHeader("transfer-encoding")) {
        if (hasLength) {
            reject(400, "Content-Length and Transfer-Encoding must not be sent together.");
            return false;
        }
        const QByteArray codings = m_request.combinedHeader("transfer-encoding").trimmed();
        if (!chunked || codings.compare("chunked", Qt::CaseInsensitive) != 0) {
            reject(400, "Only the chunked transfer coding is supported.");
            return false;
        }
    }
    const bool bodyMethod = m_parser.method == HTTP_POST || m_parser.method == HTTP_PUT ||
                            m_parser.method == HTTP_PATCH;
    if (bodyMethod && !hasLength && !chunked) {
        reject(411, "A request body needs Content-Length or chunked Transfer-Encoding.");
        return false;
    }
    const qint64 limit = m_config->maxBodySize;
    if (hasLength && m_parser.content_length > quint64(limit)) {
        reject(413, "The request body is larger than the limit of " + QByteArray::number(limit) +
                        " bytes.");
        return false;
    }
    const QByteArray expect = m_request.header("expect");
    if (!expect.isEmpty() && expect.compare("100-continue", Qt::CaseInsensitive) != 0) {
        reject(417, "Only Expect: 100-continue is supported.");
        return false;
    }
    const bool hasBody = chunked || (hasLength && m_parser.content_length > 0);
    if (!hasBody)
        return true;
    if (!expect.isEmpty() && m_parser.http_major == 1 && m_parser.http_minor >= 1)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (hasLength)
        m_request.body.reserve(qsizetype(qMin(qint64(m_parser.content_length), kMaxPreallocation)));
    m_phase = Phase::Body;
    m_activity.restart();
    armTimer(m_config->bodyIdleTimeout);
    return true;
}

void HttpConnection::dispatch()
{
    m_phase = Phase::Handling;
    m_timer.stop();
    m_keepAlive = http_should_keep_alive(&m_parser) != 0 && m_parser.upgrade == 0;
    m_http10KeepAlive = m_keepAlive && m_parser.http_major == 1 && m_parser.http_minor == 0;
    ++m_sequence;
    m_inFlight = true;
    HttpResponder responder(m_link, m_sequence);
    HttpRequest request = std::exchange(m_request, HttpRequest{});
    Q_EMIT requestStarted();
    if (!m_handler || !*m_handler) {
        responder.respond(plainTextResponse(503, "The server has no request handler."));
        return;
    }
    try {
        (*m_handler)(std::move(request), responder);
    } catch (const std::exception &e) {
        qCWarning(lcHttp) << "the request handler failed:" << e.what();
        responder.respond(plainTextResponse(500, "Internal server error."));
    }
}

void HttpConnection::deliverResponse(quint64 sequence, HttpResponse response)
{
    if (m_phase != Phase::Handling || sequence != m_sequence)
        return;
    const bool close = !m_keepAlive || m_closeWhenIdle || responseRequestsClose(response);
    HttpResponseFraming framing;
    framing.headRequest = m_headRequest;
    framing.close = close;
    framing.http10KeepAlive = m_http10KeepAlive && !close;
    m_socket->write(encodeHttpResponse(response, framing));
    m_activity.restart();
    m_inFlight = false;
    if (close)
        beginClose();
    else
        enterIdle();
    Q_EMIT requestFinished();
    if (m_phase == Phase::Idle)
        processInput(); // pipelined requests wait in m_pending and the socket
}

void HttpConnection::reject(int status, QByteArray reason)
{
    qCDebug(lcHttp) << "refusing a request from" << m_socket->peerAddress() << "with" << status
                    << reason;
    HttpResponseFraming framing;
    framing.close = true;
    m_socket->write(encodeHttpResponse(plainTextResponse(status, std::move(reason)), framing));
    beginClose();
}

void HttpConnection::enterIdle()
{
    m_phase = Phase::Idle;
    m_request = HttpRequest{};
    m_headBytes = 0;
    m_headComplete = false;
    m_messageComplete = false;
    http_parser_pause(&m_parser, 0);
    armTimer(m_config->keepAliveTimeout);
}

void HttpConnection::beginClose()
{
    if (m_phase == Phase::Closing || m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closing;
    m_pending.clear();
    m_socket->readAll();
    m_activity.restart();
    armTimer(kLingerTimeout);
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    if (m_writeShut)
        return;
    m_writeShut = true;
    // Half-close and wait for the client's FIN: closing outright while its data is still
    // arriving would reset the connection and could destroy the answer in flight.
    // TLS needs its close_notify, which disconnectFromHost() sends.
#ifdef Q_OS_UNIX
    if (!qobject_cast<QSslSocket *>(m_socket) &&
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR) == 0) {
        return;
    }
#endif
    m_socket->disconnectFromHost();
}

void HttpConnection::onTimeout()
{
    using std::chrono::milliseconds;
    const milliseconds sinceActivity(m_activity.isValid() ? m_activity.elapsed() : 0);
    switch (m_phase) {
    case Phase::Head:
        // A head that never completes (slowloris) gets no extension for trickling bytes.
        if (m_headBytes > 0)
            reject(408, "The request head did not arrive in time.");
        else
            beginClose();
        return;
    case Phase::Body:
        if (sinceActivity < m_config->bodyIdleTimeout) {
            armTimer(m_config->bodyIdleTimeout - sinceActivity);
            return;
        }
        reject(408, "The request body stalled.");
        return;
    case Phase::Idle:
        if (m_socket->bytesToWrite() > 0 && sinceActivity < m_config->keepAliveTimeout) {
            armTimer(m_config->keepAliveTimeout - sinceActivity);
            return;
        }
        beginClose();
        return;
    case Phase::Closing:
        if (m_socket->bytesToWrite() > 0 && sinceActivity < kLingerTimeout) {
            armTimer(kLingerTimeout - sinceActivity);
            return;
        }
        m_socket->abort();
        onDisconnected(); // abort() does not always emit disconnected()
        return;
    case Phase::Handling:
    case Phase::Closed:
        return;
    }
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    m_timer.stop();
    m_pending.clear();
    if (m_inFlight) {
        m_inFlight = false;
        Q_EMIT requestFinished();
    }
    Q_EMIT closed();
}

void HttpConnection::armTimer(std::chrono::milliseconds timeout)
{
    m_timer.start(std::max(timeout, std::chrono::milliseconds(1)));
}

// --- http_parser callbacks: return non-zero to stop the parser with an error.

int HttpConnection::onMessageBegin(http_parser *parser)
{
    HttpConnection *self = connectionOf(parser);
    self->m_request = HttpRequest{};
    self->m_lastCallbackWasValue = false;
    self->m_headComplete = false;
    self->m_messageComplete = false;
    if (self->m_phase == Phase::Idle) {
        self->m_phase = Phase::Head;
        self->armTimer(self->m_config->headerTimeout);
    }
    return 0;
}

int HttpConnection::onUrl(http_parser *parser, const char *at, size_t length)
{
    connectionOf(parser)->m_request.target.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    auto &headers = self->m_request.headers;
    // A name may arrive in pieces, split wherever a read ended.
    if (headers.isEmpty() || self->m_lastCallbackWasValue)
        headers.append(QPair<QByteArray, QByteArray>());
    headers.last().first.append(at, qsizetype(length));
    self->m_lastCallbackWasValue = false;
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    self->m_request.headers.last().second.append(at, qsizetype(length));
    self->m_lastCallbackWasValue = true;
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser *parser)
{
    // Pause, so that the head is checked (and 100 Continue sent) outside the parser.
    connectionOf(parser)->m_headComplete = true;
    http_parser_pause(parser, 1);
    return 0;
}

int HttpConnection::onChunkHeader(http_parser *parser)
{
    HttpConnection *self = connectionOf(parser);
    // Refuse as soon as the announced chunk would pass the limit, before reading it.
    const quint64 limit = quint64(self->m_config->maxBodySize);
    const quint64 received = quint64(self->m_request.body.size());
    if (parser->content_length > limit - received) {
        self->m_rejectStatus = 413;
        self->m_rejectReason = "The request body is larger than the limit of " +
                               QByteArray::number(self->m_config->maxBodySize) + " bytes.";
        return 1;
    }
    return 0;
}

int HttpConnection::onBody(http_parser *parser, const char *at, size_t length)
{
    connectionOf(parser)->m_request.body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *parser)
{
    connectionOf(parser)->m_messageComplete = true;
    http_parser_pause(parser, 1);
    return 0;
}

} // namespace ms
