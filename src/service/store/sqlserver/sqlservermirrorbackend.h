#pragma once

#include "service/store/sql/sqlmirrorbackend.h"

#include <chrono>

namespace ms {

/// Mirrors on a SQL Server reached through QODBC and FreeTDS (Debian: tdsodbc): one database
/// "Mirror_<ctx>" per tenant, created on first contact and waited for until online, holding
/// dbo.<ctx>_mirroring and the mirrored tables named exactly as received. Deleting a tenant
/// drops its database. Experimental: never run against a real server. Thread-safe.
class SqlServerMirrorBackend final : public SqlMirrorBackend
{
public:
    /// target.kind must be SqlServer. onlineTimeout: how long open() waits for a new database.
    explicit SqlServerMirrorBackend(
        DatabaseTarget target, std::chrono::milliseconds onlineTimeout = std::chrono::seconds(60));
    /// QODBC with databaseName the FreeTDS connection string of "Mirror_<ctx>" without UID/PWD:
    /// user and password carry the URL's (or $SQLCMDPASSWORD), and the reader braces them into
    /// the string itself (ReaderConnection), since QODBC would append them unescaped.
    ReadAccess readAccess(const QString &tenant) const override;

protected:
    /// CREATE DATABASE when absent (outside any transaction), then polls its state until ONLINE,
    /// else ms::Error Server naming the database and the state it stayed in; then the metadata
    /// table.
    void prepareTenant(SqlSession &session, const QString &tenant) const override;

private:
    std::chrono::milliseconds m_onlineTimeout;
};

} // namespace ms
