#include "mutator.h"

#include "demoschema.h"
#include "sourcecolumntype.h"
#include "sourcedatabase.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

Mutator::Mutator(SourceDatabase &source, quint64 seed)
    : m_source(source), m_random(seed), m_rows(m_random)
{}

qint64 Mutator::nextSequence(const TableSchema &schema)
{
    // The demo keys are sequence numbers (composite keys: 50 per first part).
    const qint64 rows = m_source.rowCount(schema.tableName);
    auto q = m_source.connection().prepare(u"SELECT max(%1) FROM %2"_s.arg(
        quoteIdentifier(schema.primaryKey.constFirst()), quoteIdentifier(schema.tableName)));
    q.step();
    const qint64 maxFirst = q.isNull(0) ? 0 : q.integer(0);
    if (schema.primaryKey.size() > 1)
        return maxFirst * 50 + 1;
    return qMax(rows, maxFirst) + 1;
}

void Mutator::insertOne(const TableSchema &schema)
{
    const SourceColumnType keyType = SourceColumnType::parse(schema.columns.constFirst().dataType);
    qint64 sequence = nextSequence(schema);
    if (keyType.storage() != SourceColumnType::Storage::Integer)
        sequence = m_source.rowCount(schema.tableName) + 1 + m_random.below(1000000);
    m_source.insertRow(schema.tableName, m_rows.newRow(schema, sequence));
}

Mutator::Summary Mutator::applyChanges(qint64 count)
{
    Summary summary;
    const QList<TableSchema> tables = m_source.tables();
    if (tables.isEmpty())
        return summary;
    QList<int> weights;
    int totalWeight = 0;
    const QList<DemoTable> demo = demoTables();
    for (const TableSchema &table : tables) {
        int weight = 1;
        for (const DemoTable &d : demo) {
            if (d.schema.tableName == table.tableName)
                weight = d.weight;
        }
        weights.append(weight);
        totalWeight += weight;
    }
    m_source.begin();
    for (qint64 n = 0; n < count; ++n) {
        qint64 pick = m_random.below(totalWeight);
        qsizetype t = 0;
        while (pick >= weights.at(t))
            pick -= weights.at(t++);
        const TableSchema &schema = tables.at(t);
        const qint64 rows = m_source.rowCount(schema.tableName);
        const qint64 dice = m_random.below(100);
        if (rows == 0 || dice < 30) {
            insertOne(schema);
            ++summary.inserted;
        } else if (dice < 82) {
            // Recent rows are edited more often, so some rows change several times a cycle.
            const qint64 index = m_random.percent(40)
                                     ? rows - 1 - m_random.below(qMin<qint64>(rows, 5))
                                     : m_random.below(rows);
            const auto row = m_source.rowAt(schema.tableName, index);
            m_source.updateRow(schema.tableName, m_rows.changedRow(schema, *row));
            ++summary.updated;
        } else {
            const auto row = m_source.rowAt(schema.tableName, m_random.below(rows));
            QList<QVariant> key;
            for (const QString &name : schema.primaryKey) {
                for (qsizetype c = 0; c < schema.columns.size(); ++c) {
                    if (schema.columns.at(c).name == name)
                        key.append(row->at(c));
                }
            }
            m_source.deleteRow(schema.tableName, key);
            ++summary.deleted;
        }
    }
    m_source.commit();
    return summary;
}

QString Mutator::addCompatibleColumn(const QString &table)
{
    const TableSchema schema = m_source.table(table);
    const QString name = u"extra%1"_s.arg(schema.columns.size() + 1);
    ColumnSchema column{name, u"nvarchar(100)"_s, true, std::nullopt};
    m_source.addColumn(table, column);
    return name;
}

void Mutator::changeColumnType(const QString &table, const QString &column, const QString &newType)
{
    TableSchema schema = m_source.table(table);
    qsizetype index = -1;
    for (qsizetype c = 0; c < schema.columns.size(); ++c) {
        if (schema.columns.at(c).name == column)
            index = c;
    }
    if (index < 0 || schema.primaryKey.contains(column))
        throw clientError(u"%1.%2 is not a non-key column of the source"_s.arg(table, column));
    schema.columns[index].dataType = newType;
    schema.columns[index].defaultValue.reset();
    const ColumnSchema changed = schema.columns.at(index);
    m_source.rebuildTable(schema, [&](const QList<QVariant> &row) {
        QList<QVariant> converted = row;
        converted[index] = m_rows.columnValue(changed);
        return converted;
    });
}

QString Mutator::createTable()
{
    QString name;
    for (int n = 1; name.isEmpty() || m_source.hasTable(name); ++n)
        name = u"udextra%1"_s.arg(n);
    TableSchema schema;
    schema.tableName = name;
    schema.primaryKey = {name + u"_id"_s};
    schema.columns = {{name + u"_id"_s, u"int"_s, false, std::nullopt},
                      {u"label"_s, u"nvarchar(100)"_s, false, u"('')"_s},
                      {u"amount"_s, u"decimal(12,2)"_s, true, std::nullopt},
                      {u"stamp"_s, u"datetime2(7)"_s, true, std::nullopt}};
    m_source.begin();
    m_source.createTable(schema);
    for (qint64 i = 1; i <= 5; ++i)
        m_source.insertRow(name, m_rows.newRow(schema, i));
    m_source.commit();
    return name;
}

void Mutator::dropTable(const QString &table)
{
    m_source.dropTable(table);
}

} // namespace ms
