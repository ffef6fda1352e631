#pragma once

#include "service/common/error.h"
#include "service/common/protocoltypes.h"

#include <QStringList>
#include <QVariant>

#include <memory>

class QSqlDatabase;
class QSqlError;

namespace ms {

struct DatabaseTarget;
class SqlBulkWriter;
class SqlSession;
struct SqlServerType;

/// What differs between SQL servers behind the QtSql-generic mirror machinery of src/service/
/// store/sql/ (connections per thread, transactions, the schema-apply algorithm, the RowData
/// write path). One implementation per server: PostgresDialect (postgres/), and the T-SQL one.
///
/// Contract:
/// - Pure text and classification: no connection, no state; every method is const and
///   reentrant, callable from any thread at once. The one exception, createBulkWriter(), makes
///   an object bound to the session it is given (optional; the default makes none).
/// - Every name passed in has passed isValidSqlIdentifier / isValidTenantId and
///   checkIdentifier(); the dialect quotes it in every statement it returns.
/// - Statements with values use positional `?` placeholders, bound by the machinery in order;
///   no value is ever spliced into the text (defaults in DDL are literals the dialect makes from
///   validated constants, see columndefault.h).
/// - Queries that the machinery reads return the columns documented on each method, in order.
/// - Every table statement names the table in the tenant's container (schema or database), so
///   the machinery never depends on a search_path or a current database.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    // ---- the server ----------------------------------------------------------------------
    /// The QtSql driver: "QPSQL", "QODBC".
    virtual QString driverName() const = 0;
    /// For messages: "PostgreSQL", "SQL Server".
    virtual QString productName() const = 0;
    /// The database a connection for this tenant opens (empty tenant: the one for listing and
    /// creating tenants). PostgreSQL: always the URL's database.
    virtual QString connectionDatabase(const QString &urlDatabase, const QString &tenant) const = 0;
    /// Sets up db (added with driverName(), not yet open) to connect to database on target. The
    /// default suits drivers that take QtSql's own fields (QPSQL): host, port, user, password,
    /// database name, and the target's options plus libpq's connect_timeout=10 unless given.
    /// QODBC reads none of host, port nor database: its dialect writes a connection string.
    virtual void configureConnection(QSqlDatabase &db, const DatabaseTarget &target,
                                     const QString &database) const;
    /// Statements run once on every new connection (session settings), in order.
    virtual QStringList sessionSetup() const = 0;
    /// The most bound values one statement may carry.
    virtual int maxBindValues() const = 0;

    // ---- names -----------------------------------------------------------------------------
    /// Throws Client when the server cannot hold name exactly (PostgreSQL cuts names at 63
    /// bytes). what says which name it is, e.g. "table 'x'".
    virtual void checkIdentifier(const QString &name, const QString &what) const = 0;
    /// "Mirror_<ctx>": the schema (PostgreSQL) or database (SQL Server) of a tenant.
    virtual QString tenantContainer(const QString &tenant) const = 0;
    /// The metadata table's name as created (PostgreSQL: "<ctx>_mirroring" in lower case).
    virtual QString metadataTableName(const QString &tenant) const = 0;
    /// A table of the tenant, quoted and qualified for use in any statement.
    virtual QString qualifiedTable(const QString &tenant, const QString &table) const = 0;
    virtual QString quoteIdentifier(const QString &name) const = 0;

    // ---- tenants ---------------------------------------------------------------------------
    /// Creates the tenant's container and metadata table when absent (run in order, outside any
    /// transaction, on the tenant-less connection). The metadata table has the columns
    /// tablename, schemahash, lsn, schemajson, lastchange, lastinserted, lastupdated,
    /// lastdeleted (see sqlitemetadata.cpp for their meaning).
    virtual QStringList createTenantStatements(const QString &tenant) const = 0;
    virtual QStringList dropTenantStatements(const QString &tenant) const = 0;
    /// No bound values; one column: the tenant id of every container that holds its metadata
    /// table (unsorted; the machinery checks and sorts).
    virtual QString tenantsQuery() const = 0;

