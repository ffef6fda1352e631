#include "postgresdialect.h"

#include "postgrescopywriter.h"
#include "postgresvalues.h"

#include "service/common/identifiers.h"
#include "service/store/columndefault.h"
#include "service/store/sqlservertype.h"
#include "service/store/valueparsing.h"

#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// PostgreSQL keeps names of at most NAMEDATALEN - 1 = 63 bytes and silently cuts longer ones,
// which would make two long names one table.
constexpr qsizetype kMaxIdentifierBytes = 63;
// Types with a precision argument keep at most microseconds.
constexpr int kMaxFractionalSeconds = 6;

QString quoted(const QString &name)
{
    return ms::quoteIdentifier(name);
}

QString stringLiteral(QString text)
{
    // standard_conforming_strings is on (sessionSetup): only the quote needs doubling.
    text.replace(u'\'', u"''"_s);
    return u'\'' + text + u'\'';
}

// time / datetime2 without an argument mean 7 digits, as in SQL Server.
int fractionalDigits(const SqlServerType &type)
{
    return type.hasLength ? type.length : 7;
}
} // namespace

QString PostgresDialect::driverName() const
{
    return u"QPSQL"_s;
}

QString PostgresDialect::productName() const
{
    return u"PostgreSQL"_s;
}

QString PostgresDialect::connectionDatabase(const QString &urlDatabase, const QString &) const
{
    return urlDatabase;
}

QStringList PostgresDialect::sessionSetup() const
{
    // UTC so that lastchange reads back as UTC; warnings only, so that IF NOT EXISTS notices do
    // not fill the log; standard strings, so that backslashes in literals are plain characters;
    // a lock wait limit like SQLite's busy timeout, so that a call blocked by another session
    // (a reader's long transaction during a rebuild) ends in an s:Server fault, not a hang.
    return {u"SET TIME ZONE 'UTC'"_s, u"SET client_min_messages TO warning"_s,
            u"SET standard_conforming_strings TO on"_s, u"SET lock_timeout TO '5s'"_s};
}

int PostgresDialect::maxBindValues() const
{
    return 65535; // the protocol's Int16 count of parameters ($1 .. $65535)
}

void PostgresDialect::checkIdentifier(const QString &name, const QString &what) const
{
    if (name.toUtf8().size() > kMaxIdentifierBytes)
        throw clientError(u"%1: PostgreSQL keeps names of at most %2 characters, and this one "
                          "has %3, so it cannot be mirrored there"_s.arg(what)
                              .arg(kMaxIdentifierBytes)
                              .arg(name.size()));
}

QString PostgresDialect::tenantContainer(const QString &tenant) const
{
    return mirrorDatabaseName(tenant);
}

QString PostgresDialect::metadataTableName(const QString &tenant) const
{
    // Lower case: `update Cust1234_mirroring set lsn = -1`, unquoted, folds to this name.
    return ms::metadataTableName(tenant).toLower();
}

QString PostgresDialect::qualifiedTable(const QString &tenant, const QString &table) const
{
    return quoted(tenantContainer(tenant)) + u'.' + quoted(table);
}

QString PostgresDialect::quoteIdentifier(const QString &name) const
{
    return quoted(name);
}

