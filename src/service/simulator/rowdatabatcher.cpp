#include "rowdatabatcher.h"

#include "service/soap/rowdatarequestwriter.h"

namespace ms {

RowDataBatcher::RowDataBatcher(qsizetype batchSize, QString clientState,
                               std::function<QString()> makeToken,
                               std::function<void(const QByteArray &)> send)
    : m_batchSize(batchSize), m_clientState(std::move(clientState)),
      m_makeToken(std::move(makeToken)), m_send(std::move(send))
{}

RowDataBatcher::~RowDataBatcher() = default;

void RowDataBatcher::open()
{
    if (!m_writer)
        m_writer = std::make_unique<RowDataRequestWriter>(m_makeToken(), m_clientState);
}

void RowDataBatcher::sendPending()
{
    if (!m_writer)
        return;
    const QByteArray envelope = m_writer->finish();
    m_writer.reset();
    m_send(envelope);
}

void RowDataBatcher::beginTable(const QString &tableName, const QStringList &columns)
{
    m_table = tableName;
    m_columns = columns;
    m_rowsInBatch = 0;
    open();
    m_writer->beginBatch(m_table, m_columns);
}

void RowDataBatcher::row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values)
{
    // Split before a row rather than after one, so that a table's last batch is never empty
    // unless the table has no rows at all.
    if (m_rowsInBatch > 0 && m_writer->size() >= m_batchSize) {
        m_writer->endBatch(std::nullopt);
        sendPending();
        open();
        m_writer->beginBatch(m_table, m_columns);
        m_rowsInBatch = 0;
    }
    m_writer->row(op, lsn, values);
    ++m_rowsInBatch;
}

void RowDataBatcher::endTable(qint64 tableLsn)
{
    m_writer->endBatch(tableLsn);
    if (m_writer->size() >= m_batchSize)
        sendPending();
}

void RowDataBatcher::finish()
{
    sendPending();
}

} // namespace ms
