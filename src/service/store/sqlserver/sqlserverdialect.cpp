#include "sqlserverdialect.h"

#include "sqlservererrors.h"
#include "sqlservervalues.h"

#include "service/common/identifiers.h"
#include "service/store/databasetarget.h"
#include "service/store/sqlservertype.h"

#include <QSqlDatabase>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// sysname: SQL Server keeps names of at most 128 characters.
constexpr qsizetype kMaxIdentifierLength = 128;
// 2100 parameters per request; sp_prepexec and sp_executesql take a few for themselves.
constexpr int kMaxBindValues = 2000;

QString bracketed(const QString &name)
{
    QString quoted = name;
    quoted.replace(u']', u"]]"_s);
    return u'[' + quoted + u']';
}

// A name inside an N'...' literal (OBJECT_ID, sp_rename): its quote doubled.
QString nameLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', u"''"_s);
    return u"N'"_s + escaped + u'\'';
}

// An ODBC connection string value: braced, a closing brace doubled, so that ';' and '=' in a
// password are plain characters.
QString odbcValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'}', u"}}"_s);
    return u'{' + escaped + u'}';
}

QString placeholders(qsizetype count)
{
    QString tuple = u"(?"_s;
    for (qsizetype i = 1; i < count; ++i)
        tuple += u", ?"_s;
    return tuple + u')';
}

QString valuesList(qsizetype columns, int rowCount)
{
    const QString tuple = placeholders(columns);
    QString sql;
    sql.reserve(rowCount * (tuple.size() + 2));
    for (int row = 0; row < rowCount; ++row) {
        if (row)
            sql += u", "_s;
        sql += tuple;
    }
    return sql;
}

QStringList bracketedAll(const QStringList &names)
{
    QStringList result;
    for (const QString &name : names)
        result.append(bracketed(name));
    return result;
}

// "t.[a] = s.[a] AND t.[b] = s.[b]"
QString keyMatch(const QStringList &keyColumns)
{
    QStringList terms;
    for (const QString &key : keyColumns)
        terms.append(u"t.%1 = s.%1"_s.arg(bracketed(key)));
    return terms.join(u" AND "_s);
}

} // namespace

QString SqlServerDialect::driverName() const
{
    return u"QODBC"_s;
}

QString SqlServerDialect::productName() const
{
    return u"SQL Server"_s;
}

QString SqlServerDialect::connectionDatabase(const QString &, const QString &tenant) const
{
    return tenant.isEmpty() ? u"master"_s : tenantContainer(tenant);
}

QString SqlServerDialect::connectionString(const DatabaseTarget &target, const QString &database,
                                           bool withCredentials) const
{
    // The driver's name as Debian's tdsodbc registers it in /etc/odbcinst.ini. TDS 7.4 is the
    // protocol of SQL Server 2012 and later (nvarchar(max), datetime2); UTF-8 to and from the
    // driver whatever the locale.
    QString text = u"Driver={FreeTDS};Server=%1;Port=%2;Database=%3;TDS_Version=7.4;"
                   "ClientCharset=UTF-8"_s.arg(odbcValue(target.host))
                       .arg(target.port)
                       .arg(odbcValue(database));
    if (withCredentials) {
        const QString password = target.password.isEmpty()
                                     ? qEnvironmentVariable(kSqlServerPasswordVariable)
                                     : target.password;
        text += u";UID="_s + odbcValue(target.user);
        if (!password.isEmpty())
            text += u";PWD="_s + odbcValue(password);
    }
    return text;
}

void SqlServerDialect::configureConnection(QSqlDatabase &db, const DatabaseTarget &target,
                                           const QString &database) const
{
    // QODBC ignores host, port and database and appends user and password unescaped, so all of
    // it goes into the connection string, and nothing into QtSql's own fields.
    db.setDatabaseName(connectionString(target, database, true));
    // A host that drops packets must not hang a call: 10 s to log in, as for PostgreSQL.
    db.setConnectOptions(u"SQL_ATTR_LOGIN_TIMEOUT=10"_s);
}

