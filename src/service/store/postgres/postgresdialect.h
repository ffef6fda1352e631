#pragma once

#include "service/store/sql/sqldialect.h"

namespace ms {

/// PostgreSQL (QPSQL): one schema "Mirror_<ctx>" per tenant in the URL's database, the metadata
/// table "<ctx>_mirroring" folded to lower case in it (so that the documented, unquoted manual
/// commands find it), SQL Server types mapped so that every value round-trips exactly.
/// Stateless: any thread.
class PostgresDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QString productName() const override;
    QString connectionDatabase(const QString &urlDatabase, const QString &tenant) const override;
    QStringList sessionSetup() const override;
    int maxBindValues() const override;

    void checkIdentifier(const QString &name, const QString &what) const override;
    QString tenantContainer(const QString &tenant) const override;
    QString metadataTableName(const QString &tenant) const override;
    QString qualifiedTable(const QString &tenant, const QString &table) const override;
    QString quoteIdentifier(const QString &name) const override;

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
    std::unique_ptr<SqlBulkWriter> createBulkWriter(SqlSession &session) const override;
    QString bindValue(const SqlServerType &type, const CellValue &value,
                      QVariant &bound) const override;

    Error::Kind classify(const QSqlError &error) const override;
    bool isConnectionFailure(const QSqlError &error) const override;

    /// The column's constant default as a PostgreSQL literal, or empty when it has none.
    QString defaultLiteral(const ColumnSchema &column) const;
};

} // namespace ms
