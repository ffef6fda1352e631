#include "sqlschemaapplier.h"

#include "sqlcatalog.h"
#include "sqldialect.h"
#include "sqlmetadata.h"
#include "sqlsession.h"

#include "service/common/identifiers.h"
#include "service/common/logging.h"
#include "service/store/schemadiff.h"
#include "service/store/schemahash.h"
#include "service/store/schemavalidator.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqlSchemaApplier::SqlSchemaApplier(SqlSession &session, SqlMetadata &metadata, QString tenant)
    : m_session(session), m_metadata(metadata), m_tenant(std::move(tenant))
{}

QList<TableState> SqlSchemaApplier::apply(const QList<TableSchema> &tables)
{
    validateSchemaRequest(tables);
    checkNames(tables);
    SqlTransaction transaction(m_session, u"TableSchema"_s);
    refuseUnmanagedTables(tables);
    dropTablesNotIn(tables);
    QList<TableState> states;
    states.reserve(tables.size());
    for (const TableSchema &table : tables)
        states.append(applyTable(table));
    transaction.commit();
    return states;
}

void SqlSchemaApplier::checkNames(const QList<TableSchema> &tables) const
{
    const SqlDialect &dialect = m_session.dialect();
    for (const TableSchema &table : tables) {
        dialect.checkIdentifier(table.tableName, u"Table '%1'"_s.arg(table.tableName));
        for (const ColumnSchema &column : table.columns)
            dialect.checkIdentifier(
                column.name, u"Column '%1' of table '%2'"_s.arg(column.name, table.tableName));
    }
}

void SqlSchemaApplier::refuseUnmanagedTables(const QList<TableSchema> &tables)
{
    const QList<MirroredTable> rows = m_metadata.readAll();
    const QString metadataTable = m_metadata.tableName();
    for (const TableSchema &table : tables) {
        if (table.tableName.compare(metadataTable, Qt::CaseInsensitive) == 0)
            throw clientError(
                u"Table '%1' is the mirror's metadata table and cannot be mirrored"_s.arg(
                    table.tableName));
        for (const SqlRelation &relation :
             relationsNamedIgnoringCase(m_session, m_tenant, table.tableName)) {
            // The mirror's own only if a table named exactly as one of the metadata rows.
            const bool managed =
                relation.isTable && std::any_of(rows.begin(), rows.end(), [&](const auto &row) {
                    return row.tableName == relation.name;
                });
            if (!managed)
                throw clientError(
                    u"Table '%1' already exists in %2 as '%3' without a row in %4: it is not "
                    "the mirror's (a table of your own, or a hard reset that deleted the "
                    "metadata row but did not drop the table). Drop or rename it, then let the "
                    "next cycle run."_s.arg(table.tableName,
                                            m_session.dialect().tenantContainer(m_tenant),
                                            relation.name, metadataTable));
        }
    }
}

void SqlSchemaApplier::dropTablesNotIn(const QList<TableSchema> &tables)
{
    QSet<QString> requested;
    for (const TableSchema &table : tables)
        requested.insert(table.tableName);
    const SqlDialect &dialect = m_session.dialect();
    for (const MirroredTable &row : m_metadata.readAll()) {
        const QString &name = row.tableName;
        if (requested.contains(name))
            continue;
        // A hand-made row naming the metadata table or an invalid name is only removed, and so
        // is one whose table is gone.
        if (isValidSqlIdentifier(name) &&
            name.compare(m_metadata.tableName(), Qt::CaseInsensitive) != 0 &&
            hasTable(m_session, m_tenant, name)) {
            m_session.exec(dialect.dropTable(m_tenant, name),
                           u"dropping table %1, deleted at the source"_s.arg(name));
        }
        m_metadata.remove(name);
        qCInfo(lcStore) << "Dropped table" << name << "of tenant" << m_tenant
                        << "(no longer in the source's schema)";
    }
}

