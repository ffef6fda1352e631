#include "sqlrowdatatransaction.h"

#include "sqlcatalog.h"
#include "sqldialect.h"

#include "service/common/logging.h"

#include <QSqlError>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// More rows per statement stop paying off long before the bound-value limit: the statement's
// text and the server's planning grow with it. Measured on loopback PostgreSQL 15 (multi-row
// statements of 500 rows: ~40,000 rows/s; one row per statement: ~9,000 rows/s).
constexpr int kRowsPerStatement = 1000;
} // namespace

SqlRowDataTransaction::SqlRowDataTransaction(SqlServerContext &context, const QString &database,
                                             QString tenant)
    : m_context(context), m_tenant(std::move(tenant)), m_thread(QThread::currentThread()),
      m_session(context, database, m_tenant), m_metadata(m_session, m_tenant),
      m_transaction(std::make_unique<SqlTransaction>(m_session, u"RowData"_s)),
      m_bulk(m_session.dialect().createBulkWriter(m_session))
{}

SqlRowDataTransaction::~SqlRowDataTransaction()
{
    if (!m_committed)
        qCInfo(lcStore) << "RowData rolled back for tenant" << m_tenant;
    // Rolled back first: an aborted PostgreSQL transaction refuses even DEALLOCATE.
    m_transaction.reset();
    m_statements.clear();
}

void SqlRowDataTransaction::checkUsable() const
{
    if (m_committed)
        throw serverError(u"RowData transaction used after its commit"_s);
    if (m_failed)
        throw serverError(u"RowData transaction used after a failure; it is rolled back"_s);
    if (QThread::currentThread() != m_thread)
        throw serverError(u"RowData transaction used from another thread than the one that "
                          "began it (its database connection belongs to that thread)"_s);
}

template <typename Work> void SqlRowDataTransaction::guarded(Work &&work)
{
    checkUsable();
    try {
        work();
    } catch (...) {
        m_failed = true;
        throw;
    }
}

SqlRowDataTransaction::TableInfo &SqlRowDataTransaction::tableInfo(const QString &tableName)
{
    if (auto found = m_tables.find(tableName); found != m_tables.end())
        return *found->second;
    const auto row = m_metadata.read(tableName);
    if (!row)
        throw clientError(u"RowData for table '%1', which the mirror does not have (no "
                          "TableSchema created it)"_s.arg(tableName));
    if (!hasTable(m_session, m_tenant, tableName))
        throw clientError(u"RowData for table '%1', which has a metadata row but no table in %2 "
                          "(dropped by hand?); the next TableSchema creates it anew"_s.arg(
                              tableName, m_session.dialect().tenantContainer(m_tenant)));
    if (row->schema.tableName.isEmpty())
        throw serverError(u"The recorded schema of table '%1' in %2 cannot be read; delete its "
                          "metadata row and drop the table to have it mirrored anew"_s.arg(
                              tableName, m_session.dialect().tenantContainer(m_tenant)));
    auto info = std::make_unique<TableInfo>();
    info->name = tableName;
    info->schema = row->schema;
    for (const ColumnSchema &column : info->schema.columns)
        info->types.append(SqlServerType::parse(column.dataType));
    info->counts = m_counts.size();
    m_counts.append(TableCounts{tableName, row->lsn, 0, 0, 0});
    return *m_tables.emplace(tableName, std::move(info)).first->second;
}

SqlRowDataTransaction::Batch SqlRowDataTransaction::makeBatch(const TableInfo &table,
                                                              const QStringList &columns) const
{
    const QString where = u"RowData for table '%1'"_s.arg(table.name);
    Batch batch;
    batch.table = &table;
    batch.columns = columns;
    for (const QString &name : columns) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < table.schema.columns.size(); ++i) {
            if (table.schema.columns[i].name == name)
                index = i;
        }
        if (index < 0)
            throw clientError(
                u"%1 names column '%2', which the table does not have"_s.arg(where, name));
        if (batch.columns.indexOf(name) != batch.types.size())
            throw clientError(u"%1 names column '%2' twice"_s.arg(where, name));
        batch.types.append(table.types[index]);
        batch.notNull.append(!table.schema.columns[index].isNullable ||
                             table.schema.primaryKey.contains(name));
    }
    for (const QString &key : table.schema.primaryKey) {
        const qsizetype position = columns.indexOf(key);
        if (position < 0)
            throw clientError(u"%1 lacks primary key column '%2'"_s.arg(where, key));
        batch.keyPositions.append(position);
    }
    return batch;
}

void SqlRowDataTransaction::beginBatch(const QString &tableName, const QStringList &columns)
{
    guarded([&] {
        if (m_batch)
            throw clientError(
                u"A RowData batch for '%1' began before the previous one ended"_s.arg(tableName));
        TableInfo &table = tableInfo(tableName);
        // A table without changes may come as an empty batch with no columns, only for its LSN.
        m_batch = columns.isEmpty() ? Batch{&table, {}, {}, {}, {}} : makeBatch(table, columns);
        m_batchHasColumns = !columns.isEmpty();
        m_rowNumber = 0;
    });
}

