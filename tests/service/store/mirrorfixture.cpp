#include "mirrorfixture.h"

#include "postgresrawconnection.h"
#include "sqliterawconnection.h"

#include "service/store/backendfactory.h"
#include "service/store/databasetarget.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QDir>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace storetest {

namespace {

/// The PostgreSQL server and this binary's own database on it, once prepareBackend() made it,
/// with one connection to that database kept for the cleanup after each test (a connection costs
/// more than the DROP SCHEMA).
struct PgSession
{
    PgServer server;
    QString testDatabase;
    std::unique_ptr<PostgresRawConnection> admin;
};

PgSession &pgSession()
{
    static PgSession session;
    return session;
}

QString randomHex()
{
    return QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

PgServer testServer()
{
    PgServer server = pgSession().server;
    server.database = pgSession().testDatabase;
    return server;
}

/// The schemas that tests made in the binary's database.
QStringList testSchemas(RawConnection &db)
{
    QStringList names;
    for (const auto &r : db.query(u"SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE "
                                  "'pg\\_%' AND nspname NOT IN ('information_schema', 'public') "
                                  "ORDER BY nspname COLLATE \"C\""_s))
        names.append(r.front().text);
    return names;
}

QString quoteName(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

Backend backendUnderTest()
{
    return qEnvironmentVariable("MIRRORSCOPE_STORE_BACKEND") == u"postgres"_s ? Backend::Postgres
                                                                              : Backend::Sqlite;
}

BackendProblem prepareBackend()
{
    if (backendUnderTest() == Backend::Sqlite)
        return {};
    const QString url = qEnvironmentVariable("MIRRORSCOPE_TEST_PG");
    if (url.isEmpty()) {
        const bool required = qEnvironmentVariable("MIRRORSCOPE_REQUIRE_PG") == u"1"_s;
        return {u"MIRRORSCOPE_TEST_PG is not set: the PostgreSQL run of the store suite needs a "
                "server (scripts/test.sh starts one)%1"_s.arg(
                    required ? u", and MIRRORSCOPE_REQUIRE_PG=1 says it must not be skipped"_s
                             : QString()),
                !required};
    }
    PgSession &session = pgSession();
    session.server = PgServer::fromUrl(url);
    const QString name = u"mirrorscope_storetest_"_s + randomHex();
    PostgresRawConnection admin(session.server, QString());
    if (!admin.isOpen())
        return {u"cannot connect to MIRRORSCOPE_TEST_PG: "_s + admin.lastError()};
    if (!admin.exec(u"CREATE DATABASE "_s + quoteName(name)))
        return {u"cannot create the test database %1: %2"_s.arg(name, admin.lastError())};
    session.testDatabase = name; // from here on finishBackend() drops it
    // A store statement that waits for a lock fails after this instead of hanging the test (the
    // setting applies to every session that connects to the test database, the store's too).
    if (!admin.exec(u"ALTER DATABASE %1 SET lock_timeout = '30s'"_s.arg(quoteName(name))))
        return {u"cannot configure the test database %1: %2"_s.arg(name, admin.lastError())};
    session.admin = std::make_unique<PostgresRawConnection>(testServer(), QString());
    if (!session.admin->isOpen())
        return {
            u"cannot connect to the test database %1: %2"_s.arg(name, session.admin->lastError())};
    return {};
}

void finishBackend()
{
    PgSession &session = pgSession();
    session.admin.reset();
    if (session.testDatabase.isEmpty())
        return;
    PostgresRawConnection admin(session.server, QString());
    if (!admin.exec(
            u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(quoteName(session.testDatabase))))
        qWarning("cannot drop the test database: %s", qPrintable(admin.lastError()));
    session.testDatabase.clear();
}

QString testDatabaseUrl()
{
    if (backendUnderTest() != Backend::Postgres || pgSession().testDatabase.isEmpty())
        return {};
    return testServer().url(pgSession().testDatabase);
}

MirrorFixture::MirrorFixture(Open open)
    : m_kind(backendUnderTest()), m_tenant(u"Cust"_s + randomHex())
{
    if (isPostgres()) {
        m_backend = ms::createMirrorBackend(
            ms::DatabaseTarget::parse(testServer().url(pgSession().testDatabase), QString()));
    } else {
        m_backend = std::make_unique<ms::SqliteMirrorBackend>(m_dir.path());
    }
    if (open == Open::Now)
        openStore();
}

MirrorFixture::~MirrorFixture()
{
    store.reset();
    m_backend.reset();
    m_db.reset();
    if (isPostgres() && pgSession().admin) {
        RawConnection &admin = *pgSession().admin;
        for (const QString &schema : testSchemas(admin)) {
            if (!admin.exec(u"DROP SCHEMA %1 CASCADE"_s.arg(quoteName(schema))))
                qWarning("cannot drop schema %s: %s", qPrintable(schema),
                         qPrintable(admin.lastError()));
        }
    }
}

QString MirrorFixture::storedMetadataTable() const
{
    return isPostgres() ? metadataTable().toLower() : metadataTable();
}

void MirrorFixture::openStore()
{
    store = m_backend->open(m_tenant);
}

RawConnection &MirrorFixture::db()
{
    if (!m_db)
        m_db = connect(m_tenant);
    return *m_db;
}

std::unique_ptr<RawConnection> MirrorFixture::connect(const QString &tenant) const
{
    if (isPostgres())
        return std::make_unique<PostgresRawConnection>(testServer(), u"Mirror_"_s + tenant);
    return std::make_unique<SqliteRawConnection>(mirrorFile(tenant));
}

QString MirrorFixture::mirrorFile(const QString &tenant) const
{
    return QDir(m_dir.path()).filePath(u"Mirror_%1.sqlite3"_s.arg(tenant));
}

QStringList MirrorFixture::storageObjects() const
{
    if (!isPostgres())
        return QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    return testSchemas(*pgSession().admin);
}

} // namespace storetest