QStringList SqlServerDialect::sessionSetup() const
{
    // XACT_ABORT: any error ends the transaction whole (never half of a call committed);
    // ANSI_WARNINGS: a too long text or overflow is an error, not a silent cut; DATEFORMAT ymd:
    // '2020-01-02' means 2 January for datetime too, whatever the login's language; a lock wait
    // limit as on PostgreSQL, so that another session's lock ends in s:Server, not a hang;
    // NOCOUNT: no "rows affected" messages between the results QODBC reads.
    return {u"SET XACT_ABORT ON"_s,        u"SET ANSI_WARNINGS ON"_s, u"SET ANSI_NULLS ON"_s,
            u"SET QUOTED_IDENTIFIER ON"_s, u"SET ARITHABORT ON"_s,    u"SET DATEFORMAT ymd"_s,
            u"SET LOCK_TIMEOUT 5000"_s,    u"SET NOCOUNT ON"_s};
}

int SqlServerDialect::maxBindValues() const
{
    return kMaxBindValues;
}

void SqlServerDialect::checkIdentifier(const QString &name, const QString &what) const
{
    if (name.size() > kMaxIdentifierLength)
        throw clientError(u"%1: SQL Server keeps names of at most %2 characters, so this name "
                          "of %3 cannot be mirrored there"_s.arg(what)
                              .arg(kMaxIdentifierLength)
                              .arg(name.size()));
}

QString SqlServerDialect::tenantContainer(const QString &tenant) const
{
    return mirrorDatabaseName(tenant);
}

QString SqlServerDialect::metadataTableName(const QString &tenant) const
{
    // As documented: SQL Server compares names ignoring case (default collation), so
    // `update Cust1234_mirroring set lsn = -1` finds it however it is typed.
    return ms::metadataTableName(tenant);
}

QString SqlServerDialect::qualifiedTable(const QString &tenant, const QString &table) const
{
    return bracketed(tenantContainer(tenant)) + u".[dbo]."_s + bracketed(table);
}

QString SqlServerDialect::quoteIdentifier(const QString &name) const
{
    return bracketed(name);
}

QString SqlServerDialect::createDatabaseStatement(const QString &tenant) const
{
    const QString database = tenantContainer(tenant);
    return u"IF DB_ID(%1) IS NULL CREATE DATABASE %2"_s.arg(nameLiteral(database),
                                                            bracketed(database));
}

QString SqlServerDialect::databaseStateQuery() const
{
    return u"SELECT state_desc FROM sys.databases WHERE name = ?"_s;
}

QStringList SqlServerDialect::createTenantStatements(const QString &tenant) const
{
    const QString database = bracketed(tenantContainer(tenant));
    const QString table = qualifiedTable(tenant, metadataTableName(tenant));
    const QString objectName = nameLiteral(table);
    QStringList statements = {
        u"IF OBJECT_ID(%1, N'U') IS NULL CREATE TABLE %2 (tablename nvarchar(128) NOT NULL "
        "PRIMARY KEY, schemahash nvarchar(128) NOT NULL, lsn bigint NOT NULL, schemajson "
        "nvarchar(max) NOT NULL, lastchange datetime2(3) NULL, lastinserted bigint NOT NULL "
        "DEFAULT 0, lastupdated bigint NOT NULL DEFAULT 0, lastdeleted bigint NOT NULL "
        "DEFAULT 0)"_s.arg(objectName, table)};
    // A metadata table made by hand with the documented three columns gets ours too.
    const QString addMissing = u"IF NOT EXISTS (SELECT 1 FROM %1.sys.columns WHERE object_id = "
                               "OBJECT_ID(%2, N'U') AND name = N'%3') ALTER TABLE %4 ADD %5"_s;
    const std::pair<const char16_t *, const char16_t *> extra[] = {
        {u"schemajson", u"schemajson nvarchar(max) NOT NULL DEFAULT N''"},
        {u"lastchange", u"lastchange datetime2(3) NULL"},
        {u"lastinserted", u"lastinserted bigint NOT NULL DEFAULT 0"},
        {u"lastupdated", u"lastupdated bigint NOT NULL DEFAULT 0"},
        {u"lastdeleted", u"lastdeleted bigint NOT NULL DEFAULT 0"},
    };
    for (const auto &[column, definition] : extra)
        statements.append(addMissing.arg(database, objectName, QString::fromUtf16(column), table,
                                         QString::fromUtf16(definition)));
    return statements;
}

QStringList SqlServerDialect::dropTenantStatements(const QString &tenant) const
{
    // Open connections (other threads' pooled ones, the window's) would make DROP DATABASE
    // fail: SINGLE_USER ends them and rolls their transactions back first.
    const QString database = tenantContainer(tenant);
    return {u"IF DB_ID(%1) IS NOT NULL BEGIN ALTER DATABASE %2 SET SINGLE_USER WITH ROLLBACK "
            "IMMEDIATE; DROP DATABASE %2; END"_s.arg(nameLiteral(database), bracketed(database))};
}

