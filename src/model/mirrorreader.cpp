#include "mirrorreader.h"

#include "keysetsql.h"
#include "readerconnection.h"
#include "readersql.h"
#include "rowestimate.h"
#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/common/logging.h"
#include "service/state/tenantregistry.h"
#include "service/store/mirrorbackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutexLocker>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <map>

using namespace Qt::Literals::StringLiterals;

namespace ms {

void MirrorReaderStopper::operator()(MirrorReader *reader) const
{
    if (!reader)
        return;
    QThread *thread = reader->thread();
    thread->quit();
    thread->wait();
    delete reader;
    delete thread;
}

MirrorReaderPtr MirrorReader::start(MirrorBackend &backend, TenantRegistry *registry)
{
    registerReaderTypes();
    auto *thread = new QThread;
    thread->setObjectName(u"MirrorReader"_s);
    MirrorReaderPtr reader(new MirrorReader(backend, registry));
    reader->moveToThread(thread);
    // Connections belong to the thread that opened them: close them there, as it ends.
    QObject::connect(thread, &QThread::finished, reader.get(), &MirrorReader::closeAll,
                     Qt::DirectConnection);
    thread->start();
    return reader;
}

MirrorReader::MirrorReader(MirrorBackend &backend, TenantRegistry *registry)
    : m_backend(backend), m_registry(registry),
      m_connectionPrefix(u"ms-reader-%1-"_s.arg(quintptr(this), 0, 16))
{}

MirrorReader::~MirrorReader() = default;

void MirrorReader::requestTenants(quint64 generation)
{
    QMetaObject::invokeMethod(
        this, [this, generation] { readTenants(generation); }, Qt::QueuedConnection);
}

void MirrorReader::requestTables(quint64 generation, const QString &tenant)
{
    QMetaObject::invokeMethod(
        this, [this, generation, tenant] { readTables(generation, tenant); }, Qt::QueuedConnection);
}

void MirrorReader::requestCount(quint64 generation, const PageQuery &query)
{
    QMetaObject::invokeMethod(
        this, [this, generation, query] { readCount(generation, query); }, Qt::QueuedConnection);
}

void MirrorReader::requestEstimate(quint64 generation, const PageQuery &query)
{
    QMetaObject::invokeMethod(
        this, [this, generation, query] { readEstimate(generation, query); }, Qt::QueuedConnection);
}

void MirrorReader::requestBoundaries(quint64 generation, const PageQuery &query, int pageSize)
{
    QMetaObject::invokeMethod(
        this, [this, generation, query, pageSize] { readBoundaries(generation, query, pageSize); },
        Qt::QueuedConnection);
}

void MirrorReader::requestPage(quint64 generation, const PageQuery &query, const PageStart &start,
                               int limit, qint64 firstRow)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, query, start, limit, firstRow] {
            readPage(generation, query, start, limit, firstRow);
        },
        Qt::QueuedConnection);
}

void MirrorReader::requestQuery(quint64 generation, const QString &tenant, const QString &sql,
                                int rowLimit)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, tenant, sql, rowLimit] { readQuery(generation, tenant, sql, rowLimit); },
        Qt::QueuedConnection);
}

void MirrorReader::discardBefore(quint64 generation)
{
    quint64 floor = m_floor.load();
    while (floor < generation && !m_floor.compare_exchange_weak(floor, generation)) {
    }
    // A cancel reaches only the statement the server runs at that moment: a request caught
    // between its staleness check and its statement would run on. PostgreSQL is asked again
    // until the request has ended, for at most three seconds (it ends within milliseconds once
    // hit; a starved reader thread may take long to reach its statement).
    for (int attempt = 0; attempt < 60; ++attempt) {
        {
            const QMutexLocker lock(&m_runningMutex);
            if (m_running == 0 || m_running >= generation || !m_runningConnection)
                return;
            m_runningConnection->interrupt();
            if (!m_runningConnection->isPostgres())
                return;
        }
        QThread::msleep(50);
    }
}

void MirrorReader::closeTenant(const QString &tenant)
{
    QMetaObject::invokeMethod(
        this, [this, tenant] { closeTenantConnection(tenant); }, Qt::QueuedConnection);
}

bool MirrorReader::isStale(quint64 generation) const
{
    return generation < m_floor.load();
}

void MirrorReader::setRunning(quint64 generation, ReaderConnection *connection)
{
    const QMutexLocker lock(&m_runningMutex);
    m_running = generation;
    m_runningConnection = connection;
}

void MirrorReader::closeTenantConnection(const QString &tenant)
{
    const auto it = m_connections.find(tenant);
    if (it == m_connections.end())
        return;
    std::unique_ptr<ReaderConnection> closing = std::move(it->second);
    m_connections.erase(it);
}

