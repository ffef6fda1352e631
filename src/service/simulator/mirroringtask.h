#pragma once

#include "cycleresult.h"

#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <atomic>
#include <chrono>

namespace ms {

class CycleTokens;
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
    // Used by start() only, for the window's "Run demo cycle":
    qint64 demoRowsIfMissing = 0;    ///< > 0: create a demo source of this size if there is none
    qint64 mutationsBeforeCycle = 0; ///< random row changes applied to the source first
};

/// SuperOffice's Mirroring Task: one cycle of PROTOCOL.md's last section against an endpoint,
/// using nothing of the endpoint but the protocol. Blocking: runCycle() and start() run in the
/// task's thread (in the GUI: moveToThread(worker), then invoke start() queued and take
/// finished() and progress() through queued connections). requestStop() is the one call that
/// is safe from any thread. Does not own the source. While rows are sent, a second thread reads
/// the source and builds the next RowData body (RowDataProducer); calls and signals stay on the
/// task's thread, in protocol order.
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
    /// Makes the running cycle fail with "stopped" before its next call. Any thread.
    void requestStop() { m_stopRequested.store(true); }

public Q_SLOTS:
    /// Opens (or, with demoRowsIfMissing, creates) the source at sourcePath, applies
    /// mutationsBeforeCycle changes, runs a cycle and emits finished().
    void start();

Q_SIGNALS:
    void tableStarted(const QString &table, bool repopulating);
    /// After each RowData call: the table being sent, its rows so far, all bytes so far, speed.
    void progress(const QString &table, qint64 rowsSent, qint64 bytesSent,
                  double megabytesPerSecond);
    void finished(const ms::CycleResult &result);
    /// Just before each call goes out, with its whole envelope. A direct connection runs before
    /// the endpoint can see the call: with callAnswered() it tells which calls the endpoint has
    /// finished and which one may be in flight (the crash-consistency test relies on that).
    void callStarting(ms::SoapOperation operation, const QByteArray &envelope);
    /// After the endpoint's answer to the call has arrived (a SOAP fault included); not emitted
    /// when no usable answer came.
    void callAnswered(ms::SoapOperation operation);

private:
    // The steps of PROTOCOL.md's cycle; each throws ms::Error naming the call on failure.
    void cycle(SourceDatabase &source, CycleResult &result);
    bool authenticate(CycleResult &result); ///< false: doNotReplicate
    void sendTableSchema(const QList<TableSchema> &tables, qint64 sourceLsn, qint64 oldestValidLsn,
                         CycleResult &result);
    void wipe(CycleResult &result);
    void sendRows(SourceDatabase &source, const QList<TableSchema> &tables, qint64 sourceLsn,
                  CycleResult &result);
    void complete(CycleResult &result);
    /// Authenticate's token, signed for its nonce.
    QString authenticateToken(const QString &nonce) const;
    /// The cycle's token for every other call (CycleTokens: one signature per cycle).
    QString token() const;
    QByteArray post(SoapOperation operation, const QByteArray &envelope, CycleResult &result);
    void requireEcho(SoapOperation operation, const QString &clientState) const;

    MirroringTaskOptions m_options;
    QString m_sourcePath;
    QString m_clientState;
    QElapsedTimer m_clock;
    SoapTransport *m_transport = nullptr; // valid during a cycle only
    CycleTokens *m_tokens = nullptr;      // valid during a cycle only
    std::atomic_bool m_stopRequested = false;
};

} // namespace ms
