#include "sqliteschemaapplier.h"

#include "columndefault.h"
#include "schemadiff.h"
#include "schemahash.h"
#include "schemavalidator.h"
#include "sqliteconnection.h"
#include "sqliteddl.h"
#include "sqlitemetadata.h"
#include "sqlitestatement.h"
#include "sqlitevaluebinder.h"

#include "service/common/identifiers.h"
#include "service/common/logging.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqliteSchemaApplier::SqliteSchemaApplier(SqliteConnection &connection, SqliteMetadata &metadata)
    : m_connection(connection), m_metadata(metadata)
{}

QList<TableState> SqliteSchemaApplier::apply(const QList<TableSchema> &tables)
{
    validateSchemaRequest(tables);
    SqliteTransaction transaction(m_connection, u"TableSchema"_s);
    refuseUnmanagedTables(tables);
    dropTablesNotIn(tables);
    QList<TableState> states;
    states.reserve(tables.size());
    for (const TableSchema &table : tables)
        states.append(applyTable(table));
    transaction.commit();
    return states;
}

void SqliteSchemaApplier::refuseUnmanagedTables(const QList<TableSchema> &tables)
{
    const QList<SqliteMetadata::Row> rows = m_metadata.readAll();
    for (const TableSchema &table : tables) {
        if (table.tableName.compare(m_metadata.tableName(), Qt::CaseInsensitive) == 0)
            throw clientError(
                u"Table '%1' is the mirror's metadata table and cannot be mirrored"_s.arg(
                    table.tableName));
        const QString existing = m_connection.objectNameIgnoringCase(table.tableName);
        if (existing.isEmpty())
            continue;
        // SQLite folds case in names, so the object found may differ in case from the request;
        // it is the mirror's only if it is a table named exactly as one of the metadata rows.
        const bool managed = m_connection.hasTable(existing) &&
                             std::any_of(rows.begin(), rows.end(), [&](const auto &row) {
                                 return row.table.tableName == existing;
                             });
        if (!managed)
            throw clientError(
                u"Table '%1' already exists in %2 without a row in %3: it is not the mirror's "
                "(a table of your own, or a hard reset that deleted the metadata row but did "
                "not drop the table). Drop or rename it, then let the next cycle run."_s.arg(
                    table.tableName, m_connection.path(), m_metadata.tableName()));
    }
}

void SqliteSchemaApplier::dropTablesNotIn(const QList<TableSchema> &tables)
{
    QSet<QString> requested;
    for (const TableSchema &table : tables)
        requested.insert(table.tableName);
    for (const SqliteMetadata::Row &row : m_metadata.readAll()) {
        const QString &name = row.table.tableName;
        if (requested.contains(name))
            continue;
        // A hand-made metadata row naming the metadata table or an invalid name is only removed,
        // and so is one whose table is gone (a table differing in case is someone else's).
        if (isValidSqlIdentifier(name) &&
            name.compare(m_metadata.tableName(), Qt::CaseInsensitive) != 0 &&
            m_connection.hasTable(name)) {
            m_connection.exec(u"DROP TABLE "_s + quoteIdentifier(name),
                              u"dropping table %1, deleted at the source"_s.arg(name));
        }
        m_metadata.remove(name);
        qCInfo(lcStore) << "Dropped table" << name << "from" << m_connection.path()
                        << "(no longer in the source's schema)";
    }
}

TableState SqliteSchemaApplier::applyTable(const TableSchema &table)
{
    const QString hash = schemaHash(table);
    const std::optional<SqliteMetadata::Row> row = m_metadata.read(table.tableName);
    if (!row || !m_connection.hasTable(table.tableName)) {
        // A metadata row whose table was dropped by hand gets its table back, empty.
        create(table);
        m_metadata.write(table, hash, -1);
        return {table.tableName, -1, SchemaChange::Created};
    }
    if (row->table.schemaHash == hash)
        return {table.tableName, row->table.lsn, SchemaChange::None};

    const std::optional<TableSchema> recorded =
        row->table.schema.tableName.isEmpty() ? std::nullopt : std::optional(row->table.schema);
    // Equal schemas behind a different hash mean a hand-edited hash: reload the table.
    const SchemaDiff diff = recorded ? diffSchemas(*recorded, table) : SchemaDiff{};
    if (diff.change == SchemaChange::Altered) {
        alter(table, diff.addedColumns, diff.appendedOnly);
        m_metadata.write(table, hash, row->table.lsn);
        return {table.tableName, row->table.lsn, SchemaChange::Altered};
    }
    m_connection.exec(u"DROP TABLE "_s + quoteIdentifier(table.tableName),
                      u"dropping table %1 to recreate it"_s.arg(table.tableName));
    create(table);
    m_metadata.write(table, hash, -1);
    qCInfo(lcStore) << "Recreated table" << table.tableName << "in" << m_connection.path();
    return {table.tableName, -1, SchemaChange::Recreated};
}

