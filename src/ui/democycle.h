#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace ms {
struct EventMessage;
}

namespace ms::ui {

class EndpointController;

/// "Run demo cycle": creates the demo source database in the data directory on first use, then
/// runs the simulator's Mirroring Task in-process on a worker thread against the running
/// endpoint for tenant DemoTenant, signed by an ephemeral key whose certificate the service
/// trusts only for the run. GUI thread; the endpoint must outlive this object and be running
/// when start() is called.
class DemoCycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCycle)
public:
    static constexpr qint64 DemoRows = 4000;
    static inline const QString DemoTenant = QStringLiteral("Demo1");

    explicit DemoCycle(EndpointController &endpoint, QObject *parent = nullptr);
    ~DemoCycle() override; ///< waits for a running cycle

    /// Whether this build has the in-process Mirroring Task.
    static bool isAvailable();
    /// The demo source database's path in the data directory.
    QString sourcePath() const;

    /// Starts a cycle; false (with failed() not emitted) when one runs or the endpoint is stopped.
    bool start();
    bool isRunning() const;

Q_SIGNALS:
    /// Progress for the status bar: total 0 = unknown.
    void progress(const QString &text, qint64 done, qint64 total);
    /// message: the outcome as a sentence for people, translated ("Demo cycle finished: ...");
    /// ok false: it says why.
    void finished(bool ok, const QString &message);

private:
    struct Run;
    struct SignerJob;
    /// Trusts the demo signer and starts the cycle's thread once the signer's key is made.
    void launchWhenSignerReady();
    void onRunFinished(bool ok, const EventMessage &message);

    EndpointController &m_endpoint;
    std::unique_ptr<Run> m_run;
    std::unique_ptr<SignerJob> m_signer; ///< last: destroyed first, waiting for its thread
};

} // namespace ms::ui