QString SqlServerDialect::tenantsQuery() const
{
    // Online databases "Mirror_<ctx>" (exactly that prefix, whatever the server's collation)
    // holding dbo.<ctx>_mirroring; OBJECT_ID looks into each through the three-part name.
    return u"SELECT SUBSTRING(d.name, 8, 128) FROM sys.databases d "
           "WHERE d.name LIKE N'Mirror[_]%' "
           "AND LEFT(d.name, 7) COLLATE Latin1_General_BIN2 = N'Mirror_' "
           "AND d.state_desc = N'ONLINE' AND HAS_DBACCESS(d.name) = 1 "
           "AND OBJECT_ID(QUOTENAME(d.name) + N'.[dbo].' + "
           "QUOTENAME(SUBSTRING(d.name, 8, 128) + N'_mirroring'), N'U') IS NOT NULL"_s;
}

QString SqlServerDialect::relationsNamedIgnoringCaseQuery(const QString &tenant) const
{
    // A database cannot be a parameter of FROM, so it is in the text and the bound one only
    // has to exist. Every object of dbo but constraints and triggers (parent_object_id <> 0):
    // a view or synonym of that name would make CREATE TABLE fail all the same.
    const QString database = bracketed(tenantContainer(tenant));
    return u"SELECT o.name, CAST(CASE WHEN o.type = 'U' THEN 1 ELSE 0 END AS bit) "
           "FROM %1.sys.objects o JOIN %1.sys.schemas s ON s.schema_id = o.schema_id "
           "WHERE DB_ID(?) IS NOT NULL AND s.name = N'dbo' AND o.parent_object_id = 0 "
           "AND LOWER(o.name) = LOWER(?)"_s.arg(database);
}

