#pragma once

#include "callrecord.h"

#include "service/http/httpserver.h"
#include "service/state/event.h"

#include <QObject>
#include <QThreadPool>
#include <QUrl>

#include <memory>

class QThread;

namespace ms {

class MirroringService;

/// Puts a MirroringService on the network: the HTTP server in an I/O thread of its own, the
/// calls on a worker pool (one tenant's calls serialized by the service). Signals are emitted
/// from worker threads; connect with queued connections from the GUI.
/// start()/stop() are for the owner's thread.
class EndpointServer final : public QObject
{
    Q_OBJECT
public:
    /// service must outlive this object.
    explicit EndpointServer(MirroringService &service, QObject *parent = nullptr);
    ~EndpointServer() override;
    Q_DISABLE_COPY_MOVE(EndpointServer)

    static constexpr QLatin1StringView ServicePath{"/MirroringClientService.svc"};

    /// Blocks until listening or failed.
    bool start(const HttpServerConfig &config, QString *errorMessage);
    /// Stops accepting, lets the calls in flight finish and be answered, then stops the thread.
    void stop();

    bool isRunning() const { return m_http != nullptr; }
    /// http(s)://HOST:PORT/MirroringClientService.svc
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void callServed(const ms::CallRecord &call);
    void eventLogged(const ms::Event &event);

private:
    void onRequest(HttpRequest request, HttpResponder responder);

    MirroringService &m_service;
    QThreadPool m_pool;
    QThread *m_ioThread = nullptr;
    HttpServer *m_http = nullptr; // lives in m_ioThread
    QUrl m_url;
};

/// The small status page served for GET on the service path.
QByteArray endpointStatusPage(const QUrl &url);

} // namespace ms
