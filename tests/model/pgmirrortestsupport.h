#pragma once

// The PostgreSQL variant of modeltestsupport.h's MirrorDir: a tenant's mirror built by hand in
// the server of MIRRORSCOPE_TEST_PG with the layout the PostgreSQL store writes (schema
// "Mirror_<ctx>", metadata table <ctx>_mirroring in lower case, the mapped column types), and a
// MirrorBackend over those schemas for the readers. Each object has a database of its own,
// dropped at the end, so that runs on a shared server never meet. Test thread only, except
// tenants() / exists(), which the readers call from theirs.

#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/store/mirrorbackend.h"
#include "service/store/schemajson.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QVariant>

#include <functional>

namespace modeltest {

using namespace Qt::Literals::StringLiterals;

/// MIRRORSCOPE_TEST_PG, or empty; then a variant skips, or fails under MIRRORSCOPE_REQUIRE_PG=1.
inline QString testPostgresUrl()
{
    return qEnvironmentVariable("MIRRORSCOPE_TEST_PG");
}

#define MS_REQUIRE_POSTGRES()                                                                      \
    do {                                                                                           \
        if (modeltest::testPostgresUrl().isEmpty()) {                                              \
            if (qEnvironmentVariable("MIRRORSCOPE_REQUIRE_PG") == u"1")                            \
                QFAIL("MIRRORSCOPE_REQUIRE_PG=1 but MIRRORSCOPE_TEST_PG is not set");              \
            QSKIP("MIRRORSCOPE_TEST_PG is not set: no PostgreSQL server to test against");         \
        }                                                                                          \
    } while (false)

/// A per-run tenant id: the name given plus a random hex suffix.
inline QString uniqueTenant(const QString &name)
{
    return u"%1_%2"_s.arg(name).arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
}

/// The PostgreSQL store's column type for a SQL Server type of the tests' schemas.
inline QString postgresType(const QString &sqlServerType)
{
    const QString type = sqlServerType.toLower();
    const qsizetype open = type.indexOf(u'(');
    const QString base = open < 0 ? type : type.left(open);
    const QString args = open < 0 ? QString() : type.mid(open);
    if (base == u"bit")
        return u"boolean"_s;
    if (base == u"tinyint" || base == u"smallint")
        return u"smallint"_s;
    if (base == u"int")
        return u"integer"_s;
    if (base == u"bigint")
        return u"bigint"_s;
    if (base == u"decimal" || base == u"numeric")
        return u"numeric"_s + args;
    if (base == u"float" || base == u"real")
        return u"double precision"_s;
    if (base == u"datetime")
        return u"timestamp(3)"_s;
    if (base == u"date")
        return u"date"_s;
    if (base == u"uniqueidentifier")
        return u"uuid"_s;
    if (base.endsWith(u"binary") || base == u"image")
        return u"bytea"_s;
    if (args == u"(max)" || base == u"text" || base == u"ntext")
        return u"text"_s;
    if (base.endsWith(u"char"))
        return u"varchar"_s + args;
    return u"text"_s;
}

/// Mirrors in a database of their own on the test server (made and dropped with the object, as
/// MirrorDir's temporary directory), laid out as the PostgreSQL store lays them out.
class PgMirrorBackend final : public ms::MirrorBackend
{
public:
    /// An empty url connects nowhere (the variant skips before using it).
    explicit PgMirrorBackend(const QString &url)
        : m_url(url), m_name(u"ms-test-pg-%1"_s.arg(quintptr(this), 0, 16)),
          m_database(
              u"ms_test_%1"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0')))
    {
        if (url.isEmpty())
            return;
        {
            QSqlDatabase admin = connectTo(m_url.path().mid(1), m_name + u"-admin"_s);
            QSqlQuery create(admin);
            if (!create.exec(u"CREATE DATABASE %1"_s.arg(m_database)))
                qFatal("cannot create a test database: %s", qPrintable(create.lastError().text()));
        }
        QSqlDatabase::removeDatabase(m_name + u"-admin"_s);
        connectTo(m_database, m_name);
    }
    ~PgMirrorBackend() override
    {
        if (m_url.isEmpty())
            return;
        QSqlDatabase::removeDatabase(m_name);
        {
            QSqlDatabase admin = connectTo(m_url.path().mid(1), m_name + u"-admin"_s);
            QSqlQuery drop(admin);
            // FORCE: a reader's connection may still be closing on its thread.
            if (!drop.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_database)))
                qWarning("cannot drop %s: %s", qPrintable(m_database),
                         qPrintable(drop.lastError().text()));
        }
        QSqlDatabase::removeDatabase(m_name + u"-admin"_s);
    }

    static QString schemaOf(const QString &tenant)
    {
        return ms::quoteIdentifier(ms::mirrorDatabaseName(tenant));
    }
    static QString metadataOf(const QString &tenant)
    {
        return schemaOf(tenant) + u'.' +
               ms::quoteIdentifier(ms::metadataTableName(tenant).toLower());
    }

