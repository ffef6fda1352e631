#pragma once

// A `mirrorscope serve` child process and a blocking raw HTTP client for it.

#include "endpointtestsupport.h"

#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace testsupport {

struct RawResponse
{
    int status = 0;
    QByteArray headers;
    QByteArray body;
};

/// Sends raw bytes and reads one response (Content-Length framed). Any thread.
inline RawResponse rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 30000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray data;
    RawResponse response;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (true) {
        if (headerEnd < 0) {
            headerEnd = data.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                response.headers = data.left(headerEnd);
                response.status = data.mid(9, 3).toInt();
                for (const QByteArray &line : response.headers.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
            }
        }
        if (headerEnd >= 0 && length >= 0 && data.size() >= headerEnd + 4 + length) {
            response.body = data.mid(headerEnd + 4, length);
            return response;
        }
        if (!socket.waitForReadyRead(timeoutMs)) {
            if (headerEnd >= 0)
                response.body = data.mid(headerEnd + 4);
            return response;
        }
        data += socket.readAll();
    }
}

inline QByteArray soapPost(const QByteArray &body, const QByteArray &operation = {})
{
    QByteArray request = "POST /MirroringClientService.svc HTTP/1.1\r\nHost: localhost\r\n"
                         "Content-Type: text/xml; charset=utf-8\r\n";
    if (!operation.isEmpty()) {
        request += "SOAPAction: \"http://www.superoffice.com/online/mirroring/0.1/"
                   "IMirroringClientService/" +
                   operation + "\"\r\n";
    }
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return request;
}

/// A serve process on a free port with the fixtures' keys; stopped (SIGTERM) on destruction.
class ServeProcess
{
public:
    explicit ServeProcess(const QString &dataDir, const QStringList &extra = {})
    {
        m_process.setProgram(QStringLiteral(MIRRORSCOPE_BINARY));
        m_process.setArguments(QStringList{u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s,
                                           u"--data-dir"_s, dataDir, u"--app-id"_s, kAppId,
                                           u"--superoffice-cert"_s, fixture(u"DevNet.crt"_s),
                                           u"--app-key"_s, fixture(u"app-private-key.xml"_s)} +
                               extra);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return;
        while (!m_process.canReadLine() && m_process.waitForReadyRead(20000)) {
        }
        m_line = QString::fromUtf8(m_process.readLine()).trimmed();
        const QUrl url(m_line.section(u' ', 2));
        m_port = quint16(url.port());
    }
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(15000))
                m_process.kill();
        }
    }
    quint16 port() const { return m_port; }
    QString line() const { return m_line; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_line;
    quint16 m_port = 0;
};

} // namespace testsupport