bool MirrorReader::dropServerConnection(const QString &tenant)
{
    const auto it = m_connections.find(tenant);
    if (it == m_connections.end() || !it->second->isServer())
        return false;
    m_connections.erase(it);
    return true;
}

void MirrorReader::closeAll()
{
    setRunning(0, nullptr);
    m_connections.clear();
}

ReaderConnection &MirrorReader::connection(const QString &tenant)
{
    const auto it = m_connections.find(tenant);
    if (it != m_connections.end()) {
        if (it->second->isCurrent())
            return *it->second;
        m_connections.erase(it);
    }
    if (!isValidTenantId(tenant))
        throw clientError(tr("%1 is not a valid tenant id.").arg(tenant));
    // exists() first: a reader never creates a mirror for a tenant that has none.
    if (!m_backend.exists(tenant))
        throw clientError(tr("The tenant %1 has no mirror.").arg(tenant));
    auto opened = std::make_unique<ReaderConnection>(m_backend.readAccess(tenant), tenant,
                                                     m_connectionPrefix + tenant);
    ReaderConnection &out = *opened;
    m_connections[tenant] = std::move(opened);
    return out;
}

template <typename Body>
void MirrorReader::guarded(quint64 generation, const QString &tenant, Body body)
{
    if (isStale(generation))
        return;
    try {
        ReaderConnection &db = connection(tenant);
        setRunning(generation, &db);
        // Opening a server connection takes a while: a discardBefore() meanwhile found nothing
        // running to interrupt, so look again now that an interrupt would reach this request.
        if (isStale(generation)) {
            setRunning(0, nullptr);
            return;
        }
        body(db);
        setRunning(0, nullptr);
    } catch (const Error &error) {
        setRunning(0, nullptr);
        QString message = error.message();
        // A server connection outlives a dropped schema or database, or broke: open a new one
        // next time, and say what happened, not "no relation".
        if (dropServerConnection(tenant)) {
            try {
                if (!m_backend.exists(tenant))
                    message = tr("The tenant %1 has no mirror.").arg(tenant);
            } catch (const Error &) {
                // The first error says it already.
            }
        }
        if (!isStale(generation))
            Q_EMIT failed(generation, message);
    }
}

// Table and row counts of every tenant that has a mirror. A tenant whose mirror cannot be read
// (a server that went away) fails the whole list: the window says so instead of showing zeros.
void MirrorReader::readTenants(quint64 generation)
{
    if (isStale(generation))
        return;
    std::map<QString, TenantSummary> byName;
    QString reading; // the tenant whose mirror is being read
    try {
        if (m_registry) {
            for (const TenantStatus &status : m_registry->tenants())
                byName[status.tenant].status = status;
        }
        for (const QString &tenant : m_backend.tenants()) {
            TenantSummary &summary = byName[tenant];
            summary.status.tenant = tenant;
            summary.hasMirror = true;
            reading = tenant;
            ReaderConnection &db = connection(tenant);
            setRunning(generation, &db);
            const QList<MirroredTable> tables = db.tables();
            const QStringList present = db.presentTables();
            summary.tables = int(tables.size());
            for (const MirroredTable &table : tables) {
                if (isStale(generation)) {
                    setRunning(0, nullptr);
                    return;
                }
                if (!isValidSqlIdentifier(table.tableName) ||
                    !present.contains(table.tableName, Qt::CaseInsensitive))
                    continue;
                QSqlQuery count =
                    execPrepared(db.database(), rowCountSql(table.tableName, {db.kind(), {}}));
                if (count.next())
                    summary.rows += count.value(0).toLongLong();
            }
            setRunning(0, nullptr);
        }
    } catch (const Error &error) {
        setRunning(0, nullptr);
        if (!reading.isEmpty())
            dropServerConnection(reading);
        if (!isStale(generation))
            Q_EMIT failed(generation, error.message());
        return;
    }
    QList<TenantSummary> out;
    for (auto &[name, summary] : byName)
        out.append(summary);
    if (!isStale(generation))
        Q_EMIT tenantsReady(generation, out);
}

