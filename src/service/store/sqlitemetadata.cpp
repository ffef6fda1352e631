#include "sqlitemetadata.h"

#include "schemajson.h"
#include "sqliteconnection.h"
#include "sqlitestatement.h"

#include "service/common/identifiers.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// Our columns beyond the documented four; added to a metadata table made by hand or by an
// older version, so that the documented manual commands and ours both keep working.
constexpr std::pair<QLatin1StringView, QLatin1StringView> kExtraColumns[] = {
    {"lastchange"_L1, "TEXT"_L1},
    {"lastinserted"_L1, "INTEGER NOT NULL DEFAULT 0"_L1},
    {"lastupdated"_L1, "INTEGER NOT NULL DEFAULT 0"_L1},
    {"lastdeleted"_L1, "INTEGER NOT NULL DEFAULT 0"_L1},
};

constexpr auto kSelectColumns =
    "tablename, schemahash, lsn, schemajson, lastchange, lastinserted, lastupdated, lastdeleted"_L1;

SqliteMetadata::Row rowFrom(const SqliteStatement &query)
{
    SqliteMetadata::Row row;
    row.table.tableName = query.columnText(0);
    row.table.schemaHash = query.columnText(1);
    row.table.lsn = query.columnInt64(2);
    row.schemaJson = query.columnText(3);
    if (auto schema = schemaFromJson(row.schemaJson))
        row.table.schema = *schema;
    if (!query.isNull(4)) {
        row.table.lastChange =
            QDateTime::fromString(query.columnText(4), Qt::ISODateWithMs).toUTC();
    }
    row.table.lastInserted = query.columnInt64(5);
    row.table.lastUpdated = query.columnInt64(6);
    row.table.lastDeleted = query.columnInt64(7);
    return row;
}
} // namespace

SqliteMetadata::SqliteMetadata(SqliteConnection &connection, const QString &tenant)
    : m_connection(connection), m_tableName(metadataTableName(tenant)),
      m_quoted(quoteIdentifier(m_tableName))
{}

QString SqliteMetadata::now() const
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void SqliteMetadata::ensureTable()
{
    // Not STRICT: people run the documented manual commands with whatever literals they type.
    m_connection.exec(u"CREATE TABLE IF NOT EXISTS %1 (tablename TEXT PRIMARY KEY, "
                      "schemahash TEXT NOT NULL, lsn INTEGER NOT NULL, schemajson TEXT NOT NULL, "
                      "lastchange TEXT, lastinserted INTEGER NOT NULL DEFAULT 0, "
                      "lastupdated INTEGER NOT NULL DEFAULT 0, "
                      "lastdeleted INTEGER NOT NULL DEFAULT 0)"_s.arg(m_quoted),
                      u"creating the metadata table %1"_s.arg(m_tableName));
    QStringList present;
    SqliteStatement info(m_connection, u"SELECT lower(name) FROM pragma_table_info(?1)"_s,
                         u"reading the columns of %1"_s.arg(m_tableName));
    info.bindTextStatic(1, m_tableName);
    while (info.step())
        present.append(info.columnText(0));
    if (!present.contains(u"schemajson"_s)) {
        m_connection.exec(
            u"ALTER TABLE %1 ADD COLUMN schemajson TEXT NOT NULL DEFAULT ''"_s.arg(m_quoted),
            u"adding schemajson to %1"_s.arg(m_tableName));
    }
    for (const auto &[name, definition] : kExtraColumns) {
        if (!present.contains(QString(name))) {
            m_connection.exec(u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(m_quoted, name, definition),
                              u"adding %1 to %2"_s.arg(name, m_tableName));
        }
    }
}

std::optional<SqliteMetadata::Row> SqliteMetadata::read(const QString &tableName)
{
    SqliteStatement query(m_connection,
                          u"SELECT %1 FROM %2 WHERE tablename = ?1"_s.arg(kSelectColumns, m_quoted),
                          u"reading the metadata row of %1"_s.arg(tableName));
    query.bindTextStatic(1, tableName);
    if (!query.step())
        return std::nullopt;
    return rowFrom(query);
}

QList<SqliteMetadata::Row> SqliteMetadata::readAll()
{
    SqliteStatement query(m_connection,
                          u"SELECT %1 FROM %2 ORDER BY tablename"_s.arg(kSelectColumns, m_quoted),
                          u"reading %1"_s.arg(m_tableName));
    QList<Row> rows;
    while (query.step())
        rows.append(rowFrom(query));
    return rows;
}

std::optional<qint64> SqliteMetadata::lsn(const QString &tableName)
{
    SqliteStatement query(m_connection, u"SELECT lsn FROM %1 WHERE tablename = ?1"_s.arg(m_quoted),
                          u"reading the LSN of %1"_s.arg(tableName));
    query.bindTextStatic(1, tableName);
    if (!query.step())
        return std::nullopt;
    return query.columnInt64(0);
}

void SqliteMetadata::write(const TableSchema &schema, const QString &hash, qint64 lsn)
{
    SqliteStatement upsert(
        m_connection,
        u"INSERT INTO %1 (tablename, schemahash, lsn, schemajson, lastchange) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tablename) DO UPDATE SET "
        "schemahash = excluded.schemahash, lsn = excluded.lsn, schemajson = excluded.schemajson, "
        "lastchange = excluded.lastchange"_s.arg(m_quoted),
        u"recording the schema of %1"_s.arg(schema.tableName));
    upsert.bindText(1, schema.tableName);
    upsert.bindText(2, hash);
    upsert.bindInt64(3, lsn);
    upsert.bindText(4, schemaToJson(schema));
    upsert.bindText(5, now());
    upsert.execute();
}

void SqliteMetadata::setLsn(const QString &tableName, qint64 lsn)
{
    SqliteStatement update(
        m_connection,
        u"UPDATE %1 SET lsn = ?1, lastchange = ?2 WHERE tablename = ?3"_s.arg(m_quoted),
        u"recording the LSN of %1"_s.arg(tableName));
    update.bindInt64(1, lsn);
    update.bindText(2, now());
    update.bindText(3, tableName);
    update.execute();
}

void SqliteMetadata::touch(const QString &tableName)
{
    SqliteStatement update(m_connection,
                           u"UPDATE %1 SET lastchange = ?1 WHERE tablename = ?2"_s.arg(m_quoted),
                           u"recording the change time of %1"_s.arg(tableName));
    update.bindText(1, now());
    update.bindText(2, tableName);
    update.execute();
}

void SqliteMetadata::remove(const QString &tableName)
{
    SqliteStatement del(m_connection, u"DELETE FROM %1 WHERE tablename = ?1"_s.arg(m_quoted),
                        u"removing the metadata row of %1"_s.arg(tableName));
    del.bindText(1, tableName);
    del.execute();
}

void SqliteMetadata::setCycleCounts(const QList<TableCounts> &summary)
{
    m_connection.exec(
        u"UPDATE %1 SET lastinserted = 0, lastupdated = 0, lastdeleted = 0"_s.arg(m_quoted),
        u"clearing the last cycle's counts"_s);
    SqliteStatement update(m_connection,
                           u"UPDATE %1 SET lastinserted = ?1, lastupdated = ?2, lastdeleted = ?3 "
                           "WHERE tablename = ?4"_s.arg(m_quoted),
                           u"recording the cycle's counts"_s);
    for (const TableCounts &counts : summary) {
        update.bindInt64(1, counts.inserted);
        update.bindInt64(2, counts.updated);
        update.bindInt64(3, counts.deleted);
        update.bindText(4, counts.tableName);
        update.execute();
    }
}

} // namespace ms
