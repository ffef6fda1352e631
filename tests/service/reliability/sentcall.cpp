#include "sentcall.h"

#include "service/common/error.h"
#include "service/soap/soaprequestreader.h"

using namespace Qt::Literals::StringLiterals;

namespace crashtest {

namespace {
class BatchCollector final : public ms::RowDataSink
{
public:
    explicit BatchCollector(QList<ms::RowBatch> &into) : m_into(into) {}
    void beginBatch(const QString &tableName, const QStringList &columns) override
    {
        m_into.append(ms::RowBatch{tableName, columns, {}, std::nullopt});
    }
    void row(ms::RowOperation op, std::optional<qint64> lsn,
             const QList<ms::CellValue> &values) override
    {
        m_into.last().rows.append(ms::RowBatch::Row{op, lsn, values});
    }
    void endBatch(std::optional<qint64> batchLsn) override { m_into.last().lsn = batchLsn; }

private:
    QList<ms::RowBatch> &m_into;
};

const ms::TableSchema &schemaOf(const QHash<QString, ms::TableSchema> &schemas,
                                const QString &table)
{
    const auto it = schemas.constFind(table);
    if (it == schemas.constEnd())
        throw ms::serverError(
            u"a call names table %1, which the source does not have"_s.arg(table));
    return *it;
}
} // namespace

qint64 SentCall::rowCount() const
{
    qint64 rows = 0;
    for (const ms::RowBatch &batch : batches)
        rows += batch.rows.size();
    return rows;
}

QString SentCall::describe(qint64 number) const
{
    QString text = u"%1 #%2"_s.arg(ms::operationName(operation)).arg(number);
    if (operation == ms::SoapOperation::RowData)
        text += u" (%1 batches, %2 rows)"_s.arg(batches.size()).arg(rowCount());
    else if (operation == ms::SoapOperation::Wipe)
        text += u" (%1)"_s.arg(wipedTable);
    return text;
}

SentCall parseCall(ms::SoapOperation operation, const QByteArray &envelope)
{
    SentCall call;
    call.operation = operation;
    ms::SoapRequestReader reader(envelope);
    reader.readEnvelopeStart();
    switch (operation) {
    case ms::SoapOperation::Authenticate:
        reader.readAuthenticate();
        break;
    case ms::SoapOperation::TableSchema:
        for (const ms::TableSchema &table : reader.readTableSchema().tables)
            call.schemaTables.append(table.tableName);
        break;
    case ms::SoapOperation::Wipe:
        call.wipedTable = reader.readWipe().tableName;
        break;
    case ms::SoapOperation::RowData: {
        BatchCollector collector(call.batches);
        reader.readRowData(collector);
        break;
    }
    case ms::SoapOperation::ReplicationCompleted:
        reader.readReplicationCompleted();
        break;
    }
    return call;
}

void applyCall(MirrorImage &image, const SentCall &call, const MirrorImage &source,
               const QHash<QString, ms::TableSchema> &schemas)
{
    switch (call.operation) {
    case ms::SoapOperation::Authenticate:
    case ms::SoapOperation::ReplicationCompleted:
        return;
    case ms::SoapOperation::TableSchema:
        // The test changes rows only, never a schema: a table is new or unchanged.
        image.tables.removeIf(
            [&](const auto &it) { return !call.schemaTables.contains(it.key()); });
        for (const QString &table : call.schemaTables) {
            if (!image.tables.contains(table))
                image.tables.insert(table, TableImage{});
        }
        return;
    case ms::SoapOperation::Wipe:
        if (!image.tables.contains(call.wipedTable))
            throw ms::serverError(
                u"Wipe of %1, which the model has not created"_s.arg(call.wipedTable));
        image.tables[call.wipedTable] = TableImage{};
        return;
    case ms::SoapOperation::RowData:
        break;
    }
    for (const ms::RowBatch &batch : call.batches) {
        const auto table = image.tables.find(batch.tableName);
        if (table == image.tables.end())
            throw ms::serverError(
                u"RowData for %1, which the model has not created"_s.arg(batch.tableName));
        const QList<qsizetype> keys =
            batch.rows.isEmpty() ? QList<qsizetype>{}
                                 : keyPositions(schemaOf(schemas, batch.tableName), batch.columns);
        const TableImage &sourceTable = source.tables.value(batch.tableName);
        for (const ms::RowBatch::Row &row : batch.rows) {
            const QString key = keyText(row.values, keys);
            if (row.operation == ms::RowOperation::Delete) {
                table->rows.remove(key);
                continue;
            }
            const auto sourceRow = sourceTable.rows.constFind(key);
            if (sourceRow == sourceTable.rows.constEnd())
                throw ms::serverError(u"%1 of %2 key [%3], which the source does not have"_s.arg(
                    ms::rowOperationName(row.operation), batch.tableName, key));
            table->rows.insert(key, *sourceRow);
        }
        if (batch.lsn)
            table->lsn = *batch.lsn;
    }
}

QStringList keysSentFor(const SentCall &call, const QString &table,
                        const QHash<QString, ms::TableSchema> &schemas)
{
    QStringList sent;
    for (const ms::RowBatch &batch : call.batches) {
        if (batch.tableName != table || batch.rows.isEmpty())
            continue;
        const QList<qsizetype> keys = keyPositions(schemaOf(schemas, table), batch.columns);
        for (const ms::RowBatch::Row &row : batch.rows)
            sent.append(keyText(row.values, keys));
    }
    return sent;
}

} // namespace crashtest
