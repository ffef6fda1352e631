#include "schemahash.h"

#include "sqlservertype.h"

#include <QCryptographicHash>

namespace ms {

namespace {
// Length-prefixed fields: no choice of separator can be forged by a name or default text.
void addField(QCryptographicHash &hash, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    const QByteArray length = QByteArray::number(utf8.size());
    hash.addData(length);
    hash.addData(QByteArrayView(":"));
    hash.addData(utf8);
}
} // namespace

TableSchema normalizedSchema(const TableSchema &schema)
{
    TableSchema normalized = schema;
    for (ColumnSchema &column : normalized.columns)
        column.dataType = SqlServerType::normalize(column.dataType);
    return normalized;
}

QString schemaHash(const TableSchema &schema)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, u"mirrorscope-schema-1");
    addField(hash, schema.tableName);
    addField(hash, QString::number(schema.columns.size()));
    for (const ColumnSchema &column : schema.columns) {
        addField(hash, column.name);
        addField(hash, SqlServerType::normalize(column.dataType));
        addField(hash, column.isNullable ? u"null" : u"notnull");
        if (column.defaultValue) {
            addField(hash, u"default");
            addField(hash, *column.defaultValue);
        } else {
            addField(hash, u"nodefault");
        }
    }
    addField(hash, QString::number(schema.primaryKey.size()));
    for (const QString &key : schema.primaryKey)
        addField(hash, key);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace ms
