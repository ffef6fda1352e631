#include "servetestsupport.h"

#include "service/soap/soapresponsereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <csignal>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

namespace {
QByteArray cycleCall(const QByteArray &op, const QByteArray &body)
{
    return soapPost(body, op);
}

// One tenant's whole cycle over its own connections; returns "" or what went wrong.
QString runCycle(quint16 port, const QString &tenant, int rows)
{
    const QString t = token(tenant, u"00112233445566778899AABBCCDDEEFF"_s);
    auto auth = rawExchange(port, cycleCall("Authenticate", ms::writeAuthenticateRequest(t, {})));
    if (auth.status != 200 || !ms::readAuthenticateResponse(auth.body).isSuccessful)
        return u"Authenticate failed"_s;
    auto schema =
        rawExchange(port, cycleCall("TableSchema",
                                    ms::writeTableSchemaRequest(t, {u"c"_s, {contactSchema()}})));
    if (schema.status != 200)
        return u"TableSchema: "_s + QString::fromUtf8(schema.body);
    for (int first = 1; first <= rows; first += 500) {
        const bool last = first + 500 > rows;
        auto batch = contactBatch(first, qMin(500, rows - first + 1),
                                  last ? std::optional<qint64>(rows) : std::nullopt);
        auto data =
            rawExchange(port, cycleCall("RowData", ms::writeRowDataRequest(t, {u"c"_s, {batch}})));
        if (data.status != 200)
            return u"RowData: "_s + QString::fromUtf8(data.body);
    }
    auto done = rawExchange(port, cycleCall("ReplicationCompleted",
                                            ms::writeReplicationCompletedRequest(
                                                t, {u"c"_s, {{u"contact"_s, -1, rows, 0, 0}}})));
    return done.status == 200 ? QString() : u"ReplicationCompleted failed"_s;
}

struct MirrorState
{
    qint64 rows = -1;
    qint64 lsn = -2;
};

MirrorState readMirror(const QString &path, const QString &tenant)
{
    MirrorState state;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"select count(*) from contact"_s) && q.next())
                state.rows = q.value(0).toLongLong();
            if (q.exec(u"select lsn from %1_mirroring where tablename = 'contact'"_s.arg(tenant)) &&
                q.next())
                state.lsn = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    return state;
}
} // namespace

