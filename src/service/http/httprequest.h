#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace ms {

/// One parsed HTTP request as handed to the HttpHandler. A plain value: any thread may use a copy.
struct HttpRequest
{
    QByteArray method; ///< "POST"
    QByteArray target; ///< as received, e.g. "/Mirroring/MirroringClientService.svc?x"
    QByteArray path;   ///< target without query; not percent-decoded
    QList<QPair<QByteArray, QByteArray>> headers; ///< in arrival order, names as received
    QByteArray body;                              ///< decoded (de-chunked) body
    QHostAddress peer;
    int httpMajor = 1;
    int httpMinor = 1;

    /// The value of the first header with this name (compared case-insensitively), "" if none.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// Every value of this header joined with ", " (RFC 9110 list semantics), "" if none.
    QByteArray combinedHeader(QByteArrayView name) const;
};

} // namespace ms
