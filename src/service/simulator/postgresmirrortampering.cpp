#include "postgresmirrortampering.h"

#include "simpostgres.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QCryptographicHash>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
// Longer than the endpoint's own lock wait (5 s), so that a scenario step waits out a write
// that is under way instead of failing next to it.
const QString kLockTimeout = u"SET lock_timeout TO '30s'"_s;

QString qualified(const QString &schema, const QString &table)
{
    return quoteIdentifier(schema) + u'.' + quoteIdentifier(table);
}

void inTransaction(sim::PostgresConnection &db, const QString &begin,
                   const std::function<void()> &work)
{
    db.exec(begin);
    try {
        work();
        db.exec(u"COMMIT"_s);
    } catch (...) {
        try {
            db.exec(u"ROLLBACK"_s);
        } catch (const Error &) {
            // The connection is gone; the server rolled back.
        }
        throw;
    }
}

// Copies every table of `from` into `to` (which has none of them): columns, defaults, keys and
// rows, in the order of the names.
void copyTables(sim::PostgresConnection &db, const QString &from, const QString &to)
{
    for (const QString &table : db.tables(from)) {
        db.exec(u"CREATE TABLE %1 (LIKE %2 INCLUDING ALL)"_s.arg(qualified(to, table),
                                                                 qualified(from, table)));
        db.exec(
            u"INSERT INTO %1 SELECT * FROM %2"_s.arg(qualified(to, table), qualified(from, table)));
    }
}

class PostgresWriteBlock final : public MirrorTampering::WriteBlock
{
public:
    PostgresWriteBlock(const ReadAccess &access, const QStringList &tables)
        : m_blocker(access, u"blocking writes to the mirror"_s)
    {
        m_blocker.exec(kLockTimeout);
        m_blocker.exec(u"BEGIN"_s);
        QStringList names;
        for (const QString &table : tables)
            names.append(qualified(access.schema, table));
        // EXCLUSIVE lets only ACCESS SHARE (plain reads) in beside it.
        m_blocker.exec(u"LOCK TABLE %1 IN EXCLUSIVE MODE"_s.arg(names.join(u", "_s)));
    }
    ~PostgresWriteBlock() override
    {
        try {
            m_blocker.exec(u"ROLLBACK"_s);
        } catch (const Error &) {
            // Closing the connection ends the transaction all the same.
        }
    }

private:
    sim::PostgresConnection m_blocker;
};
} // namespace

PostgresMirrorTampering::PostgresMirrorTampering(ReadAccess access, const QString &tenant)
    : m_access(std::move(access)), m_metadataTable(metadataTableName(tenant).toLower()),
      m_snapshotSchema(u"snap_"_s + tenant)
{
    if (!isValidSqlIdentifier(m_snapshotSchema))
        throw clientError(u"No snapshot schema can be named for tenant %1"_s.arg(tenant));
}

PostgresMirrorTampering::~PostgresMirrorTampering()
{
    if (!m_snapshotPending)
        return;
    try {
        sim::PostgresConnection db(m_access, u"dropping the mirror's snapshot"_s);
        db.exec(u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(quoteIdentifier(m_snapshotSchema)));
    } catch (const Error &) {
        // Logged by the connection; a leftover snapshot schema harms nothing.
    }
}

bool PostgresMirrorTampering::exists()
{
    sim::PostgresConnection db(m_access, u"looking for the mirror"_s);
    return db.tableExists(m_access.schema, m_metadataTable);
}

void PostgresMirrorTampering::takeSnapshot()
{
    sim::PostgresConnection db(m_access, u"taking a snapshot of the mirror"_s);
    db.exec(kLockTimeout);
    // REPEATABLE READ: every table as of one moment, like SQLite's backup.
    inTransaction(db, u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s, [&] {
        db.exec(u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(quoteIdentifier(m_snapshotSchema)));
        db.exec(u"CREATE SCHEMA %1"_s.arg(quoteIdentifier(m_snapshotSchema)));
        copyTables(db, m_access.schema, m_snapshotSchema);
    });
    m_snapshotPending = true;
}

void PostgresMirrorTampering::restoreSnapshot()
{
    sim::PostgresConnection db(m_access, u"restoring the mirror from its snapshot"_s);
    db.exec(kLockTimeout);
    inTransaction(db, u"BEGIN"_s, [&] {
        if (!db.tableExists(m_snapshotSchema, m_metadataTable))
            throw serverError(u"There is no snapshot of the mirror to restore"_s);
        for (const QString &table : db.tables(m_access.schema))
            db.exec(u"DROP TABLE "_s + qualified(m_access.schema, table));
        copyTables(db, m_snapshotSchema, m_access.schema);
        db.exec(u"DROP SCHEMA %1 CASCADE"_s.arg(quoteIdentifier(m_snapshotSchema)));
    });
    m_snapshotPending = false;
}

std::unique_ptr<MirrorTampering::WriteBlock> PostgresMirrorTampering::blockWrites()
{
    QStringList tables;
    {
        sim::PostgresConnection db(m_access, u"listing the mirror's tables"_s);
        tables = db.tables(m_access.schema);
    }
    if (tables.isEmpty())
        throw serverError(u"The mirror schema %1 has no tables to lock"_s.arg(m_access.schema));
    return std::make_unique<PostgresWriteBlock>(m_access, tables);
}

QByteArray PostgresMirrorTampering::contentDigest()
{
    sim::PostgresConnection db(m_access, u"reading the mirror's digest"_s);
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &table : db.tables(m_access.schema)) {
        digest.addData(table.toUtf8() + '\n');
        QSqlQuery columns =
            db.run(u"SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM "
                   u"pg_catalog.pg_attribute a "
                   "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped "
                   "ORDER BY a.attnum"_s,
                   {qualified(m_access.schema, table)});
        while (columns.next())
            digest.addData(
                (columns.value(0).toString() + u' ' + columns.value(1).toString() + u'\n')
                    .toUtf8());
        // Rows in any order: the hash of each row's text, sorted.
        QSqlQuery rows =
            db.run(u"SELECT coalesce(string_agg(md5(t::text), ',' ORDER BY "
                   "md5(t::text)), '') FROM %1 t"_s.arg(qualified(m_access.schema, table)));
        if (rows.next())
            digest.addData(rows.value(0).toString().toUtf8());
    }
    return digest.result();
}

} // namespace ms
