#pragma once

#include "service/store/readaccess.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

// The simulator's own connection to a PostgreSQL mirror (the verifier's look at it, a scenario's
// tampering), opened from MirrorBackend::readAccess() like the window's readers. Not the store's
// session: the simulator plays the world around the endpoint and must not share its code paths.
namespace ms::sim {

class PostgresConnection final
{
public:
    /// Connects (QPSQL) to access.databaseName with UTC, ISO dates and doubles printed exactly;
    /// throws ms::Error(Server) with the server's reason. `purpose` names the connection in
    /// messages ("verifying the mirror").
    PostgresConnection(const ReadAccess &access, const QString &purpose);
    ~PostgresConnection();
    Q_DISABLE_COPY_MOVE(PostgresConnection)

    /// Runs a statement with the values bound in order (forward-only); throws ms::Error(Server).
    QSqlQuery run(const QString &sql, const QVariantList &values = {});
    void exec(const QString &sql) { run(sql); }
    /// The tenant's schema ("Mirror_<ctx>"), from the read access.
    const QString &schema() const { return m_schema; }
    /// Whether a table (or partitioned table) of that exact name is in `schema`.
    bool tableExists(const QString &schema, const QString &table);
    /// The names of the tables in `schema`, sorted by bytes.
    QStringList tables(const QString &schema);

private:
    QString m_name;
    QString m_schema;
    QString m_purpose;
};

} // namespace ms::sim
