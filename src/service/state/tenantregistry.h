#pragma once

#include "sqlitehandle.h"
#include "tenantstatus.h"

#include <QList>
#include <QMutex>

#include <optional>

namespace ms {

/// Tenant states of a data directory (file mirrorscope-tenants.sqlite3), shared by the endpoint,
/// the window and the command line (a `mirrorscope pause` from another process takes effect at the
/// tenant's next Authenticate, because isPaused() reads the file every time).
/// Thread-safe: every method may be called from any thread.
class TenantRegistry final
{
public:
    /// Opens or creates the registry in dataDir; throws ms::Error(Server).
    explicit TenantRegistry(const QString &dataDir);
    Q_DISABLE_COPY_MOVE(TenantRegistry)

    static QString filePath(const QString &dataDir);

    bool isPaused(const QString &tenant) const;
    void setPaused(const QString &tenant, bool paused);

    /// Bookkeeping of the endpoint; these never throw (a failure is logged), so that the
    /// registry can never fail a mirroring call.
    void recordCall(const QString &tenant, const QString &operation, const QDateTime &at);
    void recordCycleStarted(const QString &tenant, const QDateTime &at);
    void recordCycleCompleted(const QString &tenant, const QDateTime &at);
    void recordFailure(const QString &tenant, const QString &message, const QDateTime &at);

    QList<TenantStatus> tenants() const;
    std::optional<TenantStatus> tenant(const QString &tenant) const;
    void forget(const QString &tenant);

private:
    void ensureRow(const QString &tenant, const QDateTime &at);
    void update(const char *sql, const QString &tenant, const QDateTime &at, const QString &text);

    mutable QMutex m_mutex;
    state::SqliteHandle m_db;
};

} // namespace ms
