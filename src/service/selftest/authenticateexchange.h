#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <chrono>

namespace ms {

/// The outcome of one POSTed Authenticate envelope, as seen by the caller.
struct AuthenticateExchange
{
    bool transportOk = false; ///< an HTTP answer arrived (any status)
    QString transportError;   ///< when !transportOk: why, for a person
    bool tlsUsed = false;
    QSslCertificate peerCertificate; ///< the certificate the server presented (TLS only)
    int httpStatus = 0;
    QByteArray body;
};

/// POSTs a SOAP Authenticate envelope to url and waits for the answer. For https, trusts
/// exactly expectedCertificate (its host name need not match the URL's host: the self-test
/// connects to 127.0.0.1). Blocking (local event loop); any thread but the GUI thread.
AuthenticateExchange postAuthenticate(const QUrl &url, const QByteArray &envelope,
                                      const QSslCertificate &expectedCertificate,
                                      std::chrono::milliseconds timeout);

} // namespace ms
