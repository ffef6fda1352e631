#include "sqliterowdatatransaction.h"

#include "sqlitemetadata.h"

#include "service/common/identifiers.h"
#include "service/common/logging.h"

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

struct SqliteRowDataTransaction::TableInfo
{
    QString name;
    TableSchema schema;
    QList<SqlServerType> types; ///< parallel to schema.columns
    qsizetype counts = -1;      ///< index into m_counts
};

struct SqliteRowDataTransaction::BatchStatements
{
    const TableInfo *table = nullptr;
    QStringList columns;
    SqliteStatement upsert;
    SqliteStatement remove;
    QList<SqliteValueBinder> binders; ///< per batch column
    QList<bool> notNull;              ///< per batch column
    QList<qsizetype> keyPositions;    ///< batch column of each key column, in key order
};

SqliteRowDataTransaction::SqliteRowDataTransaction(SqliteConnection &connection,
                                                   SqliteMetadata &metadata)
    : m_connection(connection), m_metadata(metadata), m_transaction(connection, u"RowData"_s)
{}

SqliteRowDataTransaction::~SqliteRowDataTransaction()
{
    if (!m_committed)
        qCInfo(lcStore) << "RowData rolled back in" << m_connection.path();
    // Statements are finalized before m_transaction rolls back (members die in reverse order).
    m_batch = nullptr;
    m_batchTable = nullptr;
    m_setLsn.reset();
    m_statements.clear();
}

void SqliteRowDataTransaction::checkUsable() const
{
    if (m_committed)
        throw serverError(u"RowData transaction used after its commit"_s);
    if (m_failed)
        throw serverError(u"RowData transaction used after a failure; it is rolled back"_s);
}

SqliteRowDataTransaction::TableInfo &SqliteRowDataTransaction::tableInfo(const QString &tableName)
{
    if (auto found = m_tables.find(tableName); found != m_tables.end())
        return *found->second;
    const auto row = m_metadata.read(tableName);
    if (!row)
        throw clientError(u"RowData for table '%1', which the mirror does not have (no "
                          "TableSchema created it)"_s.arg(tableName));
    if (!m_connection.hasTable(tableName))
        throw clientError(u"RowData for table '%1', which has a metadata row but no table in %2 "
                          "(dropped by hand?); the next TableSchema creates it anew"_s.arg(
                              tableName, m_connection.path()));
    if (row->table.schema.tableName.isEmpty())
        throw serverError(u"The recorded schema of table '%1' in %2 cannot be read; delete its "
                          "metadata row and drop the table to have it mirrored anew"_s.arg(
                              tableName, m_connection.path()));
    auto info = std::make_unique<TableInfo>();
    info->name = tableName;
    info->schema = row->table.schema;
    for (const ColumnSchema &column : info->schema.columns)
        info->types.append(SqlServerType::parse(column.dataType));
    info->counts = m_counts.size();
    m_counts.append(TableCounts{tableName, row->table.lsn, 0, 0, 0});
    return *m_tables.emplace(tableName, std::move(info)).first->second;
}

