#include "authenticateexchange.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr auto kAuthenticateAction =
    "\"http://www.superoffice.com/online/mirroring/0.1/IMirroringClientService/Authenticate\"";

// Only the errors that a certificate the user chose deliberately may raise at 127.0.0.1 are
// forgiven, and only for that very certificate.
bool isForgivable(const QSslError &error, const QSslCertificate &expected)
{
    if (error.certificate() != expected)
        return false;
    switch (error.error()) {
    case QSslError::HostNameMismatch:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}
} // namespace

AuthenticateExchange postAuthenticate(const QUrl &url, const QByteArray &envelope,
                                      const QSslCertificate &expectedCertificate,
                                      std::chrono::milliseconds timeout)
{
    AuthenticateExchange result;
    result.tlsUsed = url.scheme() == u"https";
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/xml; charset=utf-8"_s);
    request.setRawHeader("SOAPAction", kAuthenticateAction);
    if (result.tlsUsed) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({expectedCertificate});
        request.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = manager.post(request, envelope);
    QString sslProblems;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply, &expectedCertificate, &sslProblems](const QList<QSslError> &errors) {
                         QList<QSslError> forgiven;
                         for (const QSslError &error : errors) {
                             if (isForgivable(error, expectedCertificate))
                                 forgiven.append(error);
                             else
                                 sslProblems += error.errorString() + u"; "_s;
                         }
                         if (forgiven.size() == errors.size())
                             reply->ignoreSslErrors(forgiven);
                     });
    QEventLoop loop;
    bool finished = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    loop.exec();

    if (!finished) {
        reply->abort();
        result.transportError =
            QCoreApplication::translate("ms::SelfTest", "No answer from %1 within %2 seconds.")
                .arg(url.toString())
                .arg(timeout.count() / 1000);
    } else {
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.peerCertificate = reply->sslConfiguration().peerCertificate();
        result.body = reply->readAll();
        result.transportOk = result.httpStatus != 0;
        if (!result.transportOk) {
            result.transportError = sslProblems.isEmpty() ? reply->errorString()
                                                          : sslProblems.chopped(2);
        }
    }
    delete reply;
    return result;
}

} // namespace ms
