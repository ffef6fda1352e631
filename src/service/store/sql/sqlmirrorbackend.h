#pragma once

#include "service/store/databasetarget.h"
#include "service/store/mirrorbackend.h"

#include <memory>

namespace ms {

class SqlDialect;
class SqlSession;
struct SqlServerContext;

/// Tenants' mirrors on a SQL server reached through QtSql, one container (schema or database)
/// per tenant, as the dialect lays them out. Connects to nothing until the first call that
/// needs the server; a server that cannot be reached is ms::Error Server on each such call.
/// Thread-safe; each thread uses its own connections, removed when the backend (and the last
/// store it opened) is gone.
class SqlMirrorBackend : public MirrorBackend
{
    Q_DISABLE_COPY_MOVE(SqlMirrorBackend)
public:
    SqlMirrorBackend(std::unique_ptr<SqlDialect> dialect, DatabaseTarget target);
    ~SqlMirrorBackend() override;

    /// Creates the tenant's container and metadata table on first contact.
    std::unique_ptr<MirrorStore> open(const QString &tenant) override;
    /// These two throw ms::Error Server when the server cannot be reached.
    bool exists(const QString &tenant) const override;
    QStringList tenants() const override;
    void deleteTenant(const QString &tenant) override;
    QString description() const override;
    /// Driver, server and credentials of the target; databaseName is the tenant's
    /// connection database, schema empty (PostgreSQL's backend adds its schema).
    ReadAccess readAccess(const QString &tenant) const override;

    const DatabaseTarget &target() const { return m_target; }
    const SqlDialect &dialect() const;

protected:
    /// Makes the tenant's container and metadata table exist, on session (the tenant-less
    /// connection, outside any transaction). The default runs the dialect's
    /// createTenantStatements(); SQL Server first creates its database and waits until it is
    /// online.
    virtual void prepareTenant(SqlSession &session, const QString &tenant) const;

private:
    void requireValid(const QString &tenant) const;

    DatabaseTarget m_target;
    std::shared_ptr<SqlServerContext> m_context;
};

} // namespace ms
