#pragma once

#include "valuegenerator.h"

#include "service/common/protocoltypes.h"

#include <QVariant>

namespace ms {

/// Whole rows for a table schema: keys from a sequence number, other columns random.
/// Shared by the generator and the mutator so that both make the same kind of data.
class RowFactory final
{
public:
    explicit RowFactory(SimRandom &random) : m_random(random), m_values(random) {}

    /// A row whose key derives from `sequence` (>= 1): integer keys are the sequence (the
    /// second of a composite key cycles), text keys a value unique to it.
    QList<QVariant> newRow(const TableSchema &schema, qint64 sequence);
    /// `row` with 1 to 3 non-key columns given new values.
    QList<QVariant> changedRow(const TableSchema &schema, QList<QVariant> row);
    QVariant columnValue(const ColumnSchema &column);

private:
    SimRandom &m_random;
    ValueGenerator m_values;
};

} // namespace ms