QStringList PostgresDialect::createTenantStatements(const QString &tenant) const
{
    const QString metadata = qualifiedTable(tenant, metadataTableName(tenant));
    QStringList statements = {
        u"CREATE SCHEMA IF NOT EXISTS "_s + quoted(tenantContainer(tenant)),
        u"CREATE TABLE IF NOT EXISTS %1 (tablename text PRIMARY KEY, schemahash text NOT NULL, "
        "lsn bigint NOT NULL, schemajson text NOT NULL, lastchange timestamptz, "
        "lastinserted bigint NOT NULL DEFAULT 0, lastupdated bigint NOT NULL DEFAULT 0, "
        "lastdeleted bigint NOT NULL DEFAULT 0)"_s.arg(metadata),
    };
    // A metadata table made by hand with the documented three columns gets ours too.
    statements.append(
        u"ALTER TABLE %1 ADD COLUMN IF NOT EXISTS schemajson text NOT NULL DEFAULT '', "
        "ADD COLUMN IF NOT EXISTS lastchange timestamptz, "
        "ADD COLUMN IF NOT EXISTS lastinserted bigint NOT NULL DEFAULT 0, "
        "ADD COLUMN IF NOT EXISTS lastupdated bigint NOT NULL DEFAULT 0, "
        "ADD COLUMN IF NOT EXISTS lastdeleted bigint NOT NULL DEFAULT 0"_s.arg(metadata));
    return statements;
}

QStringList PostgresDialect::dropTenantStatements(const QString &tenant) const
{
    return {u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(quoted(tenantContainer(tenant)))};
}

QString PostgresDialect::tenantsQuery() const
{
    // Schemas "Mirror_<ctx>" holding the table "<ctx>_mirroring" in lower case.
    return u"SELECT substr(n.nspname, 8) FROM pg_catalog.pg_namespace n "
           "JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid "
           "WHERE n.nspname LIKE 'Mirror\\_%' AND c.relkind IN ('r', 'p') "
           "AND c.relname = lower(substr(n.nspname, 8)) || '_mirroring'"_s;
}

QString PostgresDialect::relationsNamedIgnoringCaseQuery(const QString &tenant) const
{
    Q_UNUSED(tenant);
    // Bound: the schema, the name. Every kind of relation: a view or sequence of that name
    // would make CREATE TABLE fail all the same.
    return u"SELECT c.relname, c.relkind IN ('r', 'p') FROM pg_catalog.pg_class c "
           "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
           "WHERE n.nspname = ? AND lower(c.relname) = lower(?)"_s;
}

