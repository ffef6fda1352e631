#include "schemadiff.h"

#include "columndefault.h"
#include "schemahash.h"
#include "sqlservertype.h"

namespace ms {

SchemaDiff diffSchemas(const TableSchema &recordedSchema, const TableSchema &requestedSchema)
{
    const TableSchema recorded = normalizedSchema(recordedSchema);
    const TableSchema requested = normalizedSchema(requestedSchema);
    SchemaDiff diff;
    if (recorded == requested)
        return diff;
    diff.change = SchemaChange::Recreated;
    if (recorded.tableName != requested.tableName || recorded.primaryKey != requested.primaryKey)
        return diff;

    // Walk both lists: every recorded column must reappear, unchanged and in the same order;
    // whatever else the request has is an added column.
    qsizetype next = 0;
    QList<qsizetype> added;
    for (qsizetype i = 0; i < requested.columns.size(); ++i) {
        const ColumnSchema &column = requested.columns[i];
        if (next < recorded.columns.size() && recorded.columns[next].name == column.name) {
            if (recorded.columns[next] != column)
                return diff;
            ++next;
            continue;
        }
        const bool wasRecorded =
            std::any_of(recorded.columns.begin(), recorded.columns.end(),
                        [&](const ColumnSchema &c) { return c.name == column.name; });
        if (wasRecorded)
            return diff; // moved
        const bool constantDefault =
            constantDefaultValue(column, SqlServerType::parse(column.dataType)).has_value();
        if (!column.isNullable && !constantDefault)
            return diff;
        added.append(i);
    }
    if (next != recorded.columns.size() || added.isEmpty())
        return diff; // a column removed (or a change only the hash saw)
    diff.change = SchemaChange::Altered;
    diff.appendedOnly = added.front() == recorded.columns.size();
    diff.addedColumns = added;
    return diff;
}

} // namespace ms
