#include "httptestsupport.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpSocket>

namespace mstest {

ServerThread::ServerThread()
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
}

ServerThread::~ServerThread()
{
    run([this] {
        delete m_server;
        m_server = nullptr;
    });
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread is gone; nothing else can touch it
}

void ServerThread::run(const std::function<void()> &f)
{
    QMetaObject::invokeMethod(m_context, f, Qt::BlockingQueuedConnection);
}

bool ServerThread::start(const ms::HttpServerConfig &config, ms::HttpHandler handler)
{
    bool ok = false;
    run([&] {
        m_server = new ms::HttpServer;
        QObject::connect(m_server, &ms::HttpServer::requestsDrained, m_server,
                         [this] { ++m_drained; });
        m_server->setHandler(std::move(handler));
        QString error;
        ok = m_server->listen(config, &error);
        if (!ok)
            qWarning() << "listen failed:" << error;
        m_port = m_server->serverPort();
    });
    return ok;
}

int ServerThread::openConnections()
{
    int n = 0;
    run([&] { n = m_server->openConnections(); });
    return n;
}

int ServerThread::requestsInFlight()
{
    int n = 0;
    run([&] { n = m_server->requestsInFlight(); });
    return n;
}

void ServerThread::stopListening()
{
    run([this] { m_server->stopListening(); });
}

QByteArray Reply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

RawClient::RawClient(quint16 port) : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    m_socket->waitForConnected(5000);
}

RawClient::RawClient(std::unique_ptr<QTcpSocket> socket) : m_socket(std::move(socket)) {}

RawClient::~RawClient() = default;

bool RawClient::connected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool RawClient::send(const QByteArray &bytes)
{
    if (m_socket->write(bytes) != bytes.size())
        return false;
    while (m_socket->bytesToWrite() > 0) {
        if (!m_socket->waitForBytesWritten(5000))
            return false;
    }
    return true;
}

bool RawClient::fill(int timeoutMs)
{
    const bool more = m_socket->waitForReadyRead(timeoutMs);
    const QByteArray data = m_socket->readAll();
    m_buffer += data;
    return more || !data.isEmpty();
}

std::optional<Reply> RawClient::readReply(int timeoutMs, bool bodyless)
{
    QDeadlineTimer deadline(timeoutMs);
    qsizetype headEnd = -1;
    while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || !fill(int(deadline.remainingTime())))
            return std::nullopt;
    }
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    Reply reply;
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine.first().startsWith("HTTP/1."))
        return std::nullopt;
    reply.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            reply.headers.append({lines.at(i).left(colon), lines.at(i).mid(colon + 1).trimmed()});
    }
    m_buffer.remove(0, headEnd + 4);
    if (reply.status < 200 || bodyless)
        return reply;
    const qsizetype length = reply.header("content-length").toLongLong();
    while (m_buffer.size() < length) {
        if (deadline.hasExpired() || !fill(int(deadline.remainingTime())))
            return std::nullopt;
    }
    reply.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    return reply;
}

bool RawClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        fill(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

bool RawClient::staysSilent(int timeoutMs)
{
    const bool dataArrived = m_socket->waitForReadyRead(timeoutMs);
    return !dataArrived && m_socket->bytesAvailable() == 0 && m_buffer.isEmpty() && connected();
}

QByteArray postRequest(const QByteArray &path, const QByteArray &body,
                       const QByteArray &extraHeaders)
{
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
           + "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders
           + "\r\n" + body;
}

QByteArray getRequest(const QByteArray &path, const QByteArray &extraHeaders)
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n";
}

ms::HttpHandler echoHandler(std::atomic<int> *calls)
{
    return [calls](ms::HttpRequest request, ms::HttpResponder responder) {
        if (calls)
            ++*calls;
        ms::HttpResponse response;
        response.contentType = "application/octet-stream";
        response.body = request.body;
        response.headers = {{"X-Method", request.method},
                            {"X-Path", request.path},
                            {"X-Target", request.target}};
        responder.respond(std::move(response));
    };
}

} // namespace mstest
