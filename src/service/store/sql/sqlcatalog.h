#pragma once

#include <QList>
#include <QString>

namespace ms {

class SqlSession;

/// A relation (table, view, sequence...) in a tenant's schema or database.
struct SqlRelation
{
    QString name;
    bool isTable = false;
};

/// Every relation of the tenant whose name equals name ignoring case.
QList<SqlRelation> relationsNamedIgnoringCase(SqlSession &session, const QString &tenant,
                                              const QString &name);
/// Whether the tenant has a table named exactly name.
bool hasTable(SqlSession &session, const QString &tenant, const QString &name);

} // namespace ms
