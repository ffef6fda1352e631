#include "schemajson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace ms {

QString schemaToJson(const TableSchema &schema)
{
    QJsonArray columns;
    for (const ColumnSchema &column : schema.columns) {
        columns.append(QJsonObject{
            {u"name"_s, column.name},
            {u"dataType"_s, column.dataType},
            {u"isNullable"_s, column.isNullable},
            {u"defaultValue"_s,
             column.defaultValue ? QJsonValue(*column.defaultValue) : QJsonValue(QJsonValue::Null)},
        });
    }
    const QJsonObject root{
        {u"tableName"_s, schema.tableName},
        {u"columns"_s, columns},
        {u"primaryKey"_s, QJsonArray::fromStringList(schema.primaryKey)},
    };
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

std::optional<TableSchema> schemaFromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    if (!root.value(u"tableName"_s).isString() || !root.value(u"columns"_s).isArray() ||
        !root.value(u"primaryKey"_s).isArray())
        return std::nullopt;
    TableSchema schema;
    schema.tableName = root.value(u"tableName"_s).toString();
    for (const QJsonValue &value : root.value(u"columns"_s).toArray()) {
        const QJsonObject object = value.toObject();
        const QJsonValue defaultValue = object.value(u"defaultValue"_s);
        if (!object.value(u"name"_s).isString() || !object.value(u"dataType"_s).isString() ||
            !object.value(u"isNullable"_s).isBool() ||
            !(defaultValue.isString() || defaultValue.isNull()))
            return std::nullopt;
        ColumnSchema column;
        column.name = object.value(u"name"_s).toString();
        column.dataType = object.value(u"dataType"_s).toString();
        column.isNullable = object.value(u"isNullable"_s).toBool();
        if (defaultValue.isString())
            column.defaultValue = defaultValue.toString();
        schema.columns.append(column);
    }
    for (const QJsonValue &value : root.value(u"primaryKey"_s).toArray()) {
        if (!value.isString())
            return std::nullopt;
        schema.primaryKey.append(value.toString());
    }
    return schema;
}

} // namespace ms
