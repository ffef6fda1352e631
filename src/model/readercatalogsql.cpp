#include "readercatalogsql.h"

#include "columnexpressions.h"

#include "service/common/identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

QStringList sessionSetupSql(ReaderDialect::Kind kind, const QString &location)
{
    switch (kind) {
    case ReaderDialect::Kind::Sqlite:
        return {};
    case ReaderDialect::Kind::Postgres:
        // Read-only sessions: the Query pane runs what people type. search_path: the tenant's
        // tables by their plain names. DateStyle: ISO text for dates.
        return {u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s,
                u"SET search_path TO %1"_s.arg(quoteIdentifier(location)),
                u"SET DateStyle TO ISO, YMD"_s, u"SET client_min_messages TO error"_s};
    case ReaderDialect::Kind::SqlServer:
        // The connection's database is the tenant's, so `select * from contact` works as in
        // SSMS. As the store's sessions: ANSI behaviour and "quoted" names whatever the
        // driver's defaults, ymd dates whatever the login's language, no "rows affected"
        // messages between the results QODBC reads. A lock wait limit: a read waiting on the
        // store's transaction cannot be cancelled through QODBC, so it ends in an error instead
        // of holding the reader's thread.
        return {u"SET ANSI_NULLS ON"_s,  u"SET ANSI_WARNINGS ON"_s, u"SET QUOTED_IDENTIFIER ON"_s,
                u"SET DATEFORMAT ymd"_s, u"SET NOCOUNT ON"_s,       u"SET LOCK_TIMEOUT 5000"_s};
    }
    return {};
}

SqlText metadataSql(ReaderDialect::Kind kind, const QString &tenant)
{
    // The metadata table's columns beyond the documented tablename / schemahash / lsn;
    // lastchange as UTC text on every target, so that one parser reads it.
    const QString columns = u"tablename, schemahash, lsn, schemajson, %1, lastinserted, "
                            u"lastupdated, lastdeleted"_s;
    const QString table = metadataTableName(tenant);
    switch (kind) {
    case ReaderDialect::Kind::Sqlite:
        return {u"SELECT %1 FROM %2 ORDER BY tablename"_s.arg(columns.arg(u"lastchange"_s),
                                                              quoteIdentifier(table)),
                {}};
    case ReaderDialect::Kind::Postgres:
        // The store folds the name to lower case there, so that the documented unquoted
        // commands find it. Byte order of names, as SQLite compares text.
        return {u"SELECT %1 FROM %2 ORDER BY tablename COLLATE \"C\""_s.arg(
                    columns.arg(u"to_char(lastchange AT TIME ZONE 'UTC', "
                                u"'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"_s),
                    quoteIdentifier(table.toLower())),
                {}};
    case ReaderDialect::Kind::SqlServer: {
        // dbo.<ctx>_mirroring of the tenant's database, read as the store reads it: lastchange
        // (datetime2(3), UTC) as ISO text with its zone, since QODBC reads it as local time.
        const ReaderDialect dialect{ReaderDialect::Kind::SqlServer, {}};
        return {u"SELECT %1 FROM %2 ORDER BY tablename COLLATE Latin1_General_BIN2"_s.arg(
                    columns.arg(u"CONVERT(nvarchar(23), lastchange, 126) + N'Z'"_s),
                    tableReference(table, dialect)),
                {}};
    }
    }
    return {};
}

std::optional<SqlText> presentTablesSql(ReaderDialect::Kind kind, const QString &location)
{
    switch (kind) {
    case ReaderDialect::Kind::Sqlite:
        return std::nullopt;
    case ReaderDialect::Kind::Postgres:
        return SqlText{u"SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace "
                       u"n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', "
                       u"'p')"_s,
                       {location}};
    case ReaderDialect::Kind::SqlServer:
        return SqlText{u"SELECT t.name FROM sys.tables t JOIN sys.schemas s ON s.schema_id = "
                       u"t.schema_id WHERE s.name = ?"_s,
                       {location}};
    }
    return std::nullopt;
}

std::optional<SqlText> columnTypesSql(ReaderDialect::Kind kind, const QString &location,
                                      const QString &table)
{
    switch (kind) {
    case ReaderDialect::Kind::Sqlite:
        return std::nullopt;
    case ReaderDialect::Kind::Postgres:
        return SqlText{
            u"SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute "
            u"a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON "
            u"n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND "
            u"NOT a.attisdropped"_s,
            {location, table}};
    case ReaderDialect::Kind::SqlServer:
        // The system type's name: an alias type (sysname, a user's own) reads as its base.
        return SqlText{u"SELECT c.name, TYPE_NAME(c.system_type_id) FROM sys.columns c JOIN "
                       u"sys.tables t ON t.object_id = c.object_id JOIN sys.schemas s ON "
                       u"s.schema_id = t.schema_id WHERE s.name = ? AND t.name = ?"_s,
                       {location, table}};
    }
    return std::nullopt;
}

QString beginUserStatementSql(ReaderDialect::Kind kind)
{
    switch (kind) {
    case ReaderDialect::Kind::Sqlite:
        return {}; // PRAGMA query_only=1 on a read-only open holds
    case ReaderDialect::Kind::Postgres:
        // The session is read-only already; the transaction is rolled back all the same.
        return u"BEGIN TRANSACTION READ ONLY"_s;
    case ReaderDialect::Kind::SqlServer:
        // SQL Server has no read-only session or transaction (SET TRANSACTION READ ONLY does
        // not exist; ApplicationIntent=ReadOnly only routes to a readable secondary; a
        // READ_ONLY database would stop the store's own writes). So, without a login that may
        // only read (db_datareader), a transaction that is always rolled back is the best guard
        // there is: it undoes what the text wrote. It is weaker than PostgreSQL's: a COMMIT in
        // the text ends it, and what follows is committed.
        return u"BEGIN TRANSACTION"_s;
    }
    return {};
}

QString endUserStatementSql(ReaderDialect::Kind kind)
{
    switch (kind) {
    case ReaderDialect::Kind::Sqlite:
        return {};
    case ReaderDialect::Kind::Postgres:
        return u"ROLLBACK"_s;
    case ReaderDialect::Kind::SqlServer:
        // The text may have ended the transaction itself (an error under XACT_ABORT, a
        // ROLLBACK); a ROLLBACK without one fails with error 3903.
        return u"IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION"_s;
    }
    return {};
}

} // namespace ms
