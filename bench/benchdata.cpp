#include "benchdata.h"

#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/sourcedatabase.h"
#include "service/simulator/wirevalue.h"

namespace ms::bench {

qint64 BenchData::rowCount() const
{
    qint64 n = 0;
    for (const auto &t : tables)
        n += t.rows.size();
    return n;
}

qint64 BenchData::payloadBytes() const
{
    qint64 n = 0;
    for (const auto &t : tables)
        n += t.payloadBytes;
    return n;
}

qint64 BenchData::valueCount() const
{
    qint64 n = 0;
    for (const auto &t : tables)
        n += t.rows.size() * t.schema.columns.size();
    return n;
}

BenchData loadDemoTenant(const QString &sourcePath, qint64 rows)
{
    DemoSourceGenerator().generate(sourcePath, rows);
    SourceDatabase source(sourcePath);
    BenchData data;
    for (const TableSchema &schema : source.tables()) {
        BenchTable table;
        table.schema = schema;
        source.forEachRow(schema.tableName, [&](const SourceRow &row) {
            QList<CellValue> values;
            values.reserve(row.values.size());
            for (const QVariant &v : row.values) {
                values.append(toWireValue(v));
                table.payloadBytes += values.last().text.size(); // ~UTF-8 size for Latin text
            }
            if (row.lsn)
                table.lsn = std::max(table.lsn, *row.lsn);
            table.rows.append(std::move(values));
        });
        data.tables.append(std::move(table));
    }
    return data;
}

} // namespace ms::bench