QString PostgresDialect::selectMetadataQuery(const QString &tenant) const
{
    return u"SELECT tablename, schemahash, lsn, schemajson, lastchange, lastinserted, "
           "lastupdated, lastdeleted FROM %1 ORDER BY tablename COLLATE \"C\""_s.arg(
               qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::upsertMetadataStatement(const QString &tenant) const
{
    return u"INSERT INTO %1 (tablename, schemahash, lsn, schemajson, lastchange) "
           "VALUES (?, ?, ?, ?, now()) ON CONFLICT (tablename) DO UPDATE SET "
           "schemahash = EXCLUDED.schemahash, lsn = EXCLUDED.lsn, "
           "schemajson = EXCLUDED.schemajson, lastchange = EXCLUDED.lastchange"_s.arg(
               qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::setLsnStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lsn = ?, lastchange = now() WHERE tablename = ?"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::touchStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lastchange = now() WHERE tablename = ?"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::deleteMetadataStatement(const QString &tenant) const
{
    return u"DELETE FROM %1 WHERE tablename = ?"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::clearCountsStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lastinserted = 0, lastupdated = 0, lastdeleted = 0"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::setCountsStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lastinserted = ?, lastupdated = ?, lastdeleted = ? "
           "WHERE tablename = ?"_s.arg(qualifiedTable(tenant, metadataTableName(tenant)));
}

QString PostgresDialect::columnType(const SqlServerType &type) const
{
    using Base = SqlServerType::Base;
    switch (type.base) {
    case Base::Bit:
        return u"boolean"_s;
    case Base::TinyInt:
    case Base::SmallInt:
        return u"smallint"_s;
    case Base::Int:
        return u"integer"_s;
    case Base::BigInt:
        return u"bigint"_s;
    case Base::Decimal:
    case Base::Numeric:
        // SQL Server's defaults: decimal = decimal(18,0), decimal(p) = decimal(p,0).
        return u"numeric(%1,%2)"_s.arg(type.precision > 0 ? type.precision : 18)
            .arg(type.hasScale ? type.scale : 0);
    case Base::Money:
        return u"numeric(19,4)"_s;
    case Base::SmallMoney:
        return u"numeric(10,4)"_s;
    case Base::Float:
    case Base::Real:
        return u"double precision"_s; // never a 32-bit real: values are the nearest double
    case Base::Date:
        return u"date"_s;
    case Base::Time:
        // PostgreSQL keeps microseconds; 100 ns digits stay exact only as text.
        return fractionalDigits(type) <= kMaxFractionalSeconds
                   ? u"time(%1)"_s.arg(fractionalDigits(type))
                   : u"text"_s;
    case Base::DateTime2:
        return fractionalDigits(type) <= kMaxFractionalSeconds
                   ? u"timestamp(%1)"_s.arg(fractionalDigits(type))
                   : u"text"_s;
    case Base::DateTime:
        return u"timestamp(3)"_s;
    case Base::SmallDateTime:
        return u"timestamp(0)"_s;
    case Base::DateTimeOffset:
        return u"text"_s; // timestamptz would keep the instant but drop the offset
    case Base::Char:
    case Base::VarChar:
    case Base::NChar:
    case Base::NVarChar:
        return type.length > 0 ? u"varchar(%1)"_s.arg(type.length) : u"text"_s;
    case Base::Text:
    case Base::NText:
        return u"text"_s;
    case Base::Binary:
    case Base::VarBinary:
    case Base::Image:
        return u"bytea"_s;
    case Base::UniqueIdentifier:
        return u"uuid"_s;
    }
    return u"text"_s;
}

QString PostgresDialect::defaultLiteral(const ColumnSchema &column) const
{
    const SqlServerType type = SqlServerType::parse(column.dataType);
    const std::optional<QString> value = constantDefaultValue(column, type);
    if (!value)
        return {};
    if (const std::optional<QString> number = canonicalNumberDefault(type, *value)) {
        if (type.base == SqlServerType::Base::Bit) // a boolean column here
            return *number == u"0"_s ? u"false"_s : u"true"_s;
        return *number;
    }
    if (type.valueKind() == SqlServerType::ValueKind::Binary)
        return {};
    return stringLiteral(*value);
}

namespace {
QString columnDefinition(const PostgresDialect &dialect, const ColumnSchema &column, bool isKey,
                         bool withDefault)
{
    QString sql =
        quoted(column.name) + u' ' + dialect.columnType(SqlServerType::parse(column.dataType));
    if (!column.isNullable || isKey)
        sql += u" NOT NULL"_s;
    const QString literal = withDefault ? dialect.defaultLiteral(column) : QString();
    if (!literal.isEmpty())
        sql += u" DEFAULT "_s + literal;
    return sql;
}
} // namespace

QString PostgresDialect::createTable(const QString &tenant, const TableSchema &schema,
                                     const QString &sqlName) const
{
    QStringList parts;
    for (const ColumnSchema &column : schema.columns)
        parts.append(
            columnDefinition(*this, column, schema.primaryKey.contains(column.name), true));
    QStringList keys;
    for (const QString &key : schema.primaryKey)
        keys.append(quoted(key));
    parts.append(u"PRIMARY KEY ("_s + keys.join(u", "_s) + u')');
    return u"CREATE TABLE "_s + qualifiedTable(tenant, sqlName) + u" ("_s + parts.join(u", "_s) +
           u')';
}

QStringList PostgresDialect::addColumn(const QString &tenant, const TableSchema &schema,
                                       qsizetype index) const
{
    const ColumnSchema &column = schema.columns[index];
    const QString table = qualifiedTable(tenant, schema.tableName);
    const bool isKey = schema.primaryKey.contains(column.name);
    if (!column.isNullable || isKey) {
        // Existing rows take the default (Altered requires a constant one for NOT NULL).
        return {u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(
            table, columnDefinition(*this, column, isKey, true))};
    }
    // Nullable: existing rows get NULL, so the default is set only after the column exists.
    QStringList statements = {u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(
        table, columnDefinition(*this, column, false, false))};
    const QString literal = defaultLiteral(column);
    if (!literal.isEmpty())
        statements.append(u"ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3"_s.arg(
            table, quoted(column.name), literal));
    return statements;
}

QString PostgresDialect::dropTable(const QString &tenant, const QString &table) const
{
    return u"DROP TABLE "_s + qualifiedTable(tenant, table);
}

QStringList PostgresDialect::renameTable(const QString &tenant, const QString &from,
                                         const QString &to) const
{
    return {u"ALTER TABLE %1 RENAME TO %2"_s.arg(qualifiedTable(tenant, from), quoted(to))};
}

QString PostgresDialect::upsertRows(const QString &tenant, const QString &table,
                                    const QStringList &columns, const QStringList &keyColumns,
                                    int rowCount) const
{
    QStringList names, updates, keys;
    for (const QString &column : columns) {
        names.append(quoted(column));
        if (!keyColumns.contains(column))
            updates.append(u"%1 = EXCLUDED.%1"_s.arg(quoted(column)));
    }
    for (const QString &key : keyColumns)
        keys.append(quoted(key));
    QString tuple = u"(?"_s;
    for (qsizetype i = 1; i < columns.size(); ++i)
        tuple += u", ?"_s;
    tuple += u')';
    QString sql =
        u"INSERT INTO %1 (%2) VALUES "_s.arg(qualifiedTable(tenant, table), names.join(u", "_s));
    sql.reserve(sql.size() + rowCount * (tuple.size() + 2) + 200);
    for (int row = 0; row < rowCount; ++row) {
        if (row)
            sql += u", "_s;
        sql += tuple;
    }
    sql += u" ON CONFLICT (%1) DO "_s.arg(keys.join(u", "_s));
    sql += updates.isEmpty() ? u"NOTHING"_s : u"UPDATE SET "_s + updates.join(u", "_s);
    return sql;
}

QString PostgresDialect::deleteRows(const QString &tenant, const QString &table,
                                    const QStringList &keyColumns, int rowCount) const
{
    QStringList keys;
    for (const QString &key : keyColumns)
        keys.append(quoted(key));
    QString tuple = u"(?"_s;
    for (qsizetype i = 1; i < keyColumns.size(); ++i)
        tuple += u", ?"_s;
    tuple += u')';
    QStringList tuples(rowCount, tuple);
    return u"DELETE FROM %1 WHERE (%2) IN (%3)"_s.arg(qualifiedTable(tenant, table),
                                                      keys.join(u", "_s), tuples.join(u", "_s));
}

std::unique_ptr<SqlBulkWriter> PostgresDialect::createBulkWriter(SqlSession &session) const
{
    return std::make_unique<PostgresCopyWriter>(session);
}

QString PostgresDialect::bindValue(const SqlServerType &type, const CellValue &value,
                                   QVariant &bound) const
{
    return postgresBindValue(type, value, bound);
}

Error::Kind PostgresDialect::classify(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    // 21: cardinality (one key twice in a statement), 22: data exception (a value the column
    // refuses: too long, out of range, not a date), 23: integrity (NOT NULL, key, check).
    if (state.startsWith(u"21"_s) || state.startsWith(u"22"_s) || state.startsWith(u"23"_s))
        return Error::Kind::Client;
    return Error::Kind::Server;
}

bool PostgresDialect::isConnectionFailure(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    // Every error the server reports has a SQLSTATE; none means libpq lost or never had the
    // connection. 08: connection exception; 57P01-57P03: the server shut down or is starting.
    return state.isEmpty() || state.startsWith(u"08"_s) || state.startsWith(u"57P"_s) ||
           error.type() == QSqlError::ConnectionError;
}

} // namespace ms