void SqliteSchemaApplier::create(const TableSchema &table)
{
    m_connection.exec(sqliteCreateTable(table, table.tableName),
                      u"creating table %1"_s.arg(table.tableName));
    qCInfo(lcStore) << "Created table" << table.tableName << "in" << m_connection.path();
}

void SqliteSchemaApplier::alter(const TableSchema &table, const QList<qsizetype> &added,
                                bool appendedOnly)
{
    if (!appendedOnly) {
        rebuild(table, added);
        return;
    }
    const QString quotedTable = quoteIdentifier(table.tableName);
    for (qsizetype index : added) {
        const ColumnSchema &column = table.columns[index];
        m_connection.exec(u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(
                              quotedTable, sqliteColumnDefinition(column, false)),
                          u"adding column %1 to %2"_s.arg(column.name, table.tableName));
        // SQLite gives existing rows the default; the protocol wants NULL in a nullable column.
        if (column.isNullable && !sqliteDefaultLiteral(column).isEmpty()) {
            m_connection.exec(
                u"UPDATE %1 SET %2 = NULL"_s.arg(quotedTable, quoteIdentifier(column.name)),
                u"clearing new column %1 of %2"_s.arg(column.name, table.tableName));
        }
    }
    qCInfo(lcStore) << "Added" << added.size() << "column(s) to" << table.tableName;
}

void SqliteSchemaApplier::rebuild(const TableSchema &table, const QList<qsizetype> &added)
{
    // SQLite can only append columns; to keep the schema's order, copy into a new table.
    QString temporary = table.tableName + u"_ms_rebuild"_s;
    while (m_connection.hasObject(temporary))
        temporary += u'_';
    m_connection.exec(sqliteCreateTable(table, temporary),
                      u"creating a new copy of table %1"_s.arg(table.tableName));
    QStringList targets;
    QStringList sources;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        targets.append(quoteIdentifier(table.columns[i].name));
        sources.append(added.contains(i) ? u"?%1"_s.arg(i + 1)
                                         : quoteIdentifier(table.columns[i].name));
    }
    SqliteStatement copy(m_connection,
                         u"INSERT INTO %1 (%2) SELECT %3 FROM %4"_s.arg(
                             quoteIdentifier(temporary), targets.join(u", "_s),
                             sources.join(u", "_s), quoteIdentifier(table.tableName)),
                         u"copying the rows of %1 to add columns"_s.arg(table.tableName));
    // Binders kept alive until the copy has run: they bind from their own buffers, not copied.
    QList<CellValue> values(table.columns.size());
    QList<SqliteValueBinder> binders;
    for (qsizetype index : added) {
        const ColumnSchema &column = table.columns[index];
        const SqlServerType type = SqlServerType::parse(column.dataType);
        binders.append(SqliteValueBinder(type));
        const std::optional<QString> defaultValue = constantDefaultValue(column, type);
        values[index] = column.isNullable || !defaultValue ? CellValue{QString(), true}
                                                           : CellValue{*defaultValue, false};
        binders.back().bind(copy, int(index + 1), values[index]);
    }
    copy.execute();
    m_connection.exec(u"DROP TABLE "_s + quoteIdentifier(table.tableName),
                      u"dropping the old copy of table %1"_s.arg(table.tableName));
    m_connection.exec(u"ALTER TABLE %1 RENAME TO %2"_s.arg(quoteIdentifier(temporary),
                                                           quoteIdentifier(table.tableName)),
                      u"renaming the new copy of table %1"_s.arg(table.tableName));
    qCInfo(lcStore) << "Rebuilt table" << table.tableName << "with" << added.size()
                    << "new column(s)";
}

} // namespace ms
