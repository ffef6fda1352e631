#include "sqliteddl.h"

#include "columndefault.h"
#include "sqlitevaluebinder.h"
#include "sqlservertype.h"
#include "valueparsing.h"

#include "service/common/identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

QString sqliteDefaultLiteral(const ColumnSchema &column)
{
    const SqlServerType type = SqlServerType::parse(column.dataType);
    const std::optional<QString> value = constantDefaultValue(column, type);
    if (!value)
        return {};
    if (const std::optional<QString> number = canonicalNumberDefault(type, *value))
        return *number;
    if (type.valueKind() == SqlServerType::ValueKind::Binary)
        return {};
    QString quoted = *value;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

QString sqliteColumnDefinition(const ColumnSchema &column, bool isKey)
{
    QString sql = quoteIdentifier(column.name) + u' ' +
                  sqliteColumnType(SqlServerType::parse(column.dataType));
    if (!column.isNullable || isKey)
        sql += u" NOT NULL"_s;
    const QString literal = sqliteDefaultLiteral(column);
    if (!literal.isEmpty())
        sql += u" DEFAULT "_s + literal;
    return sql;
}

QString sqliteCreateTable(const TableSchema &schema, const QString &sqlName)
{
    QStringList parts;
    for (const ColumnSchema &column : schema.columns)
        parts.append(sqliteColumnDefinition(column, schema.primaryKey.contains(column.name)));
    QStringList keys;
    for (const QString &key : schema.primaryKey)
        keys.append(quoteIdentifier(key));
    parts.append(u"PRIMARY KEY ("_s + keys.join(u", "_s) + u')');
    // STRICT: values keep the storage class they were bound with, no affinity conversions.
    return u"CREATE TABLE "_s + quoteIdentifier(sqlName) + u" ("_s + parts.join(u", "_s) +
           u") STRICT"_s;
}

} // namespace ms