void SqlRowDataTransaction::refuseRow(const QString &why) const
{
    throw clientError(u"RowData for table '%1', row %2: %3"_s.arg(m_batch->table->name)
                          .arg(m_rowNumber)
                          .arg(why));
}

QVariant SqlRowDataTransaction::bound(qsizetype column, const CellValue &value) const
{
    QVariant result;
    const QString refusal = m_session.dialect().bindValue(m_batch->types[column], value, result);
    if (!refusal.isEmpty()) {
        const QString shown = value.text.size() > 40 ? value.text.left(40) + u"..."_s : value.text;
        refuseRow(u"column '%1': '%2': %3"_s.arg(m_batch->columns[column], shown, refusal));
    }
    return result;
}

void SqlRowDataTransaction::addUpsert(const QList<CellValue> &values)
{
    QVariantList rowValues;
    rowValues.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values[i].isNull && m_batch->notNull[i])
            refuseRow(u"column '%1' may not be NULL"_s.arg(m_batch->columns[i]));
        rowValues.append(bound(i, values[i]));
    }
    QString key;
    for (qsizetype position : m_batch->keyPositions)
        key += rowValues[position].toString() + u'\x1f';
    append(Pending::Upsert, rowValues, key);
}

void SqlRowDataTransaction::addDelete(const QList<CellValue> &values)
{
    QVariantList keyValues;
    QString key;
    for (qsizetype position : m_batch->keyPositions) {
        if (values[position].isNull)
            refuseRow(u"key column '%1' of a Delete is NULL"_s.arg(m_batch->columns[position]));
        keyValues.append(bound(position, values[position]));
        key += keyValues.back().toString() + u'\x1f';
    }
    append(Pending::Delete, keyValues, key);
}

void SqlRowDataTransaction::append(Pending kind, const QVariantList &rowValues, const QString &key)
{
    // Rows apply in their order: an upsert and a delete of one key, or one key twice in one
    // INSERT ... ON CONFLICT (which PostgreSQL refuses), never share a statement.
    if (m_pendingKind != kind || m_pendingKeys.contains(key))
        flush();
    if (m_pendingRows == 0) {
        m_pendingKind = kind;
        m_pendingFirstRow = m_rowNumber;
        const int perRow = int(std::max<qsizetype>(rowValues.size(), 1));
        m_maxPendingRows =
            std::max(1, std::min(kRowsPerStatement, m_session.dialect().maxBindValues() / perRow));
    }
    m_pendingValues.append(rowValues);
    m_pendingKeys.insert(key);
    if (++m_pendingRows >= m_maxPendingRows)
        flush();
}

void SqlRowDataTransaction::flush()
{
    if (m_pendingRows == 0) {
        m_pendingKind = Pending::None;
        return;
    }
    const SqlDialect &dialect = m_session.dialect();
    const TableInfo &table = *m_batch->table;
    const bool upsert = m_pendingKind == Pending::Upsert;
    if (upsert && m_bulk && m_pendingRows >= m_bulk->minimumRows()) {
        const qint64 first = m_pendingFirstRow;
        const int rows = m_pendingRows;
        const QVariantList values = std::exchange(m_pendingValues, {});
        m_pendingKeys.clear();
        m_pendingRows = 0;
        m_pendingKind = Pending::None;
        try {
            m_bulk->upsert(m_tenant, table.name, m_batch->columns, table.schema.primaryKey, values,
                           rows);
        } catch (const Error &failure) {
            if (failure.kind() != Error::Kind::Client)
                throw;
            throw refusedRow(true, first, rows, values, failure);
        }
        return;
    }
    const QString what =
        upsert ? u"writing rows of %1"_s.arg(table.name) : u"deleting rows of %1"_s.arg(table.name);
    const QString statementKey =
        u"%1\x1f%2\x1f%3\x1f%4"_s
            .arg(upsert ? u"u"_s : u"d"_s, table.name, m_batch->columns.join(u','))
            .arg(m_pendingRows);
    auto found = m_statements.find(statementKey);
    if (found == m_statements.end()) {
        const QString sql = upsert ? dialect.upsertRows(m_tenant, table.name, m_batch->columns,
                                                        table.schema.primaryKey, m_pendingRows)
                                   : dialect.deleteRows(m_tenant, table.name,
                                                        table.schema.primaryKey, m_pendingRows);
        found = m_statements.insert(statementKey, m_session.prepare(sql, what));
    }
    QSqlQuery &query = found.value();
    for (qsizetype i = 0; i < m_pendingValues.size(); ++i)
        query.bindValue(int(i), m_pendingValues[i]);
    const qint64 first = m_pendingFirstRow;
    const int rows = m_pendingRows;
    const QVariantList values = std::exchange(m_pendingValues, {});
    m_pendingKeys.clear();
    m_pendingRows = 0;
    m_pendingKind = Pending::None;
    if (!query.exec()) {
        const Error failure = m_session.error(query.lastError(), what);
        if (failure.kind() != Error::Kind::Client)
            throw failure;
        throw refusedRow(upsert, first, rows, values, failure);
    }
}