class TestServe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void printsOneListeningLineAndServesStatus()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        QVERIFY2(serve.port() != 0, qPrintable(serve.line()));
        QVERIFY(QRegularExpression(
                    u"^listening on http://127\\.0\\.0\\.1:\\d+/MirroringClientService\\.svc$"_s)
                    .match(serve.line())
                    .hasMatch());
        const auto page =
            rawExchange(serve.port(), "GET /Mirroring/MirroringClientService.svc HTTP/1.1\r\n"
                                      "Host: x\r\n\r\n");
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("MirrorScope"));
        QCOMPARE(rawExchange(serve.port(), "GET /other HTTP/1.1\r\nHost: x\r\n\r\n").status, 404);
    }

    void twoTenantsInParallel()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        QString errorA, errorB;
        std::thread a([&] { errorA = runCycle(serve.port(), u"CustA"_s, 3000); });
        std::thread b([&] { errorB = runCycle(serve.port(), u"CustB"_s, 2000); });
        a.join();
        b.join();
        QVERIFY2(errorA.isEmpty(), qPrintable(errorA));
        QVERIFY2(errorB.isEmpty(), qPrintable(errorB));
        const auto stateA = readMirror(dir.filePath(u"Mirror_CustA.sqlite3"_s), u"CustA"_s);
        const auto stateB = readMirror(dir.filePath(u"Mirror_CustB.sqlite3"_s), u"CustB"_s);
        QCOMPARE(stateA.rows, 3000);
        QCOMPARE(stateA.lsn, 3000);
        QCOMPARE(stateB.rows, 2000);
        QCOMPARE(stateB.lsn, 2000);
    }

    void badRequestsGetTheRightAnswerAndServingGoesOn()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path(), {u"--max-body"_s, u"4096"_s});
        const quint16 port = serve.port();
        const QString t = token(u"CustC"_s);

        auto malformed = rawExchange(port, soapPost("<s:Envelope><oops", "TableSchema"));
        QCOMPARE(malformed.status, 500);
        QVERIFY(malformed.body.contains("s:Client"));

        auto oversized = rawExchange(port, soapPost(QByteArray(4097, 'x'), "TableSchema"));
        QCOMPARE(oversized.status, 413);

        const QByteArray schema = ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}});
        QVERIFY(schema.size() <= 4096);
        QByteArray unknown = soapPost(schema, "Explode");
        auto unknownAnswer = rawExchange(port, unknown);
        QCOMPARE(unknownAnswer.status, 500);
        QVERIFY(unknownAnswer.body.contains("s:Client"));

        auto noAction = rawExchange(port, soapPost(schema));
        QCOMPARE(noAction.status, 200);

        auto noToken = rawExchange(
            port, soapPost(ms::writeTableSchemaRequest(QString(), {u""_s, {contactSchema()}}),
                           "TableSchema"));
        QCOMPARE(noToken.status, 500);
        QVERIFY(noToken.body.contains("s:Client"));

        auto badToken = rawExchange(
            port, soapPost(ms::writeTableSchemaRequest(u"a.b.c"_s, {u""_s, {contactSchema()}}),
                           "TableSchema"));
        QCOMPARE(badToken.status, 500);

        // Still serving.
        QCOMPARE(rawExchange(port, soapPost(schema, "TableSchema")).status, 200);
    }

    void hundredConcurrentConnections()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QByteArray body =
            ms::writeTableSchemaRequest(token(u"CustD"_s), {u""_s, {contactSchema()}});
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 100; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, serve.port());
            QVERIFY(socket->waitForConnected(10000));
            sockets.push_back(std::move(socket));
        }
        for (auto &socket : sockets)
            socket->write(soapPost(body, "TableSchema"));
        int answered = 0;
        for (auto &socket : sockets) {
            QByteArray data;
            while (!data.contains("</s:Envelope>") && socket->waitForReadyRead(30000))
                data += socket->readAll();
            if (data.startsWith("HTTP/1.1 200"))
                ++answered;
        }
        QCOMPARE(answered, 100);
    }

    void sigtermDuringRowDataFinishesTheCall()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QString t = token(u"CustE"_s);
        QCOMPARE(rawExchange(serve.port(),
                             soapPost(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}),
                                      "TableSchema"))
                     .status,
                 200);
        const QByteArray big = soapPost(
            ms::writeRowDataRequest(t, {u""_s, {contactBatch(1, 60000, 60000)}}), "RowData");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, serve.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(big);
        QVERIFY(socket.waitForBytesWritten(30000));
        while (socket.bytesToWrite() > 0)
            QVERIFY(socket.waitForBytesWritten(30000));
        QTest::qWait(50); // let the call start
        ::kill(pid_t(serve.process().processId()), SIGTERM);
        QByteArray answer;
        while (!answer.contains("</s:Envelope>") && socket.waitForReadyRead(60000))
            answer += socket.readAll();
        QVERIFY(serve.process().waitForFinished(60000));
        QCOMPARE(serve.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.process().exitCode(), 0);

        const auto state = readMirror(dir.filePath(u"Mirror_CustE.sqlite3"_s), u"CustE"_s);
        if (answer.startsWith("HTTP/1.1 200")) {
            QCOMPARE(state.rows, 60000);
            QCOMPARE(state.lsn, 60000);
        } else {
            // Never part of a batch, never an LSN ahead of its rows.
            QCOMPARE(state.rows, 0);
            QCOMPARE(state.lsn, -1);
        }
    }

    void eventsCommandPrintsTheLog()
    {
        QTemporaryDir dir;
        {
            ServeProcess serve(dir.path());
            QCOMPARE(runCycle(serve.port(), u"CustF"_s, 10), QString());
        }
        QProcess events;
        events.start(QStringLiteral(MIRRORSCOPE_BINARY), {u"events"_s, u"--data-dir"_s, dir.path(),
                                                          u"--tenant"_s, u"CustF"_s, u"--json"_s});
        QVERIFY(events.waitForFinished(20000));
        QCOMPARE(events.exitCode(), 0);
        const auto array = QJsonDocument::fromJson(events.readAllStandardOutput()).array();
        QVERIFY(!array.isEmpty());
        QCOMPARE(array.last().toObject().value(u"operation"_s).toString(),
                 u"ReplicationCompleted"_s);
        QCOMPARE(array.last().toObject().value(u"tenant"_s).toString(), u"CustF"_s);
        // The code and its arguments, from which the window translates the message.
        QCOMPARE(array.last().toObject().value(u"code"_s).toString(), u"cycle.completed"_s);
        const QJsonArray arguments = array.last().toObject().value(u"arguments"_s).toArray();
        QCOMPARE(arguments.size(), 2);
        QVERIFY(array.last()
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(arguments.at(1).toString() + u" row change"_s));
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