    /// Runs sql (no result rows wanted) or fails the test.
    void exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        // QPSQL prepares with the SQL PREPARE statement, which takes no DDL.
        if (binds.isEmpty()) {
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + u": "_s + sql));
            return;
        }
        QVERIFY2(query.prepare(sql), qPrintable(query.lastError().text() + u": "_s + sql));
        for (const QVariant &value : binds)
            query.addBindValue(value);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text() + u": "_s + sql));
    }

    /// Creates the schema and its metadata table on first use, then the tables with their
    /// metadata rows (LSN 5).
    void createTables(const QString &tenant, const QList<ms::TableSchema> &tables)
    {
        exec(u"CREATE SCHEMA IF NOT EXISTS %1"_s.arg(schemaOf(tenant)));
        exec(u"CREATE TABLE IF NOT EXISTS %1 (tablename text PRIMARY KEY, schemahash text NOT "
             u"NULL, lsn bigint NOT NULL, schemajson text NOT NULL, lastchange timestamptz, "
             u"lastinserted bigint NOT NULL DEFAULT 0, lastupdated bigint NOT NULL DEFAULT 0, "
             u"lastdeleted bigint NOT NULL DEFAULT 0)"_s.arg(metadataOf(tenant)));
        for (const ms::TableSchema &table : tables) {
            QStringList columns;
            for (const ms::ColumnSchema &column : table.columns)
                columns.append(u"%1 %2%3"_s.arg(ms::quoteIdentifier(column.name),
                                                postgresType(column.dataType),
                                                column.isNullable ? QString() : u" NOT NULL"_s));
            QStringList key;
            for (const QString &name : table.primaryKey)
                key.append(ms::quoteIdentifier(name));
            exec(u"CREATE TABLE %1.%2 (%3, PRIMARY KEY (%4))"_s.arg(
                schemaOf(tenant), ms::quoteIdentifier(table.tableName), columns.join(u", "_s),
                key.join(u", "_s)));
            exec(u"INSERT INTO %1 (tablename, schemahash, lsn, schemajson, lastchange) VALUES "
                 u"(?, 'hash', 5, ?, now())"_s.arg(metadataOf(tenant)),
                 {table.tableName, ms::schemaToJson(table)});
        }
    }

    /// Inserts rows (one value per column, invalid QVariant = NULL) in one transaction.
    void insertRows(const QString &tenant, const QString &table, const QStringList &columns,
                    qint64 count, const std::function<QVariantList(qint64)> &rowAt)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name);
        QStringList names, marks;
        for (const QString &column : columns) {
            names.append(ms::quoteIdentifier(column));
            marks.append(u"?"_s);
        }
        QVERIFY(db.transaction());
        QSqlQuery query(db);
        QVERIFY(query.prepare(u"INSERT INTO %1.%2 (%3) VALUES (%4)"_s.arg(
            schemaOf(tenant), ms::quoteIdentifier(table), names.join(u", "_s),
            marks.join(u", "_s))));
        for (qint64 n = 0; n < count; ++n) {
            const QVariantList values = rowAt(n);
            for (int i = 0; i < values.size(); ++i)
                query.bindValue(i, values.at(i));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QVERIFY(db.commit());
    }

    /// Inserts count rows in one statement: expressions over n = 1..count (generate_series).
    void insertSeries(const QString &tenant, const QString &table, const QStringList &columns,
                      qint64 count, const QStringList &expressions)
    {
        QStringList names;
        for (const QString &column : columns)
            names.append(ms::quoteIdentifier(column));
        exec(u"INSERT INTO %1.%2 (%3) SELECT %4 FROM generate_series(1, %5) AS n"_s.arg(
            schemaOf(tenant), ms::quoteIdentifier(table), names.join(u", "_s),
            expressions.join(u", "_s), QString::number(count)));
    }

    // MirrorBackend: what the readers use. They never write, so open() is refused.
    std::unique_ptr<ms::MirrorStore> open(const QString &tenant) override
    {
        throw ms::serverError(u"the test backend does not write (tenant %1)"_s.arg(tenant));
    }
    bool exists(const QString &tenant) const override { return tenants().contains(tenant); }
    /// Any thread (the readers ask from theirs): a short connection of the calling thread.
    QStringList tenants() const override
    {
        const QString name =
            u"%1-%2"_s.arg(m_name).arg(quintptr(QThread::currentThreadId()), 0, 16);
        QStringList out;
        {
            QSqlQuery query(connectTo(m_database, name));
            query.exec(u"SELECT nspname FROM pg_namespace WHERE nspname LIKE 'Mirror\\_%' "
                       u"ORDER BY 1"_s);
            while (query.next())
                out.append(query.value(0).toString().mid(7));
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }
    void deleteTenant(const QString &tenant) override
    {
        exec(u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(schemaOf(tenant)));
    }
    QString description() const override { return u"test PostgreSQL mirrors"_s; }
    ms::ReadAccess readAccess(const QString &tenant) const override
    {
        ms::ReadAccess access;
        access.driver = u"QPSQL"_s;
        access.databaseName = m_database;
        access.host = m_url.host();
        access.port = m_url.port(5432);
        access.user = m_url.userName();
        access.password = m_url.password();
        access.schema = ms::mirrorDatabaseName(tenant);
        return access;
    }

private:
    QSqlDatabase connectTo(const QString &database, const QString &name) const
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(m_url.host());
        db.setPort(m_url.port(5432));
        db.setUserName(m_url.userName());
        db.setPassword(m_url.password());
        db.setDatabaseName(database);
        if (!db.open())
            qFatal("cannot connect to MIRRORSCOPE_TEST_PG: %s", qPrintable(db.lastError().text()));
        QSqlQuery(db).exec(u"SET client_min_messages TO warning"_s); // no NOTICE on CASCADE
        return db;
    }

    QUrl m_url;
    QString m_name;
    QString m_database;
};

/// MirrorDir's PostgreSQL twin: the same calls, tenants in the test server.
class PgMirrorDir final
{
public:
    PgMirrorDir() : backend(testPostgresUrl()) {}
    void createTables(const QString &tenant, const QList<ms::TableSchema> &tables)
    {
        backend.createTables(tenant, tables);
    }
    void insertRows(const QString &tenant, const QString &table, const QStringList &columns,
                    qint64 count, const std::function<QVariantList(qint64)> &rowAt)
    {
        backend.insertRows(tenant, table, columns, count, rowAt);
    }
    PgMirrorBackend backend;
};

} // namespace modeltest
