#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QSslCertificate>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QTcpSocket;

namespace ms {

/// POSTs SOAP envelopes to one endpoint URL the way the Mirroring Task does (Content-Type,
/// quoted SOAPAction) over one kept-alive HTTP/1.1 connection and waits for each answer.
/// Blocking (a local event loop): use it from a worker thread or a command-line tool, never the
/// GUI thread. Lives in the thread that made it.
class SoapTransport final
{
public:
    /// caCertificates: extra certificates to trust for https (a self-signed endpoint).
    /// timeout: per call, from sending to the complete answer.
    SoapTransport(QUrl url, QList<QSslCertificate> caCertificates,
                  std::chrono::milliseconds timeout = std::chrono::seconds(120));
    ~SoapTransport();
    Q_DISABLE_COPY_MOVE(SoapTransport)

    /// The response body of a 200 or 500 answer (a 500 carries a SOAP fault, which the
    /// response readers turn into ms::SoapFaultError). Throws ms::Error(Server) when there is no
    /// answer, or another status, with the reason.
    QByteArray post(SoapOperation operation, const QByteArray &envelope);

    const QUrl &url() const { return m_url; }

private:
    enum class Outcome { Answered, Closed, TimedOut, Unreadable };

    void openConnection();
    Outcome exchange(const QByteArray &request, const QByteArray &envelope, QByteArray &body,
                     int &status, QString &problem, bool &started);
    bool waitUntil(const std::function<bool()> &done);
    void dropConnection();

    QUrl m_url;
    QList<QSslCertificate> m_caCertificates;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_inbox; ///< bytes read from m_socket that no response has consumed yet
    QDeadlineTimer m_deadline;
};

} // namespace ms
