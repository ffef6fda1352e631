// Timeouts, answers from other threads, many connections, graceful stop and TLS of
// ms::HttpServer over loopback.

#include "httptestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace mstest;
using namespace std::chrono_literals;

namespace {

ms::HttpServerConfig shortTimeouts()
{
    ms::HttpServerConfig config;
    config.headerTimeout = 300ms;
    config.bodyIdleTimeout = 300ms;
    config.keepAliveTimeout = 300ms;
    return config;
}

} // namespace

class TestHttpServerLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        QVERIFY2(!openssl.isEmpty(), "the openssl command line tool is needed for the TLS test");
        QVERIFY(m_dir.isValid());
        QProcess process;
        process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s,
                                u"subjectAltName=DNS:localhost"_s, u"-days"_s, u"2"_s,
                                u"-keyout"_s, m_dir.filePath(u"key.pem"_s), u"-out"_s,
                                m_dir.filePath(u"cert.pem"_s)});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QFile certFile(m_dir.filePath(u"cert.pem"_s));
        QFile keyFile(m_dir.filePath(u"key.pem"_s));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        m_certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
        m_key = QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        QVERIFY(!m_certificate.isNull() && !m_key.isNull());
    }

    void headThatNeverCompletesIsClosed()
    {
        ServerThread server;
        std::atomic<int> calls = 0;
        QVERIFY(server.start(shortTimeouts(), echoHandler(&calls)));
        RawClient client(server.port());
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(client.send("POST / HTTP/1.1\r\nHost: h\r\n"));
        // Slowloris: a byte every 50 ms must not extend the deadline of the head.
        bool closed = false;
        for (int i = 0; i < 40 && !closed; ++i) {
            client.send("X");
            closed = client.waitForClose(50);
        }
        QVERIFY(closed);
        QVERIFY2(elapsed.elapsed() >= 250, QByteArray::number(elapsed.elapsed()).constData());
        QVERIFY2(elapsed.elapsed() < 1500, QByteArray::number(elapsed.elapsed()).constData());
        QCOMPARE(calls.load(), 0);
    }

    void silentConnectionIsClosedAfterHeaderTimeout()
    {
        ServerThread server;
        QVERIFY(server.start(shortTimeouts(), echoHandler()));
        RawClient client(server.port());
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(client.waitForClose(3000));
        QVERIFY(elapsed.elapsed() >= 250);
        QTRY_COMPARE(server.openConnections(), 0);
    }

    void stalledBodyGets408()
    {
        ServerThread server;
        std::atomic<int> calls = 0;
        QVERIFY(server.start(shortTimeouts(), echoHandler(&calls)));
        RawClient client(server.port());
        QVERIFY(client.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n0123456789"));
        // Body bytes that keep coming keep the request alive past the idle timeout.
        for (int i = 0; i < 6; ++i) {
            QTest::qSleep(100);
            QVERIFY(client.send("0123456789"));
        }
        const auto reply = client.readReply(3000);
        QVERIFY(reply);
        QCOMPARE(reply->status, 408);
        QCOMPARE(reply->header("connection"), "close");
        QVERIFY(client.waitForClose(3000));
        QCOMPARE(calls.load(), 0);
    }

    void idleKeepAliveConnectionIsClosed()
    {
        ServerThread server;
        QVERIFY(server.start(shortTimeouts(), echoHandler()));
        RawClient client(server.port());
        QVERIFY(client.send(getRequest("/")));
        QVERIFY(client.readReply());
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(client.waitForClose(3000));
        QVERIFY2(elapsed.elapsed() >= 250, QByteArray::number(elapsed.elapsed()).constData());
        QTRY_COMPARE(server.openConnections(), 0);
    }

    void handlerAnswersLaterFromAnotherThread()
    {
        ServerThread server;
        std::atomic<Qt::HANDLE> answeredFrom = nullptr;
        QVERIFY(server.start({}, [&](ms::HttpRequest request, ms::HttpResponder responder) {
            QThreadPool::globalInstance()->start([&answeredFrom, request, responder] {
                QThread::msleep(100);
                answeredFrom = QThread::currentThreadId();
                ms::HttpResponse response;
                response.body = "later:" + request.body;
                responder.respond(response);
                responder.respond(ms::HttpResponse{}); // one-shot: dropped
            });
        }));
        RawClient client(server.port());
        QVERIFY(client.send(postRequest("/", "x") + postRequest("/", "y")));
        for (const char *expected : {"later:x", "later:y"}) {
            const auto reply = client.readReply();
            QVERIFY(reply);
            QCOMPARE(reply->body, expected);
        }
        QVERIFY(answeredFrom.load() != nullptr);
        QVERIFY(answeredFrom.load() != QThread::currentThreadId());
        QCOMPARE(server.requestsInFlight(), 0);
    }

    void answerAfterTheClientLeftIsDropped()
    {
        ServerThread server;
        QMutex mutex;
        std::vector<ms::HttpResponder> held;
        QVERIFY(server.start({}, [&](ms::HttpRequest, ms::HttpResponder responder) {
            QMutexLocker locker(&mutex);
            held.push_back(responder);
        }));
        {
            RawClient client(server.port());
            QVERIFY(client.send(getRequest("/")));
            QTRY_COMPARE(server.requestsInFlight(), 1);
        }
        QTRY_COMPARE(server.openConnections(), 0);
        QCOMPARE(server.requestsInFlight(), 0);
        QCOMPARE(server.drainedCount(), 1);
        QMutexLocker locker(&mutex);
        QCOMPARE(held.size(), size_t(1));
        QVERIFY(held.front().isPending());
        held.front().respond(ms::HttpResponse{}); // its connection is gone: nothing happens
        QVERIFY(!held.front().isPending());
    }

    void droppedResponderAnswers500()
    {
        ServerThread server;
        QVERIFY(server.start({}, [](ms::HttpRequest, ms::HttpResponder) {}));
        RawClient client(server.port());
        QVERIFY(client.send(getRequest("/")));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 500);
    }

    void throwingHandlerAnswers500()
    {
        ServerThread server;
        QVERIFY(server.start({}, [](ms::HttpRequest, ms::HttpResponder) -> void {
            throw std::runtime_error("handler bug");
        }));
        RawClient client(server.port());
        QVERIFY(client.send(getRequest("/")));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 500);
        QVERIFY(client.send(getRequest("/"))); // the connection survives
        QVERIFY(client.readReply());
    }

    void hundredConcurrentConnections()
    {
        constexpr int kClients = 100;
        ServerThread server;
        std::vector<std::pair<QByteArray, ms::HttpResponder>> waiting; // server thread only
        // Nobody is answered until all requests are in: they are truly concurrent.
        QVERIFY(server.start({}, [&](ms::HttpRequest request, ms::HttpResponder responder) {
            waiting.emplace_back(request.body, responder);
            if (waiting.size() < size_t(kClients))
                return;
            for (const auto &[body, waitingResponder] : waiting) {
                ms::HttpResponse response;
                response.body = "re:" + body;
                waitingResponder.respond(response);
            }
        }));
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<RawClient>(server.port()));
            QVERIFY(clients.back()->connected());
        }
        for (int i = 0; i < kClients; ++i)
            QVERIFY(clients[size_t(i)]->send(postRequest("/", QByteArray::number(i))));
        for (int i = 0; i < kClients; ++i) {
            const auto reply = clients[size_t(i)]->readReply(10000);
            QVERIFY2(reply, QByteArray::number(i).constData());
            QCOMPARE(reply->body, "re:" + QByteArray::number(i));
        }
        QCOMPARE(server.openConnections(), kClients);
        QCOMPARE(server.requestsInFlight(), 0);
    }

    void stopListeningLetsRequestsInFlightFinish()
    {
        ServerThread server;
        QMutex mutex;
        std::optional<ms::HttpResponder> held;
        auto echo = echoHandler();
        QVERIFY(server.start({}, [&](ms::HttpRequest request, ms::HttpResponder responder) {
            if (request.path != "/hold")
                return echo(std::move(request), std::move(responder));
            QMutexLocker locker(&mutex);
            held = responder;
        }));
        RawClient idle(server.port());
        QVERIFY(idle.send(getRequest("/quick")));
        QVERIFY(idle.readReply());
        RawClient busy(server.port());
        QVERIFY(busy.send(getRequest("/hold")));
        QTRY_COMPARE(server.requestsInFlight(), 1);
        const int drainedBefore = server.drainedCount();

        server.stopListening();
        QVERIFY(idle.waitForClose(3000)); // nothing in flight there: closed at once
        RawClient late(server.port());
        QVERIFY(!late.connected());
        QVERIFY(busy.staysSilent(200));
        QCOMPARE(server.drainedCount(), drainedBefore);

        {
            QMutexLocker locker(&mutex);
            QVERIFY(held);
            ms::HttpResponse response;
            response.body = "bye";
            held->respond(response);
            held.reset();
        }
        const auto reply = busy.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->body, "bye");
        QCOMPARE(reply->header("connection"), "close");
        QVERIFY(busy.waitForClose(3000));
        QTRY_COMPARE(server.drainedCount(), drainedBefore + 1);
        QCOMPARE(server.requestsInFlight(), 0);
        QTRY_COMPARE(server.openConnections(), 0);
    }

    void https()
    {
        ServerThread server;
        ms::HttpServerConfig config;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_certificate);
        tls.setPrivateKey(m_key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.tls = tls;
        QVERIFY(server.start(config, echoHandler()));

        // A client that does not speak TLS is dropped; the server goes on serving.
        RawClient plain(server.port());
        QVERIFY(plain.send(getRequest("/")));
        QVERIFY(plain.waitForClose(5000));

        auto socket = std::make_unique<QSslSocket>();
        socket->ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, m_certificate)});
        socket->connectToHostEncrypted(u"127.0.0.1"_s, server.port(), u"localhost"_s);
        QVERIFY2(socket->waitForEncrypted(10000), qPrintable(socket->errorString()));
        RawClient client(std::move(socket));
        QVERIFY(client.send(postRequest("/MirroringClientService.svc", "secret")));
        const auto reply = client.readReply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, "secret");
    }

    void httpsRefusesUntrustedCertificateByDefault()
    {
        // The client side of the test above is only accepted because it names this certificate.
        ServerThread server;
        ms::HttpServerConfig config;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(m_certificate);
        tls.setPrivateKey(m_key);
        config.tls = tls;
        QVERIFY(server.start(config, echoHandler()));
        QSslSocket socket;
        socket.connectToHostEncrypted(u"127.0.0.1"_s, server.port(), u"localhost"_s);
        QVERIFY(!socket.waitForEncrypted(10000));
    }

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

QTEST_GUILESS_MAIN(TestHttpServerLifecycle)
#include "tst_httpserverlifecycle.moc"
