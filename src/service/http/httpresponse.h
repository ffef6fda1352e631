#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace ms {

/// What a handler answers. The server adds the framing headers (Content-Length, Connection);
/// handler headers of those names are ignored, except that "Connection: close" closes after
/// the response.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "text/xml; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// The plain-text answers of the HTTP layer itself (404, 411, 413, ...): "<reason>\n".
HttpResponse plainTextResponse(int status, QByteArray reason);

/// How the connection frames one response: for HEAD the body is left out, and the
/// Connection header says whether the connection stays open.
struct HttpResponseFraming
{
    bool headRequest = false;
    bool close = false;
    bool http10KeepAlive = false; ///< an HTTP/1.0 client asked for keep-alive: say we keep it
};

/// The bytes of the status line, headers and body. Header names or values with CR, LF or NUL
/// are dropped (they would let a handler split the response). Any thread.
QByteArray encodeHttpResponse(const HttpResponse &response, const HttpResponseFraming &framing);

/// True when the handler asked to close the connection after this response.
bool responseRequestsClose(const HttpResponse &response);

} // namespace ms
