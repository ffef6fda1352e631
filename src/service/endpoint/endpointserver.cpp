#include "endpointserver.h"

#include "mirroringservice.h"

#include "service/common/logging.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
HttpResponse plainText(int status, const QByteArray &text)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain; charset=utf-8";
    response.body = text + '\n';
    return response;
}

bool isServicePath(const QByteArray &path)
{
    // Users register URLs like https://host/Mirroring/MirroringClientService.svc. The name is
    // compared in its letter case: PROTOCOL.md has every other path answer 404.
    return path.endsWith(
        QByteArrayView(EndpointServer::ServicePath.data(), EndpointServer::ServicePath.size()));
}
} // namespace

QByteArray endpointStatusPage(const QUrl &url)
{
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>MirrorScope mirroring "
           "endpoint</title></head>\n<body><h1>MirrorScope mirroring endpoint</h1>\n<p>This is a "
           "SuperOffice Database Mirroring endpoint (IMirroringClientService, SOAP 1.1). The "
           "Mirroring Task POSTs to <code>" +
           url.toString().toHtmlEscaped().toUtf8() + "</code>.</p>\n<p>Version " MIRRORSCOPE_VERSION
                                                     "</p>\n</body></html>\n";
}

EndpointServer::EndpointServer(MirroringService &service, QObject *parent)
    : QObject(parent), m_service(service)
{
    m_pool.setMaxThreadCount(qMax(4, QThread::idealThreadCount() * 2));
    m_service.setCallObserver([this](const CallRecord &call) { Q_EMIT callServed(call); });
    m_service.setEventObserver([this](const Event &event) { Q_EMIT eventLogged(event); });
}

EndpointServer::~EndpointServer()
{
    stop();
    m_service.setCallObserver({});
    m_service.setEventObserver({});
}

bool EndpointServer::start(const HttpServerConfig &config, QString *errorMessage)
{
    if (m_http)
        stop();
    m_ioThread = new QThread;
    m_ioThread->setObjectName(u"mirrorscope-io"_s);
    m_http = new HttpServer;
    m_http->setHandler([this](HttpRequest request, HttpResponder responder) {
        onRequest(std::move(request), std::move(responder));
    });
    m_http->moveToThread(m_ioThread);
    m_ioThread->start();

    bool ok = false;
    QString error;
    QMetaObject::invokeMethod(
        m_http, [&] { ok = m_http->listen(config, &error); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        if (errorMessage)
            *errorMessage = error;
        stop();
        return false;
    }
    quint16 port = 0;
    QHostAddress address;
    QMetaObject::invokeMethod(
        m_http,
        [&] {
            port = m_http->serverPort();
            address = m_http->serverAddress();
        },
        Qt::BlockingQueuedConnection);
    m_url = QUrl();
    m_url.setScheme(config.tls ? u"https"_s : u"http"_s);
    m_url.setHost(address.toString());
    m_url.setPort(port);
    m_url.setPath(ServicePath);
    qCInfo(lcEndpoint) << "Listening on" << m_url.toString();
    return true;
}

void EndpointServer::stop()
{
    if (!m_ioThread)
        return;
    if (m_http) {
        QMetaObject::invokeMethod(m_http, [this] { m_http->stopListening(); },
                                  Qt::BlockingQueuedConnection);
    }
    // The calls in flight finish on the pool; their answers are written by the I/O thread.
    m_pool.waitForDone();
    const QDeadlineTimer deadline(10000);
    while (m_http && !deadline.hasExpired()) {
        int inFlight = 0;
        QMetaObject::invokeMethod(m_http, [&] { inFlight = m_http->requestsInFlight(); },
                                  Qt::BlockingQueuedConnection);
        if (inFlight == 0)
            break;
        QThread::msleep(10);
    }
    if (m_http) {
        QMetaObject::invokeMethod(m_http, [this] { delete m_http; }, Qt::BlockingQueuedConnection);
        m_http = nullptr;
    }
    m_ioThread->quit();
    m_ioThread->wait();
    delete m_ioThread;
    m_ioThread = nullptr;
    qCInfo(lcEndpoint) << "Stopped";
}

void EndpointServer::onRequest(HttpRequest request, HttpResponder responder)
{
    if (!isServicePath(request.path)) {
        responder.respond(plainText(404, "Not found. The mirroring service is at " +
                                             QByteArray(ServicePath.data())));
        return;
    }
    if (request.method == "GET") {
        HttpResponse page;
        page.contentType = "text/html; charset=utf-8";
        page.body = endpointStatusPage(m_url);
        responder.respond(std::move(page));
        return;
    }
    if (request.method != "POST") {
        HttpResponse response = plainText(405, "Only POST (SOAP) and GET (status) are served here.");
        response.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST")});
        responder.respond(std::move(response));
        return;
    }
    m_pool.start([this, request = std::move(request), responder = std::move(responder)] {
        responder.respond(m_service.handle(request));
    });
}

} // namespace ms
