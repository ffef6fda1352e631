#include "mirrorreader.h"

#include "keysetsql.h"
#include "readersql.h"
#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/common/logging.h"
#include "service/state/tenantregistry.h"
#include "service/store/mirrorbackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <sqlite3.h>

#include <map>
#include <optional>

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
    const QMutexLocker lock(&m_runningMutex);
    if (m_running != 0 && m_running < generation && m_runningHandle)
        sqlite3_interrupt(static_cast<sqlite3 *>(m_runningHandle));
}

void MirrorReader::closeTenant(const QString &tenant)
{
    QMetaObject::invokeMethod(
        this,
        [this, tenant] {
            const QString name = m_connections.take(tenant).connection;
            if (!name.isEmpty())
                QSqlDatabase::removeDatabase(name);
        },
        Qt::QueuedConnection);
}

bool MirrorReader::isStale(quint64 generation) const
{
    return generation < m_floor.load();
}

void MirrorReader::setRunning(quint64 generation, void *handle)
{
    const QMutexLocker lock(&m_runningMutex);
    m_running = generation;
    m_runningHandle = handle;
}

void MirrorReader::closeAll()
{
    setRunning(0, nullptr);
    const QList<OpenMirror> open = m_connections.values();
    m_connections.clear();
    for (const OpenMirror &mirror : open)
        QSqlDatabase::removeDatabase(mirror.connection);
}

QString MirrorReader::mirrorFile(const QString &tenant)
{
    if (!isValidTenantId(tenant))
        throw clientError(tr("%1 is not a valid tenant id.").arg(tenant));
    // exists() first: open() would create a mirror for a tenant that has none.
    if (!m_backend.exists(tenant))
        throw clientError(tr("The tenant %1 has no mirror.").arg(tenant));
    const QString location = m_backend.open(tenant)->location();
    if (!QFileInfo(location).isFile())
        throw clientError(
            tr("Browsing rows needs a mirror file; the mirror of %1 is %2.").arg(tenant, location));
    return location;
}

QSqlDatabase MirrorReader::connection(const QString &tenant)
{
    const auto it = m_connections.constFind(tenant);
    if (it != m_connections.constEnd()) {
        QSqlDatabase db = QSqlDatabase::database(it->connection, false);
        // A connection keeps reading a deleted file: reopen once the mirror is gone or remade.
        const std::optional<FileId> id = fileIdOf(it->file);
        if (db.isOpen() && id && id->device == it->device && id->inode == it->inode)
            return db;
        const QString name = it->connection;
        db = QSqlDatabase();
        m_connections.remove(tenant);
        QSqlDatabase::removeDatabase(name);
    }
    const QString file = mirrorFile(tenant);
    const std::optional<FileId> id = fileIdOf(file);
    const QString name = m_connectionPrefix + tenant;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(file);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!id || !db.open()) {
        const QString reason = id ? db.lastError().text() : tr("the file is gone");
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw serverError(tr("Could not open the mirror %1: %2").arg(file, reason));
    }
    // A second guard besides the read-only open: the Query pane runs text people type.
    QSqlQuery pragma(db);
    pragma.exec(u"PRAGMA query_only=1"_s);
    m_connections.insert(tenant, OpenMirror{name, file, id->device, id->inode});
    return db;
}

template <typename Body>
void MirrorReader::guarded(quint64 generation, const QString &tenant, Body body)
{
    if (isStale(generation))
        return;
    try {
        QSqlDatabase db = connection(tenant);
        setRunning(generation, sqliteHandle(db));
        body(db);
        setRunning(0, nullptr);
    } catch (const Error &error) {
        setRunning(0, nullptr);
        if (!isStale(generation))
            Q_EMIT failed(generation, error.message());
    }
}

void MirrorReader::readTenants(quint64 generation)
{
    if (isStale(generation))
        return;
    std::map<QString, TenantSummary> byName;
    try {
        if (m_registry) {
            for (const TenantStatus &status : m_registry->tenants())
                byName[status.tenant].status = status;
        }
        for (const QString &tenant : m_backend.tenants()) {
            TenantSummary &summary = byName[tenant];
            summary.status.tenant = tenant;
            summary.hasMirror = true;
            const QList<MirroredTable> tables = m_backend.open(tenant)->tables();
            summary.tables = int(tables.size());
            QSqlDatabase db = connection(tenant);
            for (const MirroredTable &table : tables) {
                if (isStale(generation))
                    return;
                if (!isValidSqlIdentifier(table.tableName))
                    continue;
                QSqlQuery count = execPrepared(
                    db, {u"SELECT COUNT(*) FROM %1"_s.arg(quoteIdentifier(table.tableName)), {}});
                if (count.next())
                    summary.rows += count.value(0).toLongLong();
            }
        }
    } catch (const Error &error) {
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
    QList<MirroredTable> tables;
    try {
        if (!isValidTenantId(tenant) || !m_backend.exists(tenant)) {
            Q_EMIT tablesReady(generation, tenant, {});
            Q_EMIT rowCountsReady(generation, tenant, {});
            return;
        }
        tables = m_backend.open(tenant)->tables();
    } catch (const Error &error) {
        Q_EMIT failed(generation, error.message());
        return;
    }
    QList<TableSummary> summaries;
    for (const MirroredTable &table : tables)
        summaries.append(TableSummary{table, -1});
    Q_EMIT tablesReady(generation, tenant, summaries);
    guarded(generation, tenant, [&](const QSqlDatabase &db) {
        RowCounts counts;
        const QStringList present = db.tables();
        for (const MirroredTable &table : tables) {
            if (isStale(generation))
                return;
            // A metadata row whose table was dropped by hand (half a hard reset) has no count.
            if (!isValidSqlIdentifier(table.tableName) ||
                !present.contains(table.tableName, Qt::CaseInsensitive))
                continue;
            QSqlQuery count = execPrepared(
                db, {u"SELECT COUNT(*) FROM %1"_s.arg(quoteIdentifier(table.tableName)), {}});
            if (count.next())
                counts.insert(table.tableName, count.value(0).toLongLong());
        }
        Q_EMIT rowCountsReady(generation, tenant, counts);
    });
}

void MirrorReader::readCount(quint64 generation, const PageQuery &query)
{
    guarded(generation, query.tenant, [&](const QSqlDatabase &db) {
        QSqlQuery count = execPrepared(db, countSql(query));
        const qint64 rows = count.next() ? count.value(0).toLongLong() : 0;
        throwIfStepFailed(count);
        Q_EMIT countReady(generation, rows);
    });
}

void MirrorReader::readBoundaries(quint64 generation, const PageQuery &query, int pageSize)
{
    guarded(generation, query.tenant, [&](const QSqlDatabase &db) {
        QSqlQuery keys = execPrepared(db, boundarySql(query, pageSize));
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
    guarded(generation, query.tenant, [&](const QSqlDatabase &db) {
        QSqlQuery rows = execPrepared(db, pageSql(query, start, limit));
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
    guarded(generation, tenant, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
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
