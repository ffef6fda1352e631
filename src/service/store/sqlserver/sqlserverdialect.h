#pragma once

#include "service/store/sql/sqldialect.h"

namespace ms {

/// SQL Server (QODBC through FreeTDS) in T-SQL: one database "Mirror_<ctx>" per tenant, every
/// table in its dbo schema named exactly as received, quoted with [ ], the column types exactly
/// as received (normalised spelling), upserts with MERGE. Every statement names the database
/// ([Mirror_x].[dbo].[t]), so none depends on the connection's current database.
/// Experimental: only the generated text is tested, never against a real server.
/// Stateless: any thread.
class SqlServerDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QString productName() const override;
    /// "master" for the tenant-less connection, else "Mirror_<ctx>".
    QString connectionDatabase(const QString &urlDatabase, const QString &tenant) const override;
    /// A FreeTDS connection string (see connectionString()) with a 10 s login timeout.
    void configureConnection(QSqlDatabase &db, const DatabaseTarget &target,
                             const QString &database) const override;
    QStringList sessionSetup() const override;
    int maxBindValues() const override;

    void checkIdentifier(const QString &name, const QString &what) const override;
    QString tenantContainer(const QString &tenant) const override;
    QString metadataTableName(const QString &tenant) const override;
    QString qualifiedTable(const QString &tenant, const QString &table) const override;
    QString quoteIdentifier(const QString &name) const override;

    /// The metadata table only: the database itself is made by createDatabaseStatement().
    QStringList createTenantStatements(const QString &tenant) const override;
    QStringList dropTenantStatements(const QString &tenant) const override;
    QString tenantsQuery() const override;
    QString relationsNamedIgnoringCaseQuery(const QString &tenant) const override;

    QString selectMetadataQuery(const QString &tenant) const override;
    QString upsertMetadataStatement(const QString &tenant) const override;
    QString setLsnStatement(const QString &tenant) const override;
    QString touchStatement(const QString &tenant) const override;
    QString deleteMetadataStatement(const QString &tenant) const override;
    QString clearCountsStatement(const QString &tenant) const override;
    QString setCountsStatement(const QString &tenant) const override;

    QString columnType(const SqlServerType &type) const override;
    QString createTable(const QString &tenant, const TableSchema &schema,
                        const QString &sqlName) const override;
    QStringList addColumn(const QString &tenant, const TableSchema &schema,
                          qsizetype index) const override;
    QString dropTable(const QString &tenant, const QString &table) const override;
    QStringList renameTable(const QString &tenant, const QString &from,
                            const QString &to) const override;

    QString upsertRows(const QString &tenant, const QString &table, const QStringList &columns,
                       const QStringList &keyColumns, int rowCount) const override;
    QString deleteRows(const QString &tenant, const QString &table, const QStringList &keyColumns,
                       int rowCount) const override;
    QString bindValue(const SqlServerType &type, const CellValue &value,
                      QVariant &bound) const override;

    Error::Kind classify(const QSqlError &error) const override;
    bool isConnectionFailure(const QSqlError &error) const override;

    // ---- SQL Server only ---------------------------------------------------------------------
    /// Creates the tenant's database when absent; run outside any transaction (SQL Server
    /// refuses CREATE DATABASE in one). It may return before the database is online.
    QString createDatabaseStatement(const QString &tenant) const;
    /// Bound: the database name. One column: its state_desc ("ONLINE" once usable); no row
    /// while it does not exist.
    QString databaseStateQuery() const;
    /// The ODBC connection string for database on target: FreeTDS, TDS 7.4, UTF-8, and, when
    /// withCredentials, UID and PWD (the URL's password, else $SQLCMDPASSWORD), braced.
    QString connectionString(const DatabaseTarget &target, const QString &database,
                             bool withCredentials) const;
    /// The column's constant default as a T-SQL literal, or empty when it has none.
    QString defaultLiteral(const ColumnSchema &column) const;
};

/// The environment variable read for the password when the mssql:// URL holds none (the one
/// sqlcmd reads).
inline constexpr char kSqlServerPasswordVariable[] = "SQLCMDPASSWORD";

} // namespace ms
