#pragma once

#include "cycleresult.h"

#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <chrono>

namespace ms {

class SourceDatabase;
class SoapTransport;

struct MirroringTaskOptions
{
    QUrl url;                              ///< the registered endpoint URL (http or https)
    QString tenant;                        ///< the ctx claim
    QString applicationId;                 ///< aud becomes spn:<applicationId>
    RsaPublicKey applicationPublicKey;     ///< verifies the SignedApplicationToken
    RsaPrivateKey signingKey;              ///< plays SuperOffice: signs every SignedToken
    QString signingKeyId;                  ///< kid/x5t of the tokens; empty = none
    QList<QSslCertificate> caCertificates; ///< extra trust for a self-signed https endpoint
    qsizetype batchSize = 1'000'000;       ///< about this many bytes per RowData call
    std::chrono::milliseconds timeout = std::chrono::seconds(120); ///< per call
};

/// SuperOffice's Mirroring Task: one cycle of PROTOCOL.md's last section against an endpoint,
/// using nothing of the endpoint but the protocol. Blocking; create and run it in one thread
/// (a worker thread in the GUI: move it there and invoke start()). Does not own the source.
class MirroringTask final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MirroringTask)
public:
    /// sourcePath: the source database start() opens; runCycle(SourceDatabase&) ignores it.
    explicit MirroringTask(MirroringTaskOptions options, QString sourcePath = {},
                           QObject *parent = nullptr);
    ~MirroringTask() override;

    /// Runs a cycle; never throws (a failure is in the result).
    CycleResult runCycle(SourceDatabase &source);

public Q_SLOTS:
    /// Opens the source at sourcePath, runs a cycle and emits finished().
    void start();

Q_SIGNALS:
    void tableStarted(const QString &table, bool repopulating);
    /// After each RowData call: the table being sent, its rows so far, all bytes so far, speed.
    void progress(const QString &table, qint64 rowsSent, qint64 bytesSent,
                  double megabytesPerSecond);
    void finished(const ms::CycleResult &result);

private:
    void cycle(SourceDatabase &source, CycleResult &result);
    QString token(const QString &nonce = {}) const;
    QByteArray post(SoapOperation operation, const QByteArray &envelope, CycleResult &result);
    void requireEcho(SoapOperation operation, const QString &clientState) const;

    MirroringTaskOptions m_options;
    QString m_sourcePath;
    QString m_clientState;
    QElapsedTimer m_clock;
    SoapTransport *m_transport = nullptr; // valid during a cycle only
};

} // namespace ms
