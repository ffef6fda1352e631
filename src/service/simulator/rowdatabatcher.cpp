#include "rowdatabatcher.h"

#include "service/soap/rowdatarequestwriter.h"

#include <algorithm>

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
    if (!m_writer) {
        m_writer = std::make_unique<RowDataRequestWriter>(m_makeToken(), m_clientState);
        // A body ends a row past the batch size: room for that, so it is not copied to grow
        // (up to a sane bound; a larger body grows as it needs).
        constexpr qsizetype kMaxReserve = 16 << 20;
        m_writer->reserve(std::min(m_batchSize + m_batchSize / 8 + 4096, kMaxReserve));
    }
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

void RowDataBatcher::splitIfFull()
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
}

void RowDataBatcher::row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values)
{
    splitIfFull();
    m_writer->row(op, lsn, values);
    ++m_rowsInBatch;
}

void RowDataBatcher::row(RowOperation op, std::optional<qint64> lsn, const WireRowValues &values)
{
    splitIfFull();
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
