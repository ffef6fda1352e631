#include "schemavalidator.h"

#include "sqlservertype.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
bool insertNew(QSet<QString> &set, const QString &value)
{
    if (set.contains(value))
        return false;
    set.insert(value);
    return true;
}

void checkName(const QString &name, const QString &what)
{
    if (!isValidSqlIdentifier(name))
        throw clientError(u"%1 '%2' is not a valid name (letters, digits and _, at most 128, "
                          "not starting with a digit)"_s.arg(what, name));
    // SQLite reserves these for itself; other backends keep the rule so mirrors stay portable.
    if (name.startsWith(u"sqlite_"_s, Qt::CaseInsensitive))
        throw clientError(
            u"%1 '%2' starts with sqlite_, a prefix reserved by SQLite"_s.arg(what, name));
}

void validateTable(const TableSchema &table)
{
    checkName(table.tableName, u"Table name"_s);
    const QString where = u"Table '%1'"_s.arg(table.tableName);
    if (table.columns.isEmpty())
        throw clientError(where + u" has no columns"_s);
    QSet<QString> folded;
    for (const ColumnSchema &column : table.columns) {
        checkName(column.name, where + u": column name"_s);
        if (!insertNew(folded, column.name.toLower()))
            throw clientError(
                u"%1 has two columns named '%2' (names differing only in letter "
                "case are refused, since SQL engines fold case)"_s.arg(where, column.name));
        try {
            SqlServerType::parse(column.dataType);
        } catch (const Error &error) {
            throw clientError(u"%1, column '%2': %3"_s.arg(where, column.name, error.message()));
        }
    }
    if (table.primaryKey.isEmpty())
        throw clientError(where + u" has no primary key; every mirrored table needs one"_s);
    QSet<QString> keys;
    for (const QString &key : table.primaryKey) {
        const bool known = std::any_of(table.columns.begin(), table.columns.end(),
                                       [&](const ColumnSchema &c) { return c.name == key; });
        if (!known)
            throw clientError(
                u"%1: primary key column '%2' is not one of its columns"_s.arg(where, key));
        if (!insertNew(keys, key))
            throw clientError(u"%1: primary key names column '%2' twice"_s.arg(where, key));
    }
}
} // namespace

void validateSchemaRequest(const QList<TableSchema> &tables)
{
    QSet<QString> folded;
    for (const TableSchema &table : tables) {
        validateTable(table);
        if (!insertNew(folded, table.tableName.toLower()))
            throw clientError(
                u"The request names table '%1' twice (names differing only in "
                "letter case are refused, since SQL engines fold case)"_s.arg(table.tableName));
    }
}

} // namespace ms