Error SqlRowDataTransaction::refusedRow(bool upsert, qint64 first, int rows,
                                        const QVariantList &values, const Error &failure)
{
    // The server refused one of the statement's rows without saying which. The call fails
    // anyway, so: roll it back, then try the rows one by one in a throw-away transaction to
    // name the row (only on this failure path; writing never pays for it).
    const TableInfo &table = *m_batch->table;
    m_transaction.reset(); // first: an aborted transaction refuses even DEALLOCATE
    m_statements.clear();  // the failed statement too: flush() does not touch it again
    const Error range = clientError(u"RowData for table '%1', rows %2 to %3: %4"_s.arg(table.name)
                                        .arg(first)
                                        .arg(first + rows - 1)
                                        .arg(failure.message()));
    if (rows == 1)
        return clientError(u"RowData for table '%1', row %2: %3"_s.arg(table.name)
                               .arg(first)
                               .arg(failure.message()));
    try {
        const SqlDialect &dialect = m_session.dialect();
        const QString sql =
            upsert ? dialect.upsertRows(m_tenant, table.name, m_batch->columns,
                                        table.schema.primaryKey, 1)
                   : dialect.deleteRows(m_tenant, table.name, table.schema.primaryKey, 1);
        // Prepared before the transaction begins, so that it is freed after the rollback.
        QSqlQuery single = m_session.prepare(sql, u"finding the refused row"_s);
        SqlTransaction probe(m_session, u"finding the refused row"_s);
        const qsizetype perRow = values.size() / rows;
        for (int row = 0; row < rows; ++row) {
            for (qsizetype i = 0; i < perRow; ++i)
                single.bindValue(int(i), values[row * perRow + i]);
            if (!single.exec()) {
                const Error alone =
                    m_session.error(single.lastError(), u"writing rows of %1"_s.arg(table.name));
                if (alone.kind() != Error::Kind::Client)
                    return range;
                return clientError(u"RowData for table '%1', row %2: %3"_s.arg(table.name)
                                       .arg(first + row)
                                       .arg(alone.message()));
            }
        }
    } catch (const Error &) {
        // Naming the row is a courtesy; the refusal stands with its range.
    }
    return range;
}

void SqlRowDataTransaction::row(RowOperation op, std::optional<qint64> lsn,
                                const QList<CellValue> &values)
{
    Q_UNUSED(lsn); // Row LSNs are informational; the batch LSN is what gets recorded.
    guarded([&] {
        if (!m_batch)
            throw clientError(u"A RowData row outside a batch"_s);
        ++m_rowNumber;
        if (!m_batchHasColumns)
            refuseRow(u"the batch lists no columns"_s);
        if (values.size() != m_batch->columns.size())
            refuseRow(
                u"%1 values for %2 columns"_s.arg(values.size()).arg(m_batch->columns.size()));
        TableCounts &counts = m_counts[m_batch->table->counts];
        switch (op) {
        case RowOperation::Insert:
            addUpsert(values);
            ++counts.inserted;
            break;
        case RowOperation::Update:
            addUpsert(values);
            ++counts.updated;
            break;
        case RowOperation::Delete:
            addDelete(values);
            ++counts.deleted;
            break;
        }
    });
}

void SqlRowDataTransaction::endBatch(std::optional<qint64> batchLsn)
{
    guarded([&] {
        if (!m_batch)
            throw clientError(u"A RowData batch ended that never began"_s);
        flush();
        if (batchLsn) {
            m_metadata.setLsn(m_batch->table->name, *batchLsn);
            m_counts[m_batch->table->counts].lsn = *batchLsn;
        }
        m_batch.reset();
    });
}

QList<TableCounts> SqlRowDataTransaction::commit()
{
    guarded([&] {
        if (m_batch)
            throw clientError(u"RowData ended inside a batch for '%1'"_s.arg(m_batch->table->name));
        const QList<MirroredTable> rows = m_metadata.readAll();
        for (TableCounts &counts : m_counts) {
            m_metadata.touch(counts.tableName);
            // Read back rather than trust our copy: the recorded value is the answer.
            counts.lsn = -1;
            for (const MirroredTable &row : rows) {
                if (row.tableName == counts.tableName)
                    counts.lsn = row.lsn;
            }
        }
        m_statements.clear();
        m_transaction->commit();
        m_committed = true;
    });
    qint64 rows = 0;
    for (const TableCounts &counts : m_counts)
        rows += counts.inserted + counts.updated + counts.deleted;
    qCDebug(lcStore) << "RowData committed" << rows << "rows for" << m_counts.size()
                     << "table(s) of tenant" << m_tenant;
    return m_counts;
}

} // namespace ms
