#include "tenantregistry.h"

#include "service/common/error.h"
#include "service/common/logging.h"

#include <QDir>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr auto kSchema = R"(
CREATE TABLE IF NOT EXISTS tenants (
    tenant TEXT PRIMARY KEY,
    paused INTEGER NOT NULL DEFAULT 0,
    first_seen INTEGER,
    last_call_at INTEGER,
    last_operation TEXT,
    cycle_started_at INTEGER,
    last_completed_at INTEGER,
    last_failure_at INTEGER,
    last_failure TEXT
);
)";

QDateTime timeAt(const state::Statement &s, int column)
{
    return s.isNullAt(column) ? QDateTime()
                              : QDateTime::fromMSecsSinceEpoch(s.int64At(column), Qt::UTC);
}

constexpr auto kSelect = "SELECT tenant, paused, first_seen, last_call_at, last_operation, "
                         "cycle_started_at, last_completed_at, last_failure_at, last_failure "
                         "FROM tenants";

TenantStatus statusAt(const state::Statement &s)
{
    TenantStatus t;
    t.tenant = s.textAt(0);
    t.paused = s.int64At(1) != 0;
    t.firstSeen = timeAt(s, 2);
    t.lastCallAt = timeAt(s, 3);
    t.lastOperation = s.textAt(4);
    t.cycleStartedAt = timeAt(s, 5);
    t.lastCompletedAt = timeAt(s, 6);
    t.lastFailureAt = timeAt(s, 7);
    t.lastFailure = s.textAt(8);
    return t;
}
} // namespace

QString TenantRegistry::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"mirrorscope-tenants.sqlite3"_s);
}

TenantRegistry::TenantRegistry(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        throw serverError(u"Cannot create the data directory %1"_s.arg(dataDir));
    m_db = state::SqliteHandle::open(filePath(dataDir));
    m_db.exec(kSchema);
}

void TenantRegistry::ensureRow(const QString &tenant, const QDateTime &at)
{
    state::Statement insert(m_db,
                            "INSERT OR IGNORE INTO tenants(tenant, first_seen) VALUES (?, ?)");
    insert.bind(1, tenant);
    insert.bind(2, at.toMSecsSinceEpoch());
    insert.step();
}

bool TenantRegistry::isPaused(const QString &tenant) const
{
    QMutexLocker lock(&m_mutex);
    state::Statement select(m_db, "SELECT paused FROM tenants WHERE tenant = ?");
    select.bind(1, tenant);
    return select.step() && select.int64At(0) != 0;
}

void TenantRegistry::setPaused(const QString &tenant, bool paused)
{
    QMutexLocker lock(&m_mutex);
    ensureRow(tenant, QDateTime::currentDateTimeUtc());
    state::Statement update(m_db, "UPDATE tenants SET paused = ? WHERE tenant = ?");
    update.bind(1, qint64(paused ? 1 : 0));
    update.bind(2, tenant);
    update.step();
}

void TenantRegistry::update(const char *sql, const QString &tenant, const QDateTime &at,
                            const QString &text)
{
    QMutexLocker lock(&m_mutex);
    try {
        ensureRow(tenant, at);
        state::Statement statement(m_db, sql);
        statement.bind(1, at.toMSecsSinceEpoch());
        statement.bind(2, text);
        statement.bind(3, tenant);
        statement.step();
    } catch (const ms::Error &e) {
        qCWarning(lcState) << "Could not update the tenant registry:" << e.message();
    }
}

void TenantRegistry::recordCall(const QString &tenant, const QString &operation,
                                const QDateTime &at)
{
    update("UPDATE tenants SET last_call_at = ?1, last_operation = ?2 WHERE tenant = ?3", tenant,
           at, operation);
}

void TenantRegistry::recordCycleStarted(const QString &tenant, const QDateTime &at)
{
    update("UPDATE tenants SET cycle_started_at = ?1, last_operation = ?2 WHERE tenant = ?3",
           tenant, at, u"Authenticate"_s);
}

void TenantRegistry::recordCycleCompleted(const QString &tenant, const QDateTime &at)
{
    update("UPDATE tenants SET last_completed_at = ?1, last_operation = ?2 WHERE tenant = ?3",
           tenant, at, u"ReplicationCompleted"_s);
}

void TenantRegistry::recordFailure(const QString &tenant, const QString &message,
                                   const QDateTime &at)
{
    update("UPDATE tenants SET last_failure_at = ?1, last_failure = ?2 WHERE tenant = ?3", tenant,
           at, message);
}

QList<TenantStatus> TenantRegistry::tenants() const
{
    QMutexLocker lock(&m_mutex);
    state::Statement select(m_db, (QByteArray(kSelect) + " ORDER BY tenant").constData());
    QList<TenantStatus> result;
    while (select.step())
        result.append(statusAt(select));
    return result;
}

std::optional<TenantStatus> TenantRegistry::tenant(const QString &tenant) const
{
    QMutexLocker lock(&m_mutex);
    state::Statement select(m_db, (QByteArray(kSelect) + " WHERE tenant = ?").constData());
    select.bind(1, tenant);
    if (!select.step())
        return std::nullopt;
    return statusAt(select);
}

void TenantRegistry::forget(const QString &tenant)
{
    QMutexLocker lock(&m_mutex);
    state::Statement remove(m_db, "DELETE FROM tenants WHERE tenant = ?");
    remove.bind(1, tenant);
    remove.step();
}

} // namespace ms
