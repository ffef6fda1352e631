#include "service/common/error.h"
#include "service/simulator/soaptransport.h"
#include "service/soap/soapaction.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>

using namespace ms;
using namespace Qt::Literals::StringLiterals;

namespace {

/// An HTTP peer in the test's thread (the transport's local event loop serves it): collects each
/// request and lets the test decide what goes back on which connection.
class ScriptedPeer final
{
public:
    struct Request
    {
        QByteArray head;
        QByteArray body;
        int connection = 0;
    };
    using Answer = std::function<void(QTcpSocket *, const Request &)>;

    ScriptedPeer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                const int number = ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket, number] { onData(socket, number); });
            }
        });
    }

    QUrl url(const QString &path = u"/Mirroring/MirroringClientService.svc"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }

    Answer answer;
    QList<Request> requests;
    int connections = 0;

private:
    void onData(QTcpSocket *socket, int connection)
    {
        QByteArray &buffer = m_buffers[connection];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            const qsizetype lengthAt = head.toLower().indexOf("content-length: ");
            const qsizetype length =
                head.mid(lengthAt + 16, head.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            requests.append({head, buffer.mid(end + 4, length), connection});
            buffer.remove(0, end + 4 + length);
            answer(socket, requests.last());
        }
    }

    QTcpServer m_server;
    QHash<int, QByteArray> m_buffers;
};

void reply(QTcpSocket *socket, int status, const QByteArray &body, const QByteArray &extra = {})
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n" + extra + "\r\n" + body);
}

QString errorOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

} // namespace

class TestSoapTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callsShareOneConnection()
    {
        ScriptedPeer peer;
        peer.answer = [](QTcpSocket *socket, const ScriptedPeer::Request &request) {
            reply(socket, 200, "echo:" + request.body);
        };
        SoapTransport transport(peer.url(), {});
        QCOMPARE(transport.post(SoapOperation::Authenticate, "<a/>"), QByteArray("echo:<a/>"));
        const QByteArray big(3 * 1024 * 1024, 'x');
        QCOMPARE(transport.post(SoapOperation::RowData, big), "echo:" + big);
        QCOMPARE(transport.post(SoapOperation::Wipe, ""), QByteArray("echo:"));

        QCOMPARE(peer.connections, 1);
        QCOMPARE(peer.requests.size(), 3);
        const QByteArray head = peer.requests.first().head;
        QVERIFY2(head.startsWith("POST /Mirroring/MirroringClientService.svc HTTP/1.1\r\n"),
                 head.constData());
        QVERIFY2(head.contains("\r\nHost: 127.0.0.1:"), head.constData());
        QVERIFY2(head.contains("\r\nContent-Type: text/xml; charset=utf-8\r\n"), head.constData());
        QVERIFY2(head.contains("\r\nSOAPAction: " + soapActionFor(SoapOperation::Authenticate)),
                 head.constData());
        QVERIFY2(head.contains("\r\nContent-Length: 4"), head.constData());
    }

    void answerInPiecesIsReassembled()
    {
        ScriptedPeer peer;
        peer.answer = [](QTcpSocket *socket, const ScriptedPeer::Request &) {
            const QByteArray wire = "HTTP/1.1 500 Fault\r\nContent-Length: 7\r\n\r\n<fault>";
            for (qsizetype i = 0; i < wire.size(); i += 5) {
                socket->write(wire.mid(i, 5));
                socket->flush();
            }
        };
        SoapTransport transport(peer.url(), {});
        QCOMPARE(transport.post(SoapOperation::RowData, "<r/>"), QByteArray("<fault>"));
    }

    void closedIdleConnectionIsReplacedOnce()
    {
        ScriptedPeer peer;
        peer.answer = [](QTcpSocket *socket, const ScriptedPeer::Request &) {
            reply(socket, 200, "ok");
            socket->disconnectFromHost(); // an idle timeout, without announcing it
        };
        SoapTransport transport(peer.url(), {});
        QCOMPARE(transport.post(SoapOperation::Authenticate, "1"), QByteArray("ok"));
        QTest::qWait(50); // let the close arrive before the next call reuses the connection
        QCOMPARE(transport.post(SoapOperation::Authenticate, "2"), QByteArray("ok"));
        QCOMPARE(peer.connections, 2);
        QCOMPARE(peer.requests.size(), 2);
    }

    void connectionCloseIsHonoured()
    {
        ScriptedPeer peer;
        peer.answer = [](QTcpSocket *socket, const ScriptedPeer::Request &) {
            reply(socket, 200, "ok", "Connection: close\r\n");
        };
        SoapTransport transport(peer.url(), {});
        transport.post(SoapOperation::Authenticate, "1");
        transport.post(SoapOperation::Authenticate, "2");
        QCOMPARE(peer.connections, 2);
    }

    void failuresSayWhatHappened()
    {
        ScriptedPeer peer;
        peer.answer = [](QTcpSocket *socket, const ScriptedPeer::Request &) {
            reply(socket, 413, "too large");
        };
        QString error =
            errorOf([&] { SoapTransport(peer.url(), {}).post(SoapOperation::RowData, "x"); });
        QVERIFY2(error.contains(u"HTTP 413"_s) && error.contains(u"too large"_s),
                 qPrintable(error));

        peer.answer = [](QTcpSocket *socket, const ScriptedPeer::Request &) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf");
            socket->disconnectFromHost();
        };
        error = errorOf([&] { SoapTransport(peer.url(), {}).post(SoapOperation::RowData, "x"); });
        QVERIFY2(error.contains(u"cannot reach"_s) && error.contains(u"middle"_s),
                 qPrintable(error));

        peer.answer = [](QTcpSocket *, const ScriptedPeer::Request &) {
        };
        error = errorOf([&] {
            SoapTransport(peer.url(), {}, std::chrono::milliseconds(300))
                .post(SoapOperation::Wipe, "x");
        });
        QVERIFY2(error.contains(u"Wipe: no answer from"_s), qPrintable(error));

        error = errorOf([] {
            SoapTransport(QUrl(u"http://127.0.0.1:1/x"_s), {}).post(SoapOperation::Wipe, "x");
        });
        QVERIFY2(error.contains(u"cannot reach"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSoapTransport)
#include "tst_soaptransport.moc"
