#include "sqlitemirrorstore.h"

#include "sqliteconnection.h"
#include "sqlitemetadata.h"
#include "sqliterowdatatransaction.h"
#include "sqliteschemaapplier.h"

#include "service/common/identifiers.h"
#include "service/common/logging.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqliteMirrorStore::SqliteMirrorStore(QString tenant, const QString &path)
    : m_tenant(std::move(tenant))
{
    if (!isValidTenantId(m_tenant))
        throw clientError(u"'%1' is not a valid tenant id"_s.arg(m_tenant));
    m_connection = std::make_unique<SqliteConnection>(path);
    m_metadata = std::make_unique<SqliteMetadata>(*m_connection, m_tenant);
    m_metadata->ensureTable();
}

SqliteMirrorStore::~SqliteMirrorStore() = default;

QList<TableState> SqliteMirrorStore::applySchema(const QList<TableSchema> &tables)
{
    return SqliteSchemaApplier(*m_connection, *m_metadata).apply(tables);
}

void SqliteMirrorStore::deleteAllRows(const QString &tableName)
{
    if (!m_connection->hasTable(tableName))
        return; // a hand-dropped table has no rows (one differing in case is not the mirror's)
    m_connection->exec(u"DELETE FROM "_s + quoteIdentifier(tableName),
                       u"deleting all rows of %1"_s.arg(tableName));
}

QStringList SqliteMirrorStore::mirroredTables(const QStringList &tableNames,
                                              const QString &operation)
{
    if (tableNames.isEmpty()) {
        QStringList known;
        for (const SqliteMetadata::Row &row : m_metadata->readAll())
            known.append(row.table.tableName);
        return known;
    }
    // One lookup per name, not readAll(): that parses every table's schema JSON, and a cycle
    // wipes its tables one call each (21 wipes cost serve 3,600 instructions per row of a
    // 20,000-row cycle, issue #8). tablename is the key: an exact match, as contains() was.
    for (const QString &name : tableNames) {
        if (!m_metadata->lsn(name))
            throw clientError(u"%1 of table '%2', which the mirror %3 does not have"_s.arg(
                operation, name, m_connection->path()));
    }
    return tableNames;
}

void SqliteMirrorStore::wipe(const QString &tableName)
{
    SqliteTransaction transaction(*m_connection, u"Wipe of %1"_s.arg(tableName));
    mirroredTables({tableName}, u"Wipe"_s);
    deleteAllRows(tableName);
    m_metadata->setLsn(tableName, -1);
    transaction.commit();
    qCInfo(lcStore) << "Wiped table" << tableName << "in" << m_connection->path();
}

std::unique_ptr<RowDataTransaction> SqliteMirrorStore::beginRowData()
{
    return std::make_unique<SqliteRowDataTransaction>(*m_connection, *m_metadata);
}

void SqliteMirrorStore::recordCycleSummary(const QList<TableCounts> &summary)
{
    SqliteTransaction transaction(*m_connection, u"ReplicationCompleted"_s);
    m_metadata->setCycleCounts(summary);
    transaction.commit();
}

QList<MirroredTable> SqliteMirrorStore::tables()
{
    QList<MirroredTable> result;
    for (const SqliteMetadata::Row &row : m_metadata->readAll())
        result.append(row.table);
    return result;
}

void SqliteMirrorStore::invalidate(const QStringList &tableNames)
{
    SqliteTransaction transaction(*m_connection, u"invalidating tables"_s);
    const QStringList names = mirroredTables(tableNames, u"Invalidation"_s);
    for (const QString &name : names) {
        deleteAllRows(name);
        m_metadata->setLsn(name, -1);
    }
    transaction.commit();
    qCInfo(lcStore) << "Invalidated" << names << "in" << m_connection->path();
}

void SqliteMirrorStore::repopulate(const QStringList &tableNames)
{
    SqliteTransaction transaction(*m_connection, u"hard reset of tables"_s);
    const QStringList names = mirroredTables(tableNames, u"Hard reset"_s);
    for (const QString &name : names) {
        // The documented manual hard reset: the metadata row goes, then the table.
        m_metadata->remove(name);
        if (isValidSqlIdentifier(name) &&
            name.compare(m_metadata->tableName(), Qt::CaseInsensitive) != 0 &&
            m_connection->hasTable(name))
            m_connection->exec(u"DROP TABLE "_s + quoteIdentifier(name),
                               u"dropping table %1 for a hard reset"_s.arg(name));
    }
    transaction.commit();
    qCInfo(lcStore) << "Hard reset of" << names << "in" << m_connection->path();
}

QString SqliteMirrorStore::location() const
{
    return m_connection->path();
}

} // namespace ms
