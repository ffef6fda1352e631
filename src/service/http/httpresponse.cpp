#include "httpresponse.h"

#include "service/common/logging.h"

#include <http_parser.h>

namespace ms {

namespace {

bool isFramingHeader(const QByteArray &name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0 ||
           name.compare("transfer-encoding", Qt::CaseInsensitive) == 0 ||
           name.compare("connection", Qt::CaseInsensitive) == 0;
}

bool isSafeHeaderText(const QByteArray &text)
{
    return !text.contains('\r') && !text.contains('\n') && !text.contains('\0');
}

QByteArray reasonPhrase(int status)
{
    const QByteArray phrase = http_status_str(static_cast<http_status>(status));
    // http_parser answers "<unknown>" for codes it has no name for.
    return phrase.startsWith('<') ? QByteArrayLiteral("Status") : phrase;
}

} // namespace

HttpResponse plainTextResponse(int status, QByteArray reason)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain; charset=utf-8";
    response.body = std::move(reason) + '\n';
    return response;
}

bool responseRequestsClose(const HttpResponse &response)
{
    for (const auto &[name, value] : response.headers) {
        if (name.compare("connection", Qt::CaseInsensitive) == 0 &&
            value.trimmed().compare("close", Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QByteArray encodeHttpResponse(const HttpResponse &response, const HttpResponseFraming &framing)
{
    int status = response.status;
    if (status < 200 || status > 599) {
        // 1xx would need a second, final response; the API has no way to send one.
        qCWarning(lcHttp) << "handler answered with invalid status" << status << "- sending 500";
        status = 500;
    }
    // RFC 9110: 204 and 304 carry no body, and 204 no Content-Length either.
    const bool bodyless = status == 204 || status == 304;

    QByteArray out;
    out.reserve(256 + (framing.headRequest || bodyless ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!response.contentType.isEmpty() && isSafeHeaderText(response.contentType) && !bodyless)
        out += "Content-Type: " + response.contentType + "\r\n";
    if (status != 204)
        out +=
            "Content-Length: " + QByteArray::number(bodyless ? 0 : response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (isFramingHeader(name))
            continue;
        if (!response.contentType.isEmpty() &&
            name.compare("content-type", Qt::CaseInsensitive) == 0)
            continue;
        if (name.isEmpty() || !isSafeHeaderText(name) || name.contains(':') ||
            !isSafeHeaderText(value)) {
            qCWarning(lcHttp) << "dropping a response header with a control character in it";
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    if (framing.close)
        out += "Connection: close\r\n";
    else if (framing.http10KeepAlive)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!framing.headRequest && !bodyless)
        out += response.body;
    return out;
}

} // namespace ms
