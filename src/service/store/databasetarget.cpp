#include "databasetarget.h"

#include "service/common/error.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// libpq options that make sense per target; anything else in the query is refused rather than
// silently ignored (a misspelt sslmode must not quietly connect without TLS).
constexpr QLatin1StringView kPostgresOptions[] = {"sslmode"_L1, "sslrootcert"_L1,
                                                  "connect_timeout"_L1, "application_name"_L1};

Error badSpec(const QString &shown, const QString &why)
{
    return clientError(u"--database %1: %2"_s.arg(shown, why));
}

QString connectOptionsFrom(const QUrl &url, const QString &shown)
{
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (std::find(std::begin(kPostgresOptions), std::end(kPostgresOptions), key) ==
            std::end(kPostgresOptions))
            throw badSpec(shown, u"unknown option '%1' (known: sslmode, sslrootcert, "
                                 "connect_timeout, application_name)"_s.arg(key));
        if (value.isEmpty() || value.contains(u';') || value.contains(u' ') ||
            value.contains(u'\''))
            throw badSpec(shown,
                          u"option '%1' needs a value without spaces, quotes or ';'"_s.arg(key));
        options.append(key + u'=' + value);
    }
    return options.join(u';');
}
} // namespace

DatabaseTarget DatabaseTarget::parse(const QString &spec, const QString &dataDir)
{
    DatabaseTarget target;
    const QString trimmed = spec.trimmed();
    if (trimmed.isEmpty()) {
        target.dataDir = dataDir;
        return target;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    // What error messages show: the spec with any password masked.
    QUrl maskedUrl = url;
    if (!url.password().isEmpty())
        maskedUrl.setPassword(u"***"_s);
    // An unparsable spec is not repeated: it may hold a password.
    const QString shown = url.isValid() ? maskedUrl.toString() : u"(the value given)"_s;
    if (!url.isValid() || url.scheme().isEmpty())
        throw badSpec(shown, u"not a database URL; expected postgresql://USER@HOST[:PORT]/DB or "
                             "mssql://USER@HOST[:PORT]/, or no --database for the embedded "
                             "SQLite files"_s);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"postgresql" || scheme == u"postgres")
        target.kind = Kind::Postgres;
    else if (scheme == u"mssql" || scheme == u"sqlserver")
        target.kind = Kind::SqlServer;
    else
        throw badSpec(shown,
                      u"unknown scheme '%1' (use postgresql:// or mssql://)"_s.arg(url.scheme()));
    if (url.hasFragment())
        throw badSpec(shown, u"a '#' fragment has no meaning here"_s);
    target.host = url.host(QUrl::FullyDecoded);
    if (target.host.isEmpty())
        throw badSpec(shown, u"the server's host name is missing"_s);
    target.user = url.userName(QUrl::FullyDecoded);
    if (target.user.isEmpty())
        throw badSpec(shown, u"the user name is missing (USER@HOST)"_s);
    target.password = url.password(QUrl::FullyDecoded);
    const bool postgres = target.kind == Kind::Postgres;
    target.port = url.port(postgres ? 5432 : 1433);
    if (target.port <= 0)
        throw badSpec(shown, u"the port must be a number from 1 to 65535"_s);

    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (postgres) {
        if (path.isEmpty())
            throw badSpec(shown, u"the database name is missing (postgresql://USER@HOST/DB)"_s);
        if (path.contains(u'/'))
            throw badSpec(shown, u"'%1' is not a database name"_s.arg(path));
        target.database = path;
        target.connectOptions = connectOptionsFrom(url, shown);
    } else {
        // Each tenant gets its own database "Mirror_<ctx>"; the URL names none.
        if (!path.isEmpty())
            throw badSpec(shown, u"SQL Server mirrors are one database per tenant: give no "
                                 "database name (mssql://USER@HOST[:PORT]/)"_s);
        if (url.hasQuery())
            throw badSpec(shown, u"mssql:// takes no options"_s);
    }
    return target;
}

QString DatabaseTarget::describe() const
{
    switch (kind) {
    case Kind::Sqlite:
        return u"SQLite files in %1"_s.arg(QDir::toNativeSeparators(dataDir));
    case Kind::Postgres:
        return u"PostgreSQL database %1 on %2:%3 as %4"_s.arg(database, host).arg(port).arg(user);
    case Kind::SqlServer:
        return u"SQL Server on %1:%2 as %3"_s.arg(host).arg(port).arg(user);
    }
    return {};
}

} // namespace ms
