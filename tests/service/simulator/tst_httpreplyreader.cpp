#include "service/simulator/httpreplyreader.h"

#include <QTest>

using namespace ms;
using State = HttpReplyReader::State;

class TestHttpReplyReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodyByContentLengthByteByByte()
    {
        const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n"
                                "\r\nhello";
        HttpReplyReader reader;
        QByteArray input;
        for (qsizetype i = 0; i < wire.size(); ++i) {
            QCOMPARE(reader.state(), State::Incomplete);
            input += wire.at(i);
            reader.feed(input);
        }
        QCOMPARE(reader.state(), State::Complete);
        QCOMPARE(reader.status(), 200);
        QVERIFY(reader.keepAlive());
        QCOMPARE(reader.takeBody(), QByteArray("hello"));
        QVERIFY(input.isEmpty());
    }

    void leavesTheNextResponseInTheInput()
    {
        QByteArray input = "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 3\r\n\r\nabc"
                           "HTTP/1.1 200 OK\r\n";
        HttpReplyReader reader;
        QCOMPARE(reader.feed(input), State::Complete);
        QCOMPARE(reader.status(), 500);
        QCOMPARE(reader.takeBody(), QByteArray("abc"));
        QCOMPARE(input, QByteArray("HTTP/1.1 200 OK\r\n"));
    }

    void skipsInterimAnswers()
    {
        QByteArray input = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                           "Connection: close\r\n\r\nok";
        HttpReplyReader reader;
        QCOMPARE(reader.feed(input), State::Complete);
        QCOMPARE(reader.status(), 200);
        QVERIFY(!reader.keepAlive());
        QCOMPARE(reader.takeBody(), QByteArray("ok"));
    }

    void bodyFramedByClose()
    {
        QByteArray input = "HTTP/1.0 413 Payload Too Large\r\n\r\ntoo ";
        HttpReplyReader reader;
        QCOMPARE(reader.feed(input), State::Incomplete);
        input = "large";
        QCOMPARE(reader.feed(input), State::Incomplete);
        QCOMPARE(reader.finishAtClose(), State::Complete);
        QCOMPARE(reader.status(), 413);
        QVERIFY(!reader.keepAlive());
        QCOMPARE(reader.takeBody(), QByteArray("too large"));
    }

    void http10WithoutKeepAliveCloses()
    {
        QByteArray input = "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n";
        HttpReplyReader reader;
        QCOMPARE(reader.feed(input), State::Complete);
        QVERIFY(!reader.keepAlive());
    }

    void truncatedOrEmptyIsInvalid()
    {
        HttpReplyReader empty;
        QCOMPARE(empty.finishAtClose(), State::Invalid);
        QVERIFY(!empty.started());
        QVERIFY(empty.error().contains(u"without a response"));

        QByteArray input = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort";
        HttpReplyReader truncated;
        QCOMPARE(truncated.feed(input), State::Incomplete);
        QVERIFY(truncated.started());
        QCOMPARE(truncated.finishAtClose(), State::Invalid);
        QVERIFY(truncated.error().contains(u"middle"));
    }

    void refusesWhatItCannotFrame_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("chunked") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
        QTest::newRow("conflicting lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n");
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
        QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbogus\r\n\r\n");
        QTest::newRow("endless head") << QByteArray("HTTP/1.1 200 OK\r\n") + QByteArray(70000, 'x');
    }
    void refusesWhatItCannotFrame()
    {
        QFETCH(QByteArray, wire);
        HttpReplyReader reader;
        QCOMPARE(reader.feed(wire), State::Invalid);
        QVERIFY(!reader.error().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestHttpReplyReader)
#include "tst_httpreplyreader.moc"
