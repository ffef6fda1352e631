#include "soaptransport.h"

#include "service/common/error.h"
#include "service/soap/soapaction.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SoapTransport::SoapTransport(QUrl url, QList<QSslCertificate> caCertificates,
                             std::chrono::milliseconds timeout)
    : m_url(std::move(url)), m_caCertificates(std::move(caCertificates)), m_timeout(timeout),
      m_manager(std::make_unique<QNetworkAccessManager>())
{}

SoapTransport::~SoapTransport() = default;

QByteArray SoapTransport::post(SoapOperation operation, const QByteArray &envelope)
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/xml; charset=utf-8"_s);
    request.setRawHeader("SOAPAction", soapActionFor(operation));
    // The endpoint serialises a tenant's calls anyway; one connection keeps the order obvious.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (m_url.scheme() == u"https" && !m_caCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_caCertificates);
        request.setSslConfiguration(ssl);
    }
    std::unique_ptr<QNetworkReply> reply(m_manager->post(request, envelope));
    QEventLoop loop;
    bool finished = false;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(m_timeout, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    else
        finished = true;

    const QString what = operationName(operation);
    if (!finished) {
        reply->abort();
        throw serverError(
            u"%1: no answer from %2 within %3 seconds"_s.arg(what, m_url.toString())
                .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0)
        throw serverError(
            u"%1: cannot reach %2: %3"_s.arg(what, m_url.toString(), reply->errorString()));
    if (status != 200 && status != 500)
        throw serverError(u"%1: HTTP %2 from %3: %4"_s.arg(what).arg(status).arg(
            m_url.toString(), QString::fromUtf8(body.left(300)).trimmed()));
    return body;
}

} // namespace ms
