#pragma once

#include "readertypes.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <map>
#include <memory>

namespace ms {

class MirrorBackend;
class ReaderConnection;
class TenantRegistry;
class MirrorReader;

/// Deleter of a started reader: quits its thread, waits for it, then deletes reader and thread.
struct MirrorReaderStopper
{
    void operator()(MirrorReader *reader) const;
};
using MirrorReaderPtr = std::unique_ptr<MirrorReader, MirrorReaderStopper>;

/// Reads mirrors on its own thread through read-only connections made from the backend's
/// readAccess() (QSQLITE, QPSQL or QODBC for SQL Server; one ReaderConnection per tenant, opened
/// inside the thread).
/// Every request* method may be called from any thread: it queues the request, tagged with the
/// caller's generation; answers come back as signals emitted on the reader's thread (connect them
/// queued). Requests older than the last discardBefore() are skipped, and the one running is
/// interrupted.
class MirrorReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MirrorReader)
public:
    /// Starts the reader in a new thread. backend and registry (optional: only tenant lists
    /// need it) must outlive the returned pointer.
    static MirrorReaderPtr start(MirrorBackend &backend, TenantRegistry *registry = nullptr);
    ~MirrorReader() override;

    /// tenantsReady: registry states merged with the backend's mirrors, with table and row counts.
    void requestTenants(quint64 generation);
    /// tablesReady (rows unknown), then rowCountsReady for the same tenant.
    void requestTables(quint64 generation, const QString &tenant);
    /// countReady: rows of the table matching the query's filters.
    void requestCount(quint64 generation, const PageQuery &query);
    /// estimateReady: the table's rows as guessed without a scan (ms::estimatedRows; the query's
    /// filters are not applied), -1 for no guess.
    void requestEstimate(quint64 generation, const PageQuery &query);
    /// boundariesReady: the order key of every pageSize-th row (row 0, pageSize, 2*pageSize...).
    void requestBoundaries(quint64 generation, const PageQuery &query, int pageSize);
    /// pageReady: up to limit rows from start; firstRow is echoed in RowPage::firstRow.
    void requestPage(quint64 generation, const PageQuery &query, const PageStart &start, int limit,
                     qint64 firstRow);
    /// queryReady: one statement run on a read-only connection (SQLite: PRAGMA query_only=1;
    /// PostgreSQL: a read-only transaction, rolled back afterwards; SQL Server: a transaction,
    /// rolled back afterwards).
    void requestQuery(quint64 generation, const QString &tenant, const QString &sql, int rowLimit);
    /// Skips queued requests older than generation and interrupts the running one if older (on
    /// PostgreSQL it repeats the cancel until it lands: usually once, for at most 3 s).
    void discardBefore(quint64 generation);
    /// Closes the tenant's connection (before its mirror is deleted). Any thread; queued.
    void closeTenant(const QString &tenant);

Q_SIGNALS:
    void tenantsReady(quint64 generation, const QList<ms::TenantSummary> &tenants);
    void tablesReady(quint64 generation, const QString &tenant,
                     const QList<ms::TableSummary> &tables);
    void rowCountsReady(quint64 generation, const QString &tenant, const ms::RowCounts &counts);
    void countReady(quint64 generation, qint64 rows);
    void estimateReady(quint64 generation, qint64 rows);
    void boundariesReady(quint64 generation, const QList<QVariantList> &pageKeys);
    void pageReady(quint64 generation, const ms::RowPage &page);
    void queryReady(quint64 generation, const ms::QueryResult &result);
    /// A request failed; message is for people.
    void failed(quint64 generation, const QString &message);

private:
    MirrorReader(MirrorBackend &backend, TenantRegistry *registry);

    bool isStale(quint64 generation) const;
    ReaderConnection &connection(const QString &tenant);
    void closeTenantConnection(const QString &tenant);
    /// Closes the tenant's connection after an error if it is a server's; true if it did.
    bool dropServerConnection(const QString &tenant);
    void closeAll();
    /// Runs body(connection) for a fresh request with the tenant's connection marked as running;
    /// errors become failed().
    template <typename Body> void guarded(quint64 generation, const QString &tenant, Body body);
    void setRunning(quint64 generation, ReaderConnection *connection);

    void readTenants(quint64 generation);
    void readTables(quint64 generation, const QString &tenant);
    void readCount(quint64 generation, const PageQuery &query);
    void readEstimate(quint64 generation, const PageQuery &query);
    void readBoundaries(quint64 generation, const PageQuery &query, int pageSize);
    void readPage(quint64 generation, const PageQuery &query, const PageStart &start, int limit,
                  qint64 firstRow);
    void readQuery(quint64 generation, const QString &tenant, const QString &sql, int rowLimit);

    MirrorBackend &m_backend;
    TenantRegistry *m_registry;
    QString m_connectionPrefix;
    /// By tenant (reader thread only).
    std::map<QString, std::unique_ptr<ReaderConnection>> m_connections;
    std::atomic<quint64> m_floor{0};
    // Guards the running request's connection, so that an interrupt never hits a closed one.
    QMutex m_runningMutex;
    quint64 m_running = 0;                           ///< generation running, 0 = idle
    ReaderConnection *m_runningConnection = nullptr; ///< the running request's connection
};

} // namespace ms
