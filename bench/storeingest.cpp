#include "storeingest.h"

#include "service/store/mirrorbackend.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;

namespace ms::bench {

namespace {
// The values as RowDataBodyReader hands them to a sink that takes UTF-8: made before the clock
// starts, since taking them out of the XML is the parser's work, measured in (c).
QList<QList<QList<Utf8CellValue>>> utf8Rows(const BenchData &data)
{
    QList<QList<QList<Utf8CellValue>>> tables;
    tables.reserve(data.tables.size());
    for (const BenchTable &table : data.tables) {
        QList<QList<Utf8CellValue>> rows;
        rows.reserve(table.rows.size());
        for (const QList<CellValue> &row : table.rows) {
            QList<Utf8CellValue> values;
            values.reserve(row.size());
            for (const CellValue &value : row)
                values.append(
                    Utf8CellValue{value.isNull ? QByteArray() : value.text.toUtf8(), value.isNull});
            rows.append(std::move(values));
        }
        tables.append(std::move(rows));
    }
    return tables;
}
} // namespace

Measurement measureStoreIngest(const BenchData &data, MirrorBackend &backend, const QString &tenant,
                               qint64 batchBytes, const QString &name)
{
    auto store = backend.open(tenant);
    QList<TableSchema> schemas;
    for (const auto &table : data.tables)
        schemas.append(table.schema);
    store->applySchema(schemas);
    // Whichever form the store takes, as serve feeds it: UTF-8 to a store that takes it
    // (SQLite), QStrings to the others. Only a transaction can say; this one is rolled back.
    const bool takesUtf8 = store->beginRowData()->takesUtf8Values();
    const auto utf8 = takesUtf8 ? utf8Rows(data) : QList<QList<QList<Utf8CellValue>>>();

    QElapsedTimer clock;
    clock.start();
    for (qsizetype t = 0; t < data.tables.size(); ++t) {
        const BenchTable &table = data.tables[t];
        QStringList columns;
        for (const auto &column : table.schema.columns)
            columns.append(column.name);
        qsizetype next = 0;
        do {
            // One RowData call: rows up to about batchBytes of values (the XML around them is
            // the endpoint's parsing cost, measured end to end in (c)).
            auto call = store->beginRowData();
            call->beginBatch(table.schema.tableName, columns);
            qint64 bytes = 0;
            for (; next < table.rows.size() && bytes < batchBytes; ++next) {
                for (const auto &v : table.rows[next])
                    bytes += v.text.size() + 8; // <V></V>
                if (takesUtf8)
                    call->rowUtf8(RowOperation::Insert, std::nullopt, utf8[t][next]);
                else
                    call->row(RowOperation::Insert, std::nullopt, table.rows[next]);
            }
            const bool last = next >= table.rows.size();
            call->endBatch(last ? std::optional<qint64>(table.lsn) : std::nullopt);
            call->commit();
        } while (next < table.rows.size());
    }
    Measurement m;
    m.name = name;
    m.seconds = clock.nsecsElapsed() / 1e9;
    m.rows = data.rowCount();
    m.bytes = data.payloadBytes();
    return m;
}

} // namespace ms::bench
