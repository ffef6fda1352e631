#pragma once

#include "rawconnection.h"

#include <QUrl>

namespace storetest {

/// Where a PostgreSQL server is, from a postgresql://USER[:PASSWORD]@HOST[:PORT]/DB URL.
struct PgServer
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;

    static PgServer fromUrl(const QString &url);
    /// The URL again, for another database on the same server.
    QString url(const QString &otherDatabase) const;
};

/// A QPSQL connection of the test thread's own with `search_path` set to one tenant's schema, as a
/// person would use psql after `SET search_path TO "Mirror_<ctx>"`. Values become Cells the way
/// SQLite's storage classes would hold them: int2 / int4 / int8 and boolean (0/1) -> INTEGER,
/// float8 -> REAL (parsed from PostgreSQL's exact text), bytea -> BLOB, every other type -> TEXT
/// exactly as PostgreSQL prints it (numeric "12.5000", timestamp "2024-01-31 13:45:00.123").
/// An empty schema leaves search_path alone (for work on the database itself).
class PostgresRawConnection final : public RawConnection
{
public:
    PostgresRawConnection(const PgServer &server, const QString &schema);
    ~PostgresRawConnection() override;
    bool isOpen() const { return m_open; }

    bool exec(const QString &sql) override;
    Rows query(const QString &sql) override;
    QList<ColumnInfo> columnInfo(const QString &tableName) override;
    QStringList tableNames() override;
    QString dump() override;

private:
    bool execOne(const QString &statement);

    QString m_connectionName;
    QString m_schema;
    bool m_open = false;
};

} // namespace storetest
