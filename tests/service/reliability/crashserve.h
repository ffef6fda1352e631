#pragma once

// `mirrorscope serve` on a fixed port and data dir, restartable after a SIGKILL.

#include "../endpoint/endpointtestsupport.h"

#include <QProcess>
#include <QTcpServer>

namespace crashtest {

using namespace Qt::Literals::StringLiterals;

/// A port that was free a moment ago (serve must come back on the same one after each kill).
inline quint16 pickFreePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

class CrashServe final
{
public:
    CrashServe(QString dataDir, quint16 port) : m_dataDir(std::move(dataDir)), m_port(port) {}
    ~CrashServe() { stop(); }
    CrashServe(const CrashServe &) = delete;
    CrashServe &operator=(const CrashServe &) = delete;

    /// Starts serve and waits for its "listening on" line; false (and why in error()) otherwise.
    bool start()
    {
        using namespace testsupport;
        m_process.setProgram(QStringLiteral(MIRRORSCOPE_BINARY));
        m_process.setArguments({u"serve"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port),
                                u"--data-dir"_s, m_dataDir, u"--app-id"_s, kAppId,
                                u"--superoffice-cert"_s, fixture(u"DevNet.crt"_s), u"--app-key"_s,
                                fixture(u"app-private-key.xml"_s)});
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            m_error = m_process.errorString();
            return false;
        }
        while (!m_process.canReadLine() && m_process.waitForReadyRead(30000)) {
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!line.startsWith(u"listening on "_s)) {
            m_error = line + QString::fromUtf8(m_process.readAllStandardError());
            return false;
        }
        return true;
    }
    /// After a SIGKILL: reaps the process; true when it died of that signal (else why in error()).
    bool reapKilled()
    {
        if (m_process.state() != QProcess::NotRunning)
            m_process.waitForFinished(30000);
        if (m_process.state() == QProcess::NotRunning &&
            m_process.exitStatus() == QProcess::CrashExit)
            return true;
        m_error =
            u"state %1, exit status %2, exit code %3, stderr: %4"_s.arg(int(m_process.state()))
                .arg(int(m_process.exitStatus()))
                .arg(m_process.exitCode())
                .arg(standardError().right(2000));
        return false;
    }
    /// SIGTERM, as a user stops it; true when it exited cleanly.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished();
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    qint64 pid() const { return m_process.processId(); }
    QUrl url() const
    {
        return QUrl(u"http://127.0.0.1:%1/MirroringClientService.svc"_s.arg(m_port));
    }
    QString error() const { return m_error; }
    QString standardError() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QString m_dataDir;
    quint16 m_port;
    QProcess m_process;
    QString m_error;
};

} // namespace crashtest
