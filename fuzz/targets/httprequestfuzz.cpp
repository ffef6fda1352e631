#include "fuzztargets.h"

#include "service/http/httpserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTcpSocket>

#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace ms::fuzz {

namespace {

// The parser is not separable from HttpConnection's socket handling, so the harness drives the
// real server: what it finds is what a client on the network could reach.
struct HttpContext
{
    HttpContext()
    {
        static int argc = 1;
        static char name[] = "fuzz_http_request";
        static char *argv[] = {name, nullptr};
        if (!QCoreApplication::instance())
            app = std::make_unique<QCoreApplication>(argc, argv);
        server = std::make_unique<HttpServer>();
        server->setHandler([](HttpRequest request, HttpResponder responder) {
            if (!request.path.endsWith("MirroringClientService.svc")) {
                responder.respond(plainTextResponse(404, "Not found."));
                return;
            }
            HttpResponse response;
            response.body = "<ok size=\"" + QByteArray::number(request.body.size()) + "\"/>";
            responder.respond(std::move(response));
        });
        HttpServerConfig config;
        config.maxBodySize = 64 * 1024; // small, so that the fuzzer reaches the 413 paths
        config.headerTimeout = std::chrono::milliseconds(500);
        config.bodyIdleTimeout = std::chrono::milliseconds(500);
        config.keepAliveTimeout = std::chrono::milliseconds(500);
        QString error;
        if (!server->listen(config, &error))
            qFatal("fuzz: cannot listen: %s", qPrintable(error));
    }
    std::unique_ptr<QCoreApplication> app;
    std::unique_ptr<HttpServer> server;
};

HttpContext &context()
{
    static HttpContext instance;
    return instance;
}

} // namespace

int httpRequest(const uint8_t *data, size_t size)
{
    HttpContext &ctx = context();
    QTcpSocket client;
    client.connectToHost(ctx.server->serverAddress(), ctx.server->serverPort());
    QDeadlineTimer deadline(5000);
    while (client.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    if (client.state() != QAbstractSocket::ConnectedState)
        qFatal("fuzz: cannot connect to the server");
    client.write(reinterpret_cast<const char *>(data), qint64(size));
    while (client.bytesToWrite() > 0 && client.state() == QAbstractSocket::ConnectedState &&
           !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    if (client.state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(client.socketDescriptor()), SHUT_WR);
    QByteArray answer;
    while (client.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
        answer += client.readAll();
    }
    answer += client.readAll();
    client.abort();
    // The server must let go of every connection, or 10,000 clients would exhaust it.
    while (ctx.server->openConnections() > 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    if (ctx.server->openConnections() > 0)
        qFatal("fuzz: a connection stayed open 5 s after its client hung up");
    if (!answer.isEmpty() && !answer.startsWith("HTTP/1.1 "))
        qFatal("fuzz: the server answered something that is not an HTTP/1.1 response");
    return 0;
}

} // namespace ms::fuzz
