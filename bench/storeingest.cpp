#include "storeingest.h"

#include "service/store/mirrorbackend.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;

namespace ms::bench {

Measurement measureStoreIngest(const BenchData &data, MirrorBackend &backend, const QString &tenant,
                               qint64 batchBytes, const QString &name)
{
    auto store = backend.open(tenant);
    QList<TableSchema> schemas;
    for (const auto &table : data.tables)
        schemas.append(table.schema);
    store->applySchema(schemas);

    QElapsedTimer clock;
    clock.start();
    for (const BenchTable &table : data.tables) {
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