    // ---- catalog ---------------------------------------------------------------------------
    /// Bound values: tenantContainer(tenant), then a table name. Columns: name (text), isTable
    /// (bool): every relation of the tenant's container whose name equals it ignoring case.
    virtual QString relationsNamedIgnoringCaseQuery(const QString &tenant) const = 0;

    // ---- metadata table --------------------------------------------------------------------
    /// Columns: tablename, schemahash, lsn, schemajson, lastchange (UTC, may be NULL),
    /// lastinserted, lastupdated, lastdeleted. No bound values; ordered by tablename.
    virtual QString selectMetadataQuery(const QString &tenant) const = 0;
    /// Bound: tablename, schemahash, lsn, schemajson. Inserts or replaces; lastchange = now.
    virtual QString upsertMetadataStatement(const QString &tenant) const = 0;
    /// Bound: lsn, tablename; lastchange = now.
    virtual QString setLsnStatement(const QString &tenant) const = 0;
    /// Bound: tablename; lastchange = now.
    virtual QString touchStatement(const QString &tenant) const = 0;
    /// Bound: tablename.
    virtual QString deleteMetadataStatement(const QString &tenant) const = 0;
    /// No bound values: every row's last-cycle counts to 0.
    virtual QString clearCountsStatement(const QString &tenant) const = 0;
    /// Bound: inserted, updated, deleted, tablename.
    virtual QString setCountsStatement(const QString &tenant) const = 0;

    // ---- DDL -------------------------------------------------------------------------------
    /// The server type holding the SQL Server type's values exactly (PostgreSQL: numeric(p,s),
    /// text for datetime2(7)...).
    virtual QString columnType(const SqlServerType &type) const = 0;
    /// CREATE TABLE for the schema under sqlName (the schema's name or a temporary one for a
    /// rebuild): columns in the schema's order, NOT NULL, constant defaults, the primary key.
    virtual QString createTable(const QString &tenant, const TableSchema &schema,
                                const QString &sqlName) const = 0;
    /// Statements that append column index of schema to the existing table; rows already there
    /// get NULL when it is nullable, else its default.
    virtual QStringList addColumn(const QString &tenant, const TableSchema &schema,
                                  qsizetype index) const = 0;
    virtual QString dropTable(const QString &tenant, const QString &table) const = 0;
    virtual QStringList renameTable(const QString &tenant, const QString &from,
                                    const QString &to) const = 0;

    // ---- rows ------------------------------------------------------------------------------
    /// Upsert of rowCount rows of the listed columns (an existing key is replaced, a missing one
    /// inserted); bound values row after row, columns in the listed order. keyColumns is the
    /// table's primary key; columns includes it.
    virtual QString upsertRows(const QString &tenant, const QString &table,
                               const QStringList &columns, const QStringList &keyColumns,
                               int rowCount) const = 0;
    /// Delete of rowCount keys; bound values key after key, key columns in key order.
    virtual QString deleteRows(const QString &tenant, const QString &table,
                               const QStringList &keyColumns, int rowCount) const = 0;
    /// Optional: a bulk writer on the session's connection, used instead of upsertRows() for
    /// chunks of at least its minimumRows(). Null (the default): multi-row statements only.
    virtual std::unique_ptr<SqlBulkWriter> createBulkWriter(SqlSession &session) const;
    /// A RowData value of type as the QVariant the driver binds for its column type, exactly
    /// (text stays text: numeric, dates, GUIDs are bound as received). Returns an empty string
    /// when bound, else why the value is refused ("not a valid int value", "holds U+0000, which
    /// PostgreSQL text cannot store").
    virtual QString bindValue(const SqlServerType &type, const CellValue &value,
                              QVariant &bound) const = 0;

    // ---- errors ----------------------------------------------------------------------------
    /// Client for a failure that is the request's fault (NOT NULL, key, a value the column
    /// refuses), Server for everything else (connection, storage, our SQL).
    virtual Error::Kind classify(const QSqlError &error) const = 0;
    /// Whether the error says the server cannot be reached or the connection broke.
    virtual bool isConnectionFailure(const QSqlError &error) const = 0;
};

} // namespace ms
