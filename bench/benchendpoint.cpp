#include "benchendpoint.h"

#include "service/auth/certificate.h"
#include "service/common/error.h"

#include <QFile>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace ms::bench {
namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        throw serverError(u"Cannot write %1"_s.arg(path));
}

} // namespace

BenchEndpoint::BenchEndpoint(const QString &binary, const QString &dataDir)
    : m_signingKey(RsaPrivateKey::generate(2048)), m_applicationKey(RsaPrivateKey::generate(2048))
{
    const QString certPath = m_keys.filePath(u"signing.crt"_s);
    const QString appKeyPath = m_keys.filePath(u"app.pem"_s);
    writeFile(certPath,
              Certificate::createSelfSigned(m_signingKey, u"bench signing"_s, {}, {}, 2).toPem());
    writeFile(appKeyPath, m_applicationKey.toPem());
    m_process.setProgram(binary);
    m_process.setArguments({u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, dataDir,
                            u"--app-id"_s, QString::fromLatin1(ApplicationId),
                            u"--superoffice-cert"_s, certPath, u"--app-key"_s, appKeyPath});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    QByteArray line;
    while (!line.contains('\n') && m_process.waitForReadyRead(20000))
        line += m_process.readAllStandardOutput();
    const QByteArray prefix = "listening on ";
    if (!line.startsWith(prefix))
        throw serverError(u"mirrorscope serve did not start (%1)"_s.arg(QString::fromUtf8(line)));
    m_url = QUrl(QString::fromUtf8(line.mid(prefix.size()).trimmed()));
}

BenchEndpoint::~BenchEndpoint()
{
    if (m_process.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(30000))
            m_process.kill();
    }
}

qint64 BenchEndpoint::peakResidentKiB() const
{
    QFile status(u"/proc/%1/status"_s.arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace ms::bench
