#include "sqldialect.h"

#include "sqlbulkwriter.h"

#include "service/store/databasetarget.h"

#include <QSqlDatabase>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// A host that drops packets must not hang a call for libpq's default of forever.
constexpr auto kDefaultConnectTimeout = "connect_timeout=10"_L1;
} // namespace

void SqlDialect::configureConnection(QSqlDatabase &db, const DatabaseTarget &target,
                                     const QString &database) const
{
    db.setHostName(target.host);
    db.setPort(target.port);
    db.setUserName(target.user);
    if (!target.password.isEmpty())
        db.setPassword(target.password);
    db.setDatabaseName(database);
    QString options = target.connectOptions;
    if (!options.contains(u"connect_timeout="_s))
        options = options.isEmpty() ? QString(kDefaultConnectTimeout)
                                    : options + u';' + kDefaultConnectTimeout;
    db.setConnectOptions(options);
}

std::unique_ptr<SqlBulkWriter> SqlDialect::createBulkWriter(SqlSession &) const
{
    return {};
}

} // namespace ms