TableState SqlSchemaApplier::applyTable(const TableSchema &table)
{
    const QString hash = schemaHash(table);
    const std::optional<MirroredTable> row = m_metadata.read(table.tableName);
    if (!row || !hasTable(m_session, m_tenant, table.tableName)) {
        // A metadata row whose table was dropped by hand gets its table back, empty.
        create(table);
        m_metadata.write(table, hash, -1);
        return {table.tableName, -1, SchemaChange::Created};
    }
    if (row->schemaHash == hash)
        return {table.tableName, row->lsn, SchemaChange::None};

    const std::optional<TableSchema> recorded =
        row->schema.tableName.isEmpty() ? std::nullopt : std::optional(row->schema);
    // Equal schemas behind a different hash mean a hand-edited hash: reload the table.
    const SchemaDiff diff = recorded ? diffSchemas(*recorded, table) : SchemaDiff{};
    const SqlDialect &dialect = m_session.dialect();
    if (diff.change == SchemaChange::Altered) {
        if (diff.appendedOnly) {
            for (qsizetype index : diff.addedColumns) {
                for (const QString &statement : dialect.addColumn(m_tenant, table, index))
                    m_session.exec(statement, u"adding column %1 to %2"_s.arg(
                                                  table.columns[index].name, table.tableName));
            }
            qCInfo(lcStore) << "Added" << diff.addedColumns.size() << "column(s) to"
                            << table.tableName << "of tenant" << m_tenant;
        } else {
            rebuild(table, diff.addedColumns);
        }
        m_metadata.write(table, hash, row->lsn);
        return {table.tableName, row->lsn, SchemaChange::Altered};
    }
    m_session.exec(dialect.dropTable(m_tenant, table.tableName),
                   u"dropping table %1 to recreate it"_s.arg(table.tableName));
    create(table);
    m_metadata.write(table, hash, -1);
    qCInfo(lcStore) << "Recreated table" << table.tableName << "of tenant" << m_tenant;
    return {table.tableName, -1, SchemaChange::Recreated};
}

void SqlSchemaApplier::create(const TableSchema &table)
{
    m_session.exec(m_session.dialect().createTable(m_tenant, table, table.tableName),
                   u"creating table %1"_s.arg(table.tableName));
    qCInfo(lcStore) << "Created table" << table.tableName << "of tenant" << m_tenant;
}

QString SqlSchemaApplier::unusedTableName(const QString &stem)
{
    for (int n = 0;; ++n) {
        const QString name = u"%1%2"_s.arg(stem).arg(n);
        if (relationsNamedIgnoringCase(m_session, m_tenant, name).isEmpty())
            return name;
    }
}

void SqlSchemaApplier::rebuild(const TableSchema &table, const QList<qsizetype> &added)
{
    // Columns can only be appended; to keep the schema's order, copy into a new table. A short
    // temporary name: the table's own name plus a suffix could pass the server's name limit.
    const SqlDialect &dialect = m_session.dialect();
    const QString temporary = unusedTableName(u"ms_rebuild_"_s);
    m_session.exec(dialect.createTable(m_tenant, table, temporary),
                   u"creating a new copy of table %1"_s.arg(table.tableName));
    // Existing columns are copied; a new nullable column gets NULL, a new NOT NULL one is left
    // out so that it takes its (constant) default.
    QStringList targets, sources;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        const ColumnSchema &column = table.columns[i];
        const QString quoted = dialect.quoteIdentifier(column.name);
        if (!added.contains(i)) {
            targets.append(quoted);
            sources.append(quoted);
        } else if (column.isNullable && !table.primaryKey.contains(column.name)) {
            targets.append(quoted);
            sources.append(u"NULL"_s);
        }
    }
    m_session.exec(u"INSERT INTO %1 (%2) SELECT %3 FROM %4"_s.arg(
                       dialect.qualifiedTable(m_tenant, temporary), targets.join(u", "_s),
                       sources.join(u", "_s), dialect.qualifiedTable(m_tenant, table.tableName)),
                   u"copying the rows of %1 to add columns"_s.arg(table.tableName));
    m_session.exec(dialect.dropTable(m_tenant, table.tableName),
                   u"dropping the old copy of table %1"_s.arg(table.tableName));
    for (const QString &statement : dialect.renameTable(m_tenant, temporary, table.tableName))
        m_session.exec(statement, u"renaming the new copy of table %1"_s.arg(table.tableName));
    qCInfo(lcStore) << "Rebuilt table" << table.tableName << "of tenant" << m_tenant << "with"
                    << added.size() << "new column(s) in the middle";
}

} // namespace ms