QString SqlServerDialect::selectMetadataQuery(const QString &tenant) const
{
    // lastchange as ISO text with its zone: QODBC reads datetime2 as local time.
    return u"SELECT tablename, schemahash, lsn, schemajson, "
           "CONVERT(nvarchar(23), lastchange, 126) + N'Z', lastinserted, lastupdated, "
           "lastdeleted FROM %1 ORDER BY tablename COLLATE Latin1_General_BIN2"_s.arg(
               qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::upsertMetadataStatement(const QString &tenant) const
{
    return u"MERGE %1 WITH (HOLDLOCK) AS t USING (VALUES (?, ?, ?, ?)) AS s (tablename, "
           "schemahash, lsn, schemajson) ON t.tablename = s.tablename WHEN MATCHED THEN UPDATE "
           "SET schemahash = s.schemahash, lsn = s.lsn, schemajson = s.schemajson, lastchange = "
           "SYSUTCDATETIME() WHEN NOT MATCHED THEN INSERT (tablename, schemahash, lsn, "
           "schemajson, lastchange) VALUES (s.tablename, s.schemahash, s.lsn, s.schemajson, "
           "SYSUTCDATETIME());"_s.arg(qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::setLsnStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lsn = ?, lastchange = SYSUTCDATETIME() WHERE tablename = ?"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::touchStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lastchange = SYSUTCDATETIME() WHERE tablename = ?"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::deleteMetadataStatement(const QString &tenant) const
{
    return u"DELETE FROM %1 WHERE tablename = ?"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::clearCountsStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lastinserted = 0, lastupdated = 0, lastdeleted = 0"_s.arg(
        qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::setCountsStatement(const QString &tenant) const
{
    return u"UPDATE %1 SET lastinserted = ?, lastupdated = ?, lastdeleted = ? "
           "WHERE tablename = ?"_s.arg(qualifiedTable(tenant, metadataTableName(tenant)));
}

QString SqlServerDialect::columnType(const SqlServerType &type) const
{
    return type.normalized(); // the source's own type: every value fits as it did there
}

QString SqlServerDialect::defaultLiteral(const ColumnSchema &column) const
{
    return sqlServerDefaultLiteral(column);
}

namespace {
QString columnDefinition(const SqlServerDialect &dialect, const ColumnSchema &column, bool isKey)
{
    // NULL spelt out: ANSI_NULL_DFLT settings of the server or database must not decide.
    QString sql = bracketed(column.name) + u' ' +
                  dialect.columnType(SqlServerType::parse(column.dataType)) +
                  (!column.isNullable || isKey ? u" NOT NULL"_s : u" NULL"_s);
    const QString literal = dialect.defaultLiteral(column);
    if (!literal.isEmpty())
        sql += u" DEFAULT ("_s + literal + u')';
    return sql;
}
} // namespace

QString SqlServerDialect::createTable(const QString &tenant, const TableSchema &schema,
                                      const QString &sqlName) const
{
    QStringList parts;
    for (const ColumnSchema &column : schema.columns)
        parts.append(columnDefinition(*this, column, schema.primaryKey.contains(column.name)));
    // The key constraint unnamed: a rebuild's table and the one it replaces exist at once, and
    // constraint names are unique per schema.
    parts.append(u"PRIMARY KEY ("_s + bracketedAll(schema.primaryKey).join(u", "_s) + u')');
    return u"CREATE TABLE "_s + qualifiedTable(tenant, sqlName) + u" ("_s + parts.join(u", "_s) +
           u')';
}

QStringList SqlServerDialect::addColumn(const QString &tenant, const TableSchema &schema,
                                        qsizetype index) const
{
    // Without WITH VALUES, rows already there get NULL in a nullable column and the default in
    // a NOT NULL one: one statement either way.
    const ColumnSchema &column = schema.columns[index];
    return {u"ALTER TABLE %1 ADD %2"_s.arg(
        qualifiedTable(tenant, schema.tableName),
        columnDefinition(*this, column, schema.primaryKey.contains(column.name)))};
}

QString SqlServerDialect::dropTable(const QString &tenant, const QString &table) const
{
    return u"DROP TABLE "_s + qualifiedTable(tenant, table);
}

QStringList SqlServerDialect::renameTable(const QString &tenant, const QString &from,
                                          const QString &to) const
{
    // sp_rename works in the current database only; called through the tenant's database it
    // runs there. The new name is plain (brackets would become part of it).
    return {u"EXEC %1.sys.sp_rename @objname = %2, @newname = %3"_s.arg(
        bracketed(tenantContainer(tenant)), nameLiteral(u"[dbo]."_s + bracketed(from)),
        nameLiteral(to))};
}

QString SqlServerDialect::upsertRows(const QString &tenant, const QString &table,
                                     const QStringList &columns, const QStringList &keyColumns,
                                     int rowCount) const
{
    // HOLDLOCK: without it, two sessions may both find a key missing and both insert it.
    // The machinery never puts one key twice in a statement (MERGE refuses that, error 8672).
    QStringList updates, sources;
    for (const QString &column : columns) {
        sources.append(u"s."_s + bracketed(column));
        if (!keyColumns.contains(column))
            updates.append(u"t.%1 = s.%1"_s.arg(bracketed(column)));
    }
    const QString names = bracketedAll(columns).join(u", "_s);
    QString sql =
        u"MERGE %1 WITH (HOLDLOCK) AS t USING (VALUES "_s.arg(qualifiedTable(tenant, table));
    sql += valuesList(columns.size(), rowCount);
    sql += u") AS s (%1) ON %2"_s.arg(names, keyMatch(keyColumns));
    if (!updates.isEmpty())
        sql += u" WHEN MATCHED THEN UPDATE SET "_s + updates.join(u", "_s);
    sql += u" WHEN NOT MATCHED THEN INSERT (%1) VALUES (%2);"_s.arg(names, sources.join(u", "_s));
    return sql;
}

QString SqlServerDialect::deleteRows(const QString &tenant, const QString &table,
                                     const QStringList &keyColumns, int rowCount) const
{
    // No row values in IN for T-SQL: the keys join as a VALUES list, one form for any key.
    return u"DELETE t FROM %1 AS t JOIN (VALUES %2) AS s (%3) ON %4"_s.arg(
        qualifiedTable(tenant, table), valuesList(keyColumns.size(), rowCount),
        bracketedAll(keyColumns).join(u", "_s), keyMatch(keyColumns));
}

QString SqlServerDialect::bindValue(const SqlServerType &type, const CellValue &value,
                                    QVariant &bound) const
{
    return bindSqlServerValue(type, value, bound);
}

Error::Kind SqlServerDialect::classify(const QSqlError &error) const
{
    return classifySqlServerError(error);
}

bool SqlServerDialect::isConnectionFailure(const QSqlError &error) const
{
    return isSqlServerConnectionFailure(error);
}

} // namespace ms
