#include "rowdataproducer.h"

#include "rowdatabatcher.h"
#include "sourcedatabase.h"
#include "wirevalue.h"

namespace ms {

RowDataProducer::RowDataProducer(SourceDatabase &source, QList<Table> tables, qint64 tableLsn,
                                 Options options)
    : m_source(source), m_tables(std::move(tables)), m_tableLsn(tableLsn),
      m_options(std::move(options)), m_thread([this] { run(); })
{}

RowDataProducer::~RowDataProducer()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

RowDataProducer::Step RowDataProducer::next()
{
    Step step;
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty(); });
        step = std::move(m_queue.front());
        m_queue.pop_front();
    }
    m_changed.notify_all();
    if (step.error)
        std::rethrow_exception(step.error);
    return step;
}

void RowDataProducer::push(Step &&step, bool force)
{
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] {
            return m_cancelled || force || qsizetype(m_queue.size()) < kQueuedBodies;
        });
        if (m_cancelled)
            throw Cancelled{};
        m_queue.push_back(std::move(step));
    }
    m_changed.notify_all();
}

void RowDataProducer::run()
{
    try {
        RowDataBatcher batcher(m_options.batchSize, m_options.clientState, m_options.makeToken,
                               [this](const QByteArray &envelope) {
                                   m_pending.envelope = envelope;
                                   m_pending.table = m_table;
                                   m_pending.tableRows = m_tableRows;
                                   push(std::exchange(m_pending, Step{}));
                               });
        for (qsizetype t = 0; t < m_tables.size(); ++t)
            readTable(t, batcher);
        batcher.finish();
        m_pending.last = true;
        push(std::exchange(m_pending, Step{}), /*force=*/true);
    } catch (const Cancelled &) {
        // The task stopped taking steps (a failed call); nobody waits for the rest.
    } catch (...) {
        Step failed;
        failed.last = true;
        failed.error = std::current_exception();
        try {
            push(std::move(failed), /*force=*/true);
        } catch (const Cancelled &) {
        }
    }
}

void RowDataProducer::readTable(qsizetype index, RowDataBatcher &batcher)
{
    const Table &table = m_tables.at(index);
    m_table = index;
    m_tableRows = 0;
    m_pending.tablesStarted.append(index);
    QStringList columns;
    for (const ColumnSchema &column : table.schema.columns)
        columns.append(column.name);
    batcher.beginTable(table.schema.tableName, columns);
    if (table.repopulate) {
        m_source.forEachWireRow(table.schema.tableName, [&](const SourceWireRow &row) {
            batcher.row(row.operation, row.lsn, row.values);
            count(index, row.operation);
        });
    } else {
        // Changes are few and need the row as a whole (a Delete only has its key).
        for (const SourceRow &row : m_source.changesAfter(table.schema, table.answeredLsn)) {
            QList<CellValue> values;
            values.reserve(row.values.size());
            for (const QVariant &value : row.values)
                values.append(toWireValue(value));
            batcher.row(row.operation, row.lsn, values);
            count(index, row.operation);
        }
    }
    batcher.endTable(m_tableLsn);
}

void RowDataProducer::count(qsizetype table, RowOperation op)
{
    ++m_tableRows;
    if (m_pending.counts.isEmpty() || m_pending.counts.constLast().table != table)
        m_pending.counts.append(Counts{table});
    Counts &counts = m_pending.counts.last();
    switch (op) {
    case RowOperation::Insert:
        ++counts.inserted;
        break;
    case RowOperation::Update:
        ++counts.updated;
        break;
    case RowOperation::Delete:
        ++counts.deleted;
        break;
    }
}

} // namespace ms
