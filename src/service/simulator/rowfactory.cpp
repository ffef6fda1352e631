#include "rowfactory.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

QVariant RowFactory::columnValue(const ColumnSchema &column)
{
    return m_values.value(SourceColumnType::parse(column.dataType), column.isNullable);
}

QList<QVariant> RowFactory::newRow(const TableSchema &schema, qint64 sequence)
{
    QList<QVariant> row;
    row.reserve(schema.columns.size());
    for (const ColumnSchema &column : schema.columns) {
        const qsizetype keyIndex = schema.primaryKey.indexOf(column.name);
        if (keyIndex < 0) {
            row.append(columnValue(column));
            continue;
        }
        const SourceColumnType type = SourceColumnType::parse(column.dataType);
        if (type.storage() == SourceColumnType::Storage::Integer) {
            // A composite key (a link table) spreads the sequence over its two parts.
            if (schema.primaryKey.size() == 1)
                row.append(QVariant::fromValue(sequence));
            else
                row.append(QVariant::fromValue(keyIndex == 0 ? (sequence - 1) / 50 + 1
                                                             : (sequence - 1) % 50 + 1));
        } else {
            row.append(u"K%1"_s.arg(sequence, 8, 10, QChar(u'0')));
        }
    }
    return row;
}

QList<QVariant> RowFactory::changedRow(const TableSchema &schema, QList<QVariant> row)
{
    QList<qsizetype> candidates;
    for (qsizetype i = 0; i < schema.columns.size(); ++i) {
        if (!schema.primaryKey.contains(schema.columns.at(i).name))
            candidates.append(i);
    }
    if (candidates.isEmpty())
        return row;
    const qint64 changes = m_random.between(1, 3);
    for (qint64 n = 0; n < changes; ++n) {
        const qsizetype column = candidates.at(m_random.below(candidates.size()));
        row[column] = columnValue(schema.columns.at(column));
    }
    return row;
}

} // namespace ms
