#include "securitytestsupport.h"

#include <QNetworkInterface>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

/// Without --listen and with no settings, serve binds 127.0.0.1 only.
class TestDefaultListen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void servesOnLoopbackByDefault()
    {
        QTemporaryDir config;
        QTemporaryDir data;
        QProcess serve;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, config.path());
        env.insert(u"HOME"_s, config.path());
        serve.setProcessEnvironment(env);
        serve.start(QStringLiteral(MIRRORSCOPE_BINARY),
                    {u"serve"_s, u"--data-dir"_s, data.path(), u"--app-id"_s, kAppId,
                     u"--superoffice-cert"_s, fixture(u"DevNet.crt"_s), u"--app-key"_s,
                     fixture(u"app-private-key.xml"_s)});
        QVERIFY(serve.waitForStarted(10000));
        auto stop = qScopeGuard([&] {
            serve.terminate();
            if (!serve.waitForFinished(15000))
                serve.kill();
        });
        QByteArray text;
        serve.setReadChannel(QProcess::StandardOutput);
        while (!serve.canReadLine() && serve.waitForReadyRead(20000)) {
        }
        text = serve.readLine();
        if (serve.state() != QProcess::Running) {
            // The default port may be taken on a shared machine: the refusal must still name
            // the loopback address, which is what this test is about.
            serve.waitForFinished(5000);
            text += serve.readAllStandardError();
            QVERIFY2(text.contains("cannot listen on 127.0.0.1:8080"), text.constData());
            QSKIP("port 8080 is in use; the default address was checked from the error");
        }
        const auto match =
            QRegularExpression(
                u"^listening on http://127\\.0\\.0\\.1:(\\d+)/MirroringClientService\\.svc$"_s)
                .match(QString::fromUtf8(text).trimmed());
        QVERIFY2(match.hasMatch(), text.constData());
        const quint16 port = quint16(match.captured(1).toUInt());
        QCOMPARE(port, quint16(8080));
        QCOMPARE(
            rawExchange(port, "GET /MirroringClientService.svc HTTP/1.1\r\nHost: x\r\n\r\n").status,
            200);

        // Not reachable through any other address of this machine.
        int tried = 0;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            socket.connectToHost(address, port);
            QVERIFY2(!socket.waitForConnected(2000), qPrintable(address.toString()));
            ++tried;
        }
        qInfo("checked %d non-loopback addresses", tried);
    }
};

QTEST_GUILESS_MAIN(TestDefaultListen)
#include "tst_defaultlisten.moc"
