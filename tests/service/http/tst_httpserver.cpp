// Request/response framing of ms::HttpServer over loopback: methods, keep-alive, pipelining,
// chunked bodies, the body limit and the refusals of malformed requests.

#include "httptestsupport.h"

#include <QTest>
#include <QThreadPool>

#include <atomic>

using namespace mstest;

namespace {

constexpr qint64 kLimit = 1000;

ms::HttpServerConfig limitedConfig()
{
    ms::HttpServerConfig config;
    config.maxBodySize = kLimit;
    return config;
}

QByteArray chunked(const QList<QByteArray> &chunks)
{
    QByteArray out;
    for (const QByteArray &chunk : chunks)
        out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    return out;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getAndPostRoundTrip()
    {
        ServerThread server;
        QVERIFY(server.start({}, echoHandler()));

        RawClient get(server.port());
        QVERIFY(get.connected());
        QVERIFY(get.send(getRequest("/Mirroring/MirroringClientService.svc?wsdl")));
        auto reply = get.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("x-method"), "GET");
        QCOMPARE(reply->header("x-path"), "/Mirroring/MirroringClientService.svc");
        QCOMPARE(reply->header("x-target"), "/Mirroring/MirroringClientService.svc?wsdl");
        QCOMPARE(reply->header("content-length"), "0");

        RawClient post(server.port());
        const QByteArray body = "<s:Envelope>\xc3\xa6\xc3\xb8</s:Envelope>";
        QVERIFY(post.send(postRequest("/MirroringClientService.svc", body)));
        reply = post.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("x-method"), "POST");
        QCOMPARE(reply->header("content-type"), "application/octet-stream");
        QCOMPARE(reply->body, body);
    }

    void headersAreFoundIgnoringCase()
    {
        ServerThread server;
        QVERIFY(server.start({}, [](ms::HttpRequest request, ms::HttpResponder responder) {
            ms::HttpResponse response;
            response.body = request.header("soapaction") + '|' + request.header("X-MISSING") + '|'
                            + (request.hasHeader("SOAPACTION") ? "yes" : "no");
            responder.respond(response);
        }));
        RawClient client(server.port());
        QVERIFY(client.send(postRequest("/x", "b", "SoapAction:   \"urn:op\"  \r\n")));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->body, "\"urn:op\"||yes");
        QCOMPARE(reply->header("content-type"), "text/xml; charset=utf-8");
    }

    void keepAliveServesTwoRequestsOnOneConnection()
    {
        ServerThread server;
        std::atomic<int> calls = 0;
        QVERIFY(server.start({}, echoHandler(&calls)));
        RawClient client(server.port());
        for (const QByteArray &body : {QByteArray("first"), QByteArray("second")}) {
            QVERIFY(client.send(postRequest("/a", body)));
            const auto reply = client.readReply();
            QVERIFY(reply);
            QCOMPARE(reply->body, body);
            QVERIFY(reply->header("connection").isEmpty());
        }
        QCOMPARE(calls.load(), 2);
        QCOMPARE(server.openConnections(), 1);
    }

    void connectionCloseIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("HTTP/1.1 Connection: close")
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        QTest::newRow("HTTP/1.0 without keep-alive") << QByteArray("GET / HTTP/1.0\r\n\r\n");
    }
    void connectionCloseIsHonoured()
    {
        QFETCH(QByteArray, request);
        ServerThread server;
        QVERIFY(server.start({}, echoHandler()));
        RawClient client(server.port());
        QVERIFY(client.send(request));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->header("connection"), "close");
        QVERIFY(client.waitForClose(3000));
    }

    void http10KeepAliveOnRequest()
    {
        ServerThread server;
        QVERIFY(server.start({}, echoHandler()));
        RawClient client(server.port());
        for (int i = 0; i < 2; ++i) {
            QVERIFY(client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
            const auto reply = client.readReply();
            QVERIFY(reply);
            QCOMPARE(reply->header("connection"), "keep-alive");
        }
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        ServerThread server;
        std::atomic<int> active = 0;
        std::atomic<int> maxActive = 0;
        // The first request is answered last in time if the server let them overlap.
        QVERIFY(server.start({}, [&](ms::HttpRequest request, ms::HttpResponder responder) {
            maxActive = std::max(maxActive.load(), ++active);
            const int delay = request.body == "1" ? 200 : 10;
            QThreadPool::globalInstance()->start([&active, delay, responder, request] {
                QThread::msleep(delay);
                ms::HttpResponse response;
                response.body = request.body;
                --active;
                responder.respond(response);
            });
        }));
        RawClient client(server.port());
        QVERIFY(client.send(postRequest("/p", "1") + postRequest("/p", "2") + getRequest("/g")
                            + postRequest("/p", "3")));
        for (const char *expected : {"1", "2", "", "3"}) {
            const auto reply = client.readReply();
            QVERIFY(reply);
            QCOMPARE(reply->body, expected);
        }
        QCOMPARE(maxActive.load(), 1);
    }

    void chunkedBodyIsDecoded()
    {
        ServerThread server;
        QVERIFY(server.start({}, echoHandler()));
        RawClient client(server.port());
        QVERIFY(client.send("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5;name=value\r\nhello\r\n"
                            "1\r\n \r\n"
                            "A;ext\r\n0123456789\r\n"
                            "0\r\nX-Trailer: t\r\n\r\n"));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, "hello 0123456789");
    }

    void bodyLimit_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray atLimit(kLimit, 'a');
        const QByteArray overLimit(kLimit + 1, 'a');
        QTest::newRow("Content-Length at limit") << postRequest("/", atLimit) << 200;
        QTest::newRow("Content-Length over limit") << postRequest("/", overLimit) << 413;
        // Refused on the head alone: no body byte is ever sent.
        QTest::newRow("huge Content-Length, no body")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n") << 413;
        const QByteArray head = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunked at limit")
            << head + chunked({atLimit.left(600), atLimit.mid(600)}) + "0\r\n\r\n" << 200;
        // No terminating chunk: the refusal must come as soon as the limit is passed.
        QTest::newRow("chunked over limit")
            << head + chunked({atLimit.left(600), atLimit.mid(600), "b"}) << 413;
        QTest::newRow("chunked over limit in one chunk") << head + "100000\r\nabc" << 413;
    }
    void bodyLimit()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerThread server;
        std::atomic<int> calls = 0;
        QVERIFY(server.start(limitedConfig(), echoHandler(&calls)));
        RawClient client(server.port());
        QVERIFY(client.send(request));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, status);
        if (status == 200) {
            QCOMPARE(reply->body.size(), kLimit);
            QCOMPARE(calls.load(), 1);
        } else {
            QCOMPARE(reply->header("content-type"), "text/plain; charset=utf-8");
            QCOMPARE(reply->header("connection"), "close");
            QVERIFY(client.waitForClose(3000));
            QCOMPARE(calls.load(), 0);
        }
    }

    void expectContinue_data()
    {
        QTest::addColumn<QByteArray>("framing");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("status");
        QTest::newRow("Content-Length at limit") << QByteArray("Content-Length") << kLimit << 200;
        QTest::newRow("Content-Length over limit")
            << QByteArray("Content-Length") << kLimit + 1 << 413;
        QTest::newRow("chunked at limit") << QByteArray("chunked") << kLimit << 200;
        QTest::newRow("chunked over limit") << QByteArray("chunked") << kLimit + 1 << 413;
    }
    void expectContinue()
    {
        QFETCH(QByteArray, framing);
        QFETCH(qint64, size);
        QFETCH(int, status);
        ServerThread server;
        std::atomic<int> calls = 0;
        QVERIFY(server.start(limitedConfig(), echoHandler(&calls)));
        RawClient client(server.port());
        const bool isChunked = framing == "chunked";
        QVERIFY(client.send("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
                            + (isChunked ? QByteArray("Transfer-Encoding: chunked")
                                         : "Content-Length: " + QByteArray::number(size))
                            + "\r\n\r\n"));
        auto reply = client.readReply();
        QVERIFY(reply);
        if (status == 413 && !isChunked) {
            QCOMPARE(reply->status, 413); // refused on the head, before any body byte
            QVERIFY(client.waitForClose(3000));
            QCOMPARE(calls.load(), 0);
            return;
        }
        QCOMPARE(reply->status, 100);
        const QByteArray body(size, 'x');
        QVERIFY(client.send(isChunked ? chunked({body.left(500), body.mid(500)}) + "0\r\n\r\n"
                                      : body));
        reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, status);
        QCOMPARE(calls.load(), status == 200 ? 1 : 0);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("POST without length")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\n\r\nbody") << 411;
        QTest::newRow("Content-Length with Transfer-Encoding")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("Transfer-Encoding gzip")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nxxxx") << 400;
        QTest::newRow("Transfer-Encoding gzip, chunked")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("garbage request line") << QByteArray("HELLO THERE\r\n\r\n") << 400;
        QTest::newRow("binary garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00", 7) << 400;
        QTest::newRow("bad header line")
            << QByteArray("GET / HTTP/1.1\r\nno colon here\r\n\r\n") << 400;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("head over 64 KiB")
            << "GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'h') + "\r\n\r\n" << 431;
        QTest::newRow("many headers over 64 KiB") << [] {
            QByteArray request = "GET / HTTP/1.1\r\n";
            for (int i = 0; i < 1100; ++i)
                request += "X-H" + QByteArray::number(i) + ": " + QByteArray(50, 'v') + "\r\n";
            return request + "\r\n";
        }() << 431;
        QTest::newRow("unsupported Expect")
            << QByteArray("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx")
            << 417;
    }
    void refusals()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerThread server;
        std::atomic<int> calls = 0;
        QVERIFY(server.start({}, echoHandler(&calls)));
        RawClient client(server.port());
        QVERIFY(client.send(request));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, status);
        QCOMPARE(reply->header("content-type"), "text/plain; charset=utf-8");
        QCOMPARE(reply->header("connection"), "close");
        QVERIFY(!reply->body.isEmpty());
        QVERIFY(client.waitForClose(3000));
        QCOMPARE(calls.load(), 0);
    }

    void headJustUnderTheLimitIsServed()
    {
        ServerThread server;
        QVERIFY(server.start({}, echoHandler()));
        RawClient client(server.port());
        QVERIFY(client.send(getRequest("/", "X-Big: " + QByteArray(60 * 1024, 'h') + "\r\n")));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
    }

    void headRequestGetsNoBody()
    {
        ServerThread server;
        QVERIFY(server.start({}, [](ms::HttpRequest, ms::HttpResponder responder) {
            ms::HttpResponse response;
            response.body = "0123456789";
            responder.respond(response);
        }));
        RawClient client(server.port());
        QVERIFY(client.send("HEAD / HTTP/1.1\r\nHost: h\r\n\r\n" + getRequest("/")));
        auto reply = client.readReply(5000, true);
        QVERIFY(reply);
        QCOMPARE(reply->header("content-length"), "10");
        // Had the HEAD answer carried its body, those bytes would be read as this status line.
        reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, "0123456789");
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
