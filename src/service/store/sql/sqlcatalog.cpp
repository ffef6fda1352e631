#include "sqlcatalog.h"

#include "sqldialect.h"
#include "sqlsession.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

QList<SqlRelation> relationsNamedIgnoringCase(SqlSession &session, const QString &tenant,
                                              const QString &name)
{
    const SqlDialect &dialect = session.dialect();
    QSqlQuery query =
        session.run(dialect.relationsNamedIgnoringCaseQuery(tenant),
                    {dialect.tenantContainer(tenant), name}, u"looking for table %1"_s.arg(name));
    QList<SqlRelation> relations;
    while (query.next())
        relations.append({query.value(0).toString(), query.value(1).toBool()});
    return relations;
}

bool hasTable(SqlSession &session, const QString &tenant, const QString &name)
{
    const QList<SqlRelation> relations = relationsNamedIgnoringCase(session, tenant, name);
    return std::any_of(relations.begin(), relations.end(), [&](const SqlRelation &relation) {
        return relation.isTable && relation.name == name;
    });
}

} // namespace ms