std::unique_ptr<SqliteRowDataTransaction::BatchStatements>
SqliteRowDataTransaction::prepareBatch(const TableInfo &table, const QStringList &columns)
{
    const QString where = u"RowData for table '%1'"_s.arg(table.name);
    QList<qsizetype> schemaIndex;
    for (const QString &name : columns) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < table.schema.columns.size(); ++i) {
            if (table.schema.columns[i].name == name)
                index = i;
        }
        if (index < 0)
            throw clientError(
                u"%1 names column '%2', which the table does not have"_s.arg(where, name));
        if (schemaIndex.contains(index))
            throw clientError(u"%1 names column '%2' twice"_s.arg(where, name));
        schemaIndex.append(index);
    }
    QList<qsizetype> keyPositions;
    for (const QString &key : table.schema.primaryKey) {
        const qsizetype position = columns.indexOf(key);
        if (position < 0)
            throw clientError(u"%1 lacks primary key column '%2'"_s.arg(where, key));
        keyPositions.append(position);
    }

    const QString quotedTable = quoteIdentifier(table.name);
    QStringList quotedColumns, placeholders, updates, keys, keyTests;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString quoted = quoteIdentifier(columns[i]);
        quotedColumns.append(quoted);
        placeholders.append(u"?%1"_s.arg(i + 1));
        if (!table.schema.primaryKey.contains(columns[i]))
            updates.append(u"%1 = excluded.%1"_s.arg(quoted));
    }
    for (qsizetype k = 0; k < keyPositions.size(); ++k) {
        keys.append(quoteIdentifier(table.schema.primaryKey[k]));
        keyTests.append(u"%1 = ?%2"_s.arg(keys.back()).arg(k + 1));
    }
    // Insert of an existing key replaces it, Update of a missing key inserts it (PROTOCOL.md).
    const QString upsertSql =
        u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO "_s.arg(
            quotedTable, quotedColumns.join(u", "_s), placeholders.join(u", "_s),
            keys.join(u", "_s)) +
        (updates.isEmpty() ? u"NOTHING"_s : u"UPDATE SET "_s + updates.join(u", "_s));
    const QString deleteSql =
        u"DELETE FROM %1 WHERE %2"_s.arg(quotedTable, keyTests.join(u" AND "_s));

    auto batch = std::unique_ptr<BatchStatements>(new BatchStatements{
        &table,
        columns,
        SqliteStatement(m_connection, upsertSql, u"writing rows of %1"_s.arg(table.name)),
        SqliteStatement(m_connection, deleteSql, u"deleting rows of %1"_s.arg(table.name)),
        {},
        {},
        keyPositions});
    for (qsizetype index : schemaIndex) {
        batch->binders.append(SqliteValueBinder(table.types[index]));
        batch->notNull.append(!table.schema.columns[index].isNullable ||
                              table.schema.primaryKey.contains(table.schema.columns[index].name));
    }
    return batch;
}

void SqliteRowDataTransaction::beginBatch(const QString &tableName, const QStringList &columns)
{
    checkUsable();
    try {
        if (m_batchTable)
            throw clientError(
                u"A RowData batch for '%1' began before the previous one ended"_s.arg(tableName));
        TableInfo &table = tableInfo(tableName);
        // A table without changes may come as an empty batch with no columns, only for its LSN.
        m_batch = nullptr;
        if (!columns.isEmpty()) {
            const QString key = tableName + u'\x1f' + columns.join(u'\x1f');
            auto found = m_statements.find(key);
            if (found == m_statements.end())
                found = m_statements.emplace(key, prepareBatch(table, columns)).first;
            m_batch = found->second.get();
        }
        m_batchTable = &table;
        m_batchCounts = table.counts;
        m_rowNumber = 0;
    } catch (...) {
        m_failed = true;
        throw;
    }
}

void SqliteRowDataTransaction::refuseRow(const QString &why) const
{
    throw clientError(
        u"RowData for table '%1', row %2: %3"_s.arg(m_batchTable->name).arg(m_rowNumber).arg(why));
}

namespace {
QString textOf(const CellValue &value)
{
    return value.text;
}
QString textOf(const Utf8CellValue &value)
{
    return QString::fromUtf8(value.utf8);
}
} // namespace

void SqliteRowDataTransaction::refuseValue(qsizetype column, const QString &text) const
{
    // The value itself is quoted for the sender's diagnosis, but shortened: it may be huge.
    const QString shown = text.size() > 40 ? text.left(40) + u"..."_s : text;
    refuseRow(u"column '%1': '%2' is not a valid %3 value"_s.arg(
        m_batch->columns[column], shown, m_batch->binders[column].type().normalized()));
}

template <typename Value> void SqliteRowDataTransaction::applyUpsert(const QList<Value> &values)
{
    BatchStatements &batch = *m_batch;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const Value &value = values[i];
        if (value.isNull && batch.notNull[i])
            refuseRow(u"column '%1' may not be NULL"_s.arg(batch.columns[i]));
        if (!batch.binders[i].bind(batch.upsert, int(i + 1), value))
            refuseValue(i, textOf(value));
    }
    const int rc = batch.upsert.stepCode();
    if (rc == SQLITE_DONE) {
        batch.upsert.reset();
        return;
    }
    const Error failure = batch.upsert.error(rc);
    batch.upsert.reset();
    // Constraint failures (NOT NULL of a column the batch lacks, a type check) are the sender's.
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        refuseRow(QString::fromUtf8(sqlite3_errstr(rc)) + u": "_s +
                  QString::fromUtf8(sqlite3_errmsg(m_connection.handle())));
    throw failure;
}

