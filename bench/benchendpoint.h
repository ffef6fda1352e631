#pragma once

#include "service/auth/rsaprivatekey.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace ms::bench {

/// `mirrorscope serve` as a child process on a free loopback port, trusting a signing key made
/// for the benchmark (it plays SuperOffice) and holding a fresh application key.
class BenchEndpoint final
{
    Q_DISABLE_COPY_MOVE(BenchEndpoint)
public:
    static constexpr auto ApplicationId = "bench-application";

    /// Throws ms::Error when serve does not start.
    BenchEndpoint(const QString &binary, const QString &dataDir);
    ~BenchEndpoint(); ///< SIGTERM, and waits

    QUrl url() const { return m_url; }
    const RsaPrivateKey &signingKey() const { return m_signingKey; }
    const RsaPrivateKey &applicationKey() const { return m_applicationKey; }
    /// VmHWM of the serve process, in KiB (peak resident set since it started).
    qint64 peakResidentKiB() const;

private:
    QTemporaryDir m_keys;
    RsaPrivateKey m_signingKey;
    RsaPrivateKey m_applicationKey;
    QProcess m_process;
    QUrl m_url;
};

} // namespace ms::bench
