#include "sqlmirrorstore.h"

#include "sqlcatalog.h"
#include "sqlconnectionpool.h"
#include "sqldialect.h"
#include "sqlmetadata.h"
#include "sqlrowdatatransaction.h"
#include "sqlschemaapplier.h"
#include "sqlsession.h"

#include "service/common/identifiers.h"
#include "service/common/logging.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
/// The named tables (all when empty), each checked to have a metadata row.
QStringList mirroredTables(SqlMetadata &metadata, const QStringList &tableNames,
                           const QString &operation, const QString &container)
{
    QStringList known;
    for (const MirroredTable &row : metadata.readAll())
        known.append(row.tableName);
    if (tableNames.isEmpty())
        return known;
    for (const QString &name : tableNames) {
        if (!known.contains(name))
            throw clientError(u"%1 of table '%2', which the mirror %3 does not have"_s.arg(
                operation, name, container));
    }
    return tableNames;
}

/// Whether the metadata row's name is a table of ours to touch (a hand-made row may name
/// anything, even the metadata table).
bool isOwnTable(SqlSession &session, SqlMetadata &metadata, const QString &tenant,
                const QString &name)
{
    return isValidSqlIdentifier(name) &&
           name.compare(metadata.tableName(), Qt::CaseInsensitive) != 0 &&
           hasTable(session, tenant, name);
}
} // namespace

SqlMirrorStore::SqlMirrorStore(std::shared_ptr<SqlServerContext> context, QString database,
                               QString tenant)
    : m_context(std::move(context)), m_database(std::move(database)), m_tenant(std::move(tenant))
{}

QList<TableState> SqlMirrorStore::applySchema(const QList<TableSchema> &tables)
{
    SqlSession session(*m_context, m_database, m_tenant);
    SqlMetadata metadata(session, m_tenant);
    return SqlSchemaApplier(session, metadata, m_tenant).apply(tables);
}

void SqlMirrorStore::wipe(const QString &tableName)
{
    SqlSession session(*m_context, m_database, m_tenant);
    SqlMetadata metadata(session, m_tenant);
    SqlTransaction transaction(session, u"Wipe of %1"_s.arg(tableName));
    mirroredTables(metadata, {tableName}, u"Wipe"_s, location());
    if (isOwnTable(session, metadata, m_tenant, tableName))
        session.exec(u"DELETE FROM "_s + session.dialect().qualifiedTable(m_tenant, tableName),
                     u"deleting all rows of %1"_s.arg(tableName));
    metadata.setLsn(tableName, -1);
    transaction.commit();
    qCInfo(lcStore) << "Wiped table" << tableName << "of tenant" << m_tenant;
}

std::unique_ptr<RowDataTransaction> SqlMirrorStore::beginRowData()
{
    return std::make_unique<SqlRowDataTransaction>(*m_context, m_database, m_tenant);
}

void SqlMirrorStore::recordCycleSummary(const QList<TableCounts> &summary)
{
    SqlSession session(*m_context, m_database, m_tenant);
    SqlMetadata metadata(session, m_tenant);
    SqlTransaction transaction(session, u"ReplicationCompleted"_s);
    metadata.setCycleCounts(summary);
    transaction.commit();
}

QList<MirroredTable> SqlMirrorStore::tables()
{
    SqlSession session(*m_context, m_database, m_tenant);
    return SqlMetadata(session, m_tenant).readAll();
}

void SqlMirrorStore::invalidate(const QStringList &tableNames)
{
    SqlSession session(*m_context, m_database, m_tenant);
    SqlMetadata metadata(session, m_tenant);
    SqlTransaction transaction(session, u"invalidating tables"_s);
    const QStringList names = mirroredTables(metadata, tableNames, u"Invalidation"_s, location());
    for (const QString &name : names) {
        if (isOwnTable(session, metadata, m_tenant, name))
            session.exec(u"DELETE FROM "_s + session.dialect().qualifiedTable(m_tenant, name),
                         u"deleting all rows of %1"_s.arg(name));
        metadata.setLsn(name, -1);
    }
    transaction.commit();
    qCInfo(lcStore) << "Invalidated" << names << "of tenant" << m_tenant;
}

void SqlMirrorStore::repopulate(const QStringList &tableNames)
{
    SqlSession session(*m_context, m_database, m_tenant);
    SqlMetadata metadata(session, m_tenant);
    SqlTransaction transaction(session, u"hard reset of tables"_s);
    const QStringList names = mirroredTables(metadata, tableNames, u"Hard reset"_s, location());
    for (const QString &name : names) {
        // The documented manual hard reset: the metadata row goes, then the table.
        metadata.remove(name);
        if (isOwnTable(session, metadata, m_tenant, name))
            session.exec(session.dialect().dropTable(m_tenant, name),
                         u"dropping table %1 for a hard reset"_s.arg(name));
    }
    transaction.commit();
    qCInfo(lcStore) << "Hard reset of" << names << "of tenant" << m_tenant;
}

QString SqlMirrorStore::location() const
{
    return u"%1 in %2 (database %3)"_s.arg(m_context->dialect->tenantContainer(m_tenant),
                                           m_context->pool->serverText(), m_database);
}

} // namespace ms