void MirrorReader::readTables(quint64 generation, const QString &tenant)
{
    if (isStale(generation))
        return;
    try {
        if (!isValidTenantId(tenant) || !m_backend.exists(tenant)) {
            Q_EMIT tablesReady(generation, tenant, {});
            Q_EMIT rowCountsReady(generation, tenant, {});
            return;
        }
    } catch (const Error &error) {
        Q_EMIT failed(generation, error.message());
        return;
    }
    guarded(generation, tenant, [&](ReaderConnection &db) {
        const QList<MirroredTable> tables = db.tables();
        QList<TableSummary> summaries;
        for (const MirroredTable &table : tables)
            summaries.append(TableSummary{table, -1});
        Q_EMIT tablesReady(generation, tenant, summaries);
        RowCounts counts;
        const QStringList present = db.presentTables();
        for (const MirroredTable &table : tables) {
            if (isStale(generation))
                return;
            // A metadata row whose table was dropped by hand (half a hard reset) has no count.
            if (!isValidSqlIdentifier(table.tableName) ||
                !present.contains(table.tableName, Qt::CaseInsensitive))
                continue;
            QSqlQuery count =
                execPrepared(db.database(), rowCountSql(table.tableName, {db.kind(), {}}));
            if (count.next())
                counts.insert(table.tableName, count.value(0).toLongLong());
        }
        Q_EMIT rowCountsReady(generation, tenant, counts);
    });
}

void MirrorReader::readCount(quint64 generation, const PageQuery &query)
{
    guarded(generation, query.tenant, [&](ReaderConnection &db) {
        const ReaderDialect dialect = db.dialectFor(query.table);
        if (isStale(generation))
            return;
        QSqlQuery count = execPrepared(db.database(), countSql(query, dialect));
        const qint64 rows = count.next() ? count.value(0).toLongLong() : 0;
        throwIfStepFailed(count);
        Q_EMIT countReady(generation, rows);
    });
}

void MirrorReader::readEstimate(quint64 generation, const PageQuery &query)
{
    guarded(generation, query.tenant, [&](ReaderConnection &db) {
        Q_EMIT estimateReady(generation, estimatedRows(db, query.table));
    });
}

void MirrorReader::readBoundaries(quint64 generation, const PageQuery &query, int pageSize)
{
    guarded(generation, query.tenant, [&](ReaderConnection &db) {
        const ReaderDialect dialect = db.dialectFor(query.table);
        if (isStale(generation))
            return;
        QSqlQuery keys = execPrepared(db.database(), boundarySql(query, pageSize, dialect));
        const int width = int(orderColumns(query).size());
        QList<QVariantList> out;
        while (keys.next()) {
            QVariantList key;
            key.reserve(width);
            for (int i = 0; i < width; ++i)
                key.append(sqlValue(keys, i));
            out.append(std::move(key));
        }
        throwIfStepFailed(keys);
        Q_EMIT boundariesReady(generation, out);
    });
}

void MirrorReader::readPage(quint64 generation, const PageQuery &query, const PageStart &start,
                            int limit, qint64 firstRow)
{
    guarded(generation, query.tenant, [&](ReaderConnection &db) {
        const ReaderDialect dialect = db.dialectFor(query.table);
        if (isStale(generation))
            return;
        QSqlQuery rows = execPrepared(db.database(), pageSql(query, start, limit, dialect));
        const int width = int(query.columns.size());
        const int keyWidth = int(orderColumns(query).size());
        RowPage page;
        page.firstRow = firstRow;
        page.rows.reserve(limit);
        while (rows.next()) {
            QVariantList row;
            row.reserve(width);
            for (int i = 0; i < width; ++i)
                row.append(sqlValue(rows, i));
            page.rows.append(std::move(row));
            page.lastKey.clear();
            for (int i = 0; i < keyWidth; ++i)
                page.lastKey.append(sqlValue(rows, width + i));
        }
        throwIfStepFailed(rows);
        Q_EMIT pageReady(generation, page);
    });
}

void MirrorReader::readQuery(quint64 generation, const QString &tenant, const QString &sql,
                             int rowLimit)
{
    QueryResult result;
    QElapsedTimer timer;
    timer.start();
    guarded(generation, tenant, [&](ReaderConnection &db) {
        db.beginUserStatement();
        // Between statements: a cancel that came while BEGIN ran has nothing left to stop.
        if (isStale(generation)) {
            db.endUserStatement();
            return;
        }
        const auto rollback = qScopeGuard([&db] { db.endUserStatement(); });
        QSqlQuery query(db.database());
        query.setForwardOnly(true);
        preferExactNumbers(query);
        if (!query.exec(sql)) {
            result.error = query.lastError().text();
        } else {
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i)
                result.columns.append(record.fieldName(i));
            while (query.next()) {
                if (result.rows.size() >= rowLimit) {
                    result.truncated = true;
                    break;
                }
                QVariantList row;
                for (int i = 0; i < record.count(); ++i)
                    row.append(sqlValue(query, i));
                result.rows.append(std::move(row));
            }
            if (query.lastError().isValid())
                result.error = query.lastError().text();
        }
        result.elapsed = std::chrono::microseconds(timer.nsecsElapsed() / 1000);
        // An interrupted statement ends as an error: not one to show for a superseded query.
        if (!isStale(generation))
            Q_EMIT queryReady(generation, result);
    });
}

} // namespace ms
