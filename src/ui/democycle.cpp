#include "democycle.h"

#include "endpointcontroller.h"

#include "model/eventmessagetranslator.h"
#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/common/error.h"
#include "service/common/logging.h"
#include "service/endpoint/mirroringservice.h"
#include "service/simulator/cycleresult.h"
#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/mirroringtask.h"
#include "service/simulator/mutator.h"
#include "service/simulator/sourcedatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <future>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
/// Changes applied to an existing demo source before each further cycle, so that a second run
/// sends inserts, updates and deletes instead of nothing.
constexpr qint64 MutationsPerRun = 150;

/// The ephemeral "SuperOffice" of this session: a signing key and its self-signed certificate,
/// made once per process and never stored.
struct DemoSigner
{
    RsaPrivateKey key;
    Certificate certificate;
};

DemoSigner makeDemoSigner()
{
    DemoSigner s;
    s.key = RsaPrivateKey::generate(2048);
    s.certificate = Certificate::createSelfSigned(
        s.key, u"MirrorScope demo (SuperOffice stand-in)"_s, {}, {}, 2);
    return s;
}

/// How often start() looks whether the signer is ready, in the rare case it is not yet.
constexpr int SignerPollMs = 20;

/// Worker thread: creates or changes the demo source, then runs one cycle.
CycleResult runOnWorker(DemoCycle *owner, const MirroringTaskOptions &options,
                        const QString &sourcePath, qint64 rows)
{
    try {
        if (!QFileInfo::exists(sourcePath)) {
            // Emitted on this thread: the window's connections are queued.
            Q_EMIT owner->progress(DemoCycle::tr("Creating the demo source…"), 0, 0);
            DemoSourceGenerator().generate(sourcePath, rows);
        }
        SourceDatabase source(sourcePath);
        if (source.currentLsn() > 0 || !source.tables().isEmpty())
            Mutator(source, quint64(QDateTime::currentMSecsSinceEpoch()))
                .applyChanges(MutationsPerRun);
        MirroringTask task(options);
        QObject::connect(&task, &MirroringTask::progress, owner,
                         [owner](const QString &table, qint64 sent, qint64, double) {
                             Q_EMIT owner->progress(DemoCycle::tr("Demo cycle: %1, %2 rows sent")
                                                        .arg(table, QLocale().toString(sent)),
                                                    0, 0);
                         });
        return task.runCycle(source);
    } catch (const Error &e) {
        CycleResult result;
        result.outcome = CycleResult::Outcome::Failed;
        result.error = e.message();
        return result;
    }
}

EventMessage finishedMessage(const CycleResult &result)
{
    switch (result.outcome) {
    case CycleResult::Outcome::Completed:
        return eventmessage::demoCompleted(result.rowsSent);
    case CycleResult::Outcome::DoNotReplicate:
        return eventmessage::demoSkipped(result.rowsSent);
    case CycleResult::Outcome::Failed:
        break;
    }
    return eventmessage::demoFailed(result.error, result.rowsSent);
}
} // namespace

/// The demo signer, made on a thread of its own from the DemoCycle's construction: an RSA key
/// takes from a tenth to a good part of a second of CPU, a stall the GUI thread must not take.
/// The future's destructor waits for that thread, so it never outlives the DemoCycle.
struct DemoCycle::SignerJob
{
    std::future<DemoSigner> future = std::async(std::launch::async, makeDemoSigner);
    std::optional<DemoSigner> signer;
};

struct DemoCycle::Run
{
    std::unique_ptr<QThread> thread;
    MirroringService *service = nullptr;
    QList<Certificate> previousTrust;
    bool trustAdded = false;
};

DemoCycle::DemoCycle(EndpointController &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_signer(std::make_unique<SignerJob>())
{
    connect(&endpoint, &EndpointController::runningChanged, this, [this](bool running) {
        // The service the trust was added to is gone with the endpoint; nothing to restore.
        if (!running && m_run)
            m_run->service = nullptr;
    });
}

DemoCycle::~DemoCycle()
{
    if (m_run && m_run->thread)
        m_run->thread->wait();
    if (m_run && m_run->service && m_run->trustAdded)
        m_run->service->setTrustedCertificates(m_run->previousTrust);
}

bool DemoCycle::isAvailable()
{
    return true;
}

QString DemoCycle::sourcePath() const
{
    return QDir(m_endpoint.dataDir()).filePath(u"demo-source.sqlite3"_s);
}

bool DemoCycle::isRunning() const
{
    return m_run != nullptr;
}

bool DemoCycle::start()
{
    MirroringService *service = m_endpoint.service();
    if (m_run || !service || !m_endpoint.isRunning())
        return false;
    Q_EMIT progress(tr("Preparing the demo cycle…"), 0, 0);
    m_run = std::make_unique<Run>();
    m_run->service = service;
    launchWhenSignerReady();
    return true;
}

void DemoCycle::launchWhenSignerReady()
{
    if (!m_run || m_run->thread)
        return;
    if (!m_run->service) {
        onRunFinished(false, eventmessage::demoFailed(u"the endpoint stopped"_s, 0));
        return;
    }
    if (!m_signer->signer) {
        if (!m_signer->future.valid()) {
            onRunFinished(false, eventmessage::demoFailed(u"no demo signing key"_s, 0));
            return;
        }
        if (m_signer->future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            QTimer::singleShot(SignerPollMs, this, &DemoCycle::launchWhenSignerReady);
            return;
        }
        try {
            m_signer->signer = m_signer->future.get();
        } catch (const Error &e) {
            onRunFinished(false, eventmessage::demoFailed(e.message(), 0));
            return;
        }
    }
    const DemoSigner &signer = *m_signer->signer;
    MirroringService *service = m_run->service;
    const EndpointSetup &setup = m_endpoint.setup();

    MirroringTaskOptions options;
    options.url = m_endpoint.url();
    options.tenant = DemoTenant;
    options.applicationId = setup.endpoint.applicationId;
    options.applicationPublicKey = setup.endpoint.applicationKey.publicKey();
    options.signingKey = signer.key;
    options.signingKeyId = signer.certificate.sha1Thumbprint();
    if (setup.http.tls)
        options.caCertificates = setup.http.tls->localCertificateChain();

    m_run->previousTrust = service->trustedCertificates();
    service->setTrustedCertificates(m_run->previousTrust + QList<Certificate>{signer.certificate});
    m_run->trustAdded = true;
    m_endpoint.logEvent(DemoTenant, Severity::Information, u"Demo"_s,
                        eventmessage::demoStarted(signer.certificate.sha1Thumbprint()));

    const QString path = sourcePath();
    m_run->thread.reset(QThread::create([this, options, path] {
        const CycleResult result = runOnWorker(this, options, path, DemoRows);
        QMetaObject::invokeMethod(
            this,
            [this, ok = !result.failed(), message = finishedMessage(result)] {
                onRunFinished(ok, message);
            },
            Qt::QueuedConnection);
    }));
    m_run->thread->setObjectName(u"ms-demo-cycle"_s);
    m_run->thread->start();
}

void DemoCycle::onRunFinished(bool ok, const EventMessage &message)
{
    if (!m_run)
        return;
    if (m_run->thread)
        m_run->thread->wait();
    if (m_run->service && m_run->trustAdded)
        m_run->service->setTrustedCertificates(m_run->previousTrust);
    m_run.reset();
    m_endpoint.logEvent(DemoTenant, ok ? Severity::Information : Severity::Error, u"Demo"_s,
                        message);
    Q_EMIT finished(ok, EventMessageTranslator::translate(message));
}

} // namespace ms::ui
