// Encoding of responses and header look-up of requests: the parts of ms_http without sockets.

#include "service/http/httprequest.h"
#include "service/http/httpresponse.h"

#include <QTest>

class TestHttpResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestHeaderLookup()
    {
        ms::HttpRequest request;
        request.headers = {{"Content-Type", "text/xml"},
                           {"SOAPAction", "\"a\""},
                           {"soapaction", "second"},
                           {"Transfer-Encoding", "gzip"},
                           {"transfer-encoding", "chunked"}};
        QCOMPARE(request.header("content-type"), "text/xml");
        QCOMPARE(request.header("SoapAction"), "\"a\"");
        QVERIFY(request.hasHeader("SOAPACTION"));
        QVERIFY(!request.hasHeader("Authorization"));
        QCOMPARE(request.header("authorization"), QByteArray());
        QCOMPARE(request.combinedHeader("transfer-encoding"), "gzip, chunked");
    }

    void encodesStatusLengthAndHeaders()
    {
        ms::HttpResponse response;
        response.body = "<x/>";
        response.headers = {{"X-One", "1"}};
        const QByteArray bytes = ms::encodeHttpResponse(response, {});
        QCOMPARE(bytes, "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n"
                        "Content-Length: 4\r\nX-One: 1\r\n\r\n<x/>");
    }

    void framingHeadersBelongToTheServer()
    {
        ms::HttpResponse response = ms::plainTextResponse(404, "Not here.");
        response.headers = {{"Content-Length", "999"},
                            {"Transfer-Encoding", "chunked"},
                            {"Connection", "close"},
                            {"X-Evil", "a\r\nSet-Cookie: b"},
                            {"Bad\nName", "v"}};
        QVERIFY(ms::responseRequestsClose(response));
        ms::HttpResponseFraming framing;
        framing.close = true;
        const QByteArray bytes = ms::encodeHttpResponse(response, framing);
        QCOMPARE(bytes, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n"
                        "Content-Length: 10\r\nConnection: close\r\n\r\nNot here.\n");
    }

    void headAndBodylessStatuses()
    {
        ms::HttpResponse response;
        response.body = "abc";
        ms::HttpResponseFraming head;
        head.headRequest = true;
        QVERIFY(ms::encodeHttpResponse(response, head).endsWith("Content-Length: 3\r\n\r\n"));
        response.status = 204;
        const QByteArray noContent = ms::encodeHttpResponse(response, {});
        QVERIFY(noContent.startsWith("HTTP/1.1 204 No Content\r\n"));
        QVERIFY(!noContent.contains("Content-Length"));
        QVERIFY(noContent.endsWith("\r\n\r\n"));
    }

    void invalidStatusBecomes500()
    {
        ms::HttpResponse response;
        response.status = 101;
        QVERIFY(ms::encodeHttpResponse(response, {}).startsWith("HTTP/1.1 500 "));
        response.status = 299;
        QVERIFY(ms::encodeHttpResponse(response, {}).startsWith("HTTP/1.1 299 Status\r\n"));
    }

    void http10KeepAliveIsAnnounced()
    {
        ms::HttpResponseFraming framing;
        framing.http10KeepAlive = true;
        QVERIFY(ms::encodeHttpResponse({}, framing).contains("\r\nConnection: keep-alive\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestHttpResponse)
#include "tst_httpresponse.moc"