template <typename Value> void SqliteRowDataTransaction::applyDelete(const QList<Value> &values)
{
    BatchStatements &batch = *m_batch;
    for (qsizetype k = 0; k < batch.keyPositions.size(); ++k) {
        const qsizetype position = batch.keyPositions[k];
        const Value &value = values[position];
        if (value.isNull)
            refuseRow(u"key column '%1' of a Delete is NULL"_s.arg(batch.columns[position]));
        if (!batch.binders[position].bind(batch.remove, int(k + 1), value))
            refuseValue(position, textOf(value));
    }
    batch.remove.execute();
}

void SqliteRowDataTransaction::row(RowOperation op, std::optional<qint64> lsn,
                                   const QList<CellValue> &values)
{
    Q_UNUSED(lsn); // Row LSNs are informational; the batch LSN is what gets recorded.
    applyRow(op, values);
}

void SqliteRowDataTransaction::rowUtf8(RowOperation op, std::optional<qint64> lsn,
                                       const QList<Utf8CellValue> &values)
{
    Q_UNUSED(lsn);
    applyRow(op, values);
}

template <typename Value>
void SqliteRowDataTransaction::applyRow(RowOperation op, const QList<Value> &values)
{
    checkUsable();
    try {
        if (!m_batchTable)
            throw clientError(u"A RowData row outside a batch"_s);
        ++m_rowNumber;
        if (!m_batch)
            refuseRow(u"the batch lists no columns"_s);
        if (values.size() != m_batch->columns.size())
            refuseRow(
                u"%1 values for %2 columns"_s.arg(values.size()).arg(m_batch->columns.size()));
        TableCounts &counts = m_counts[m_batchCounts];
        switch (op) {
        case RowOperation::Insert:
            applyUpsert(values);
            ++counts.inserted;
            break;
        case RowOperation::Update:
            applyUpsert(values);
            ++counts.updated;
            break;
        case RowOperation::Delete:
            applyDelete(values);
            ++counts.deleted;
            break;
        }
    } catch (...) {
        m_failed = true;
        throw;
    }
}

void SqliteRowDataTransaction::endBatch(std::optional<qint64> batchLsn)
{
    checkUsable();
    try {
        if (!m_batchTable)
            throw clientError(u"A RowData batch ended that never began"_s);
        const QString &table = m_batchTable->name;
        if (batchLsn) {
            if (!m_setLsn)
                m_setLsn.emplace(m_connection,
                                 u"UPDATE %1 SET lsn = ?1 WHERE tablename = ?2"_s.arg(
                                     quoteIdentifier(m_metadata.tableName())),
                                 u"recording a batch LSN"_s);
            m_setLsn->bindInt64(1, *batchLsn);
            m_setLsn->bindTextStatic(2, table);
            m_setLsn->execute();
            m_counts[m_batchCounts].lsn = *batchLsn;
        }
        m_batch = nullptr;
        m_batchTable = nullptr;
        m_batchCounts = -1;
    } catch (...) {
        m_failed = true;
        throw;
    }
}

QList<TableCounts> SqliteRowDataTransaction::commit()
{
    checkUsable();
    try {
        if (m_batchTable)
            throw clientError(u"RowData ended inside a batch for '%1'"_s.arg(m_batchTable->name));
        for (TableCounts &counts : m_counts) {
            m_metadata.touch(counts.tableName);
            // Read back rather than trust our copy: the recorded value is the answer.
            counts.lsn = m_metadata.lsn(counts.tableName).value_or(-1);
        }
        m_statements.clear();
        m_setLsn.reset();
        m_transaction.commit();
        m_committed = true;
    } catch (...) {
        m_failed = true;
        throw;
    }
    qint64 rows = 0;
    for (const TableCounts &counts : m_counts)
        rows += counts.inserted + counts.updated + counts.deleted;
    qCDebug(lcStore) << "RowData committed" << rows << "rows for" << m_counts.size()
                     << "table(s) in" << m_connection.path();
    return m_counts;
}

} // namespace ms
