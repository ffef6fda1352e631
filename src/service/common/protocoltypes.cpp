#include "protocoltypes.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
template <typename Enum, size_t N>
std::optional<Enum> lookup(const std::pair<Enum, QLatin1StringView> (&table)[N], QStringView name)
{
    for (const auto &[value, text] : table) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

template <typename Enum, size_t N>
QString nameOf(const std::pair<Enum, QLatin1StringView> (&table)[N], Enum value)
{
    for (const auto &[v, text] : table) {
        if (v == value)
            return text;
    }
    return {};
}

constexpr std::pair<SoapOperation, QLatin1StringView> kOperations[] = {
    {SoapOperation::Authenticate, "Authenticate"_L1},
    {SoapOperation::TableSchema, "TableSchema"_L1},
    {SoapOperation::Wipe, "Wipe"_L1},
    {SoapOperation::RowData, "RowData"_L1},
    {SoapOperation::ReplicationCompleted, "ReplicationCompleted"_L1},
};

constexpr std::pair<SchemaChange, QLatin1StringView> kSchemaChanges[] = {
    {SchemaChange::None, "None"_L1},
    {SchemaChange::Created, "Created"_L1},
    {SchemaChange::Altered, "Altered"_L1},
    {SchemaChange::Recreated, "Recreated"_L1},
};

constexpr std::pair<RowOperation, QLatin1StringView> kRowOperations[] = {
    {RowOperation::Insert, "Insert"_L1},
    {RowOperation::Update, "Update"_L1},
    {RowOperation::Delete, "Delete"_L1},
};
} // namespace

QString operationName(SoapOperation op)
{
    return nameOf(kOperations, op);
}
std::optional<SoapOperation> operationFromName(QStringView name)
{
    return lookup(kOperations, name);
}
QString schemaChangeName(SchemaChange change)
{
    return nameOf(kSchemaChanges, change);
}
std::optional<SchemaChange> schemaChangeFromName(QStringView name)
{
    return lookup(kSchemaChanges, name);
}
QString rowOperationName(RowOperation op)
{
    return nameOf(kRowOperations, op);
}
std::optional<RowOperation> rowOperationFromName(QStringView name)
{
    return lookup(kRowOperations, name);
}

void RowDataSink::rowUtf8(RowOperation op, std::optional<qint64> lsn,
                          const QList<Utf8CellValue> &values)
{
    QList<CellValue> converted(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        converted[i].isNull = values[i].isNull;
        converted[i].text = QString::fromUtf8(values[i].utf8);
    }
    row(op, lsn, converted);
}

} // namespace ms
