// PROTOCOL.md "The mirror database" and "Wipe" on the SQLite backend: one file per tenant, the
// metadata table, WAL so that Qt's read-only QSQLITE reader never blocks the writer, tenants and
// their deletion, and the store's admin operations (wipe, invalidate, repopulate, cycle counts).

#include "storetestsupport.h"

#include "postgresrawconnection.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace storetest;
using ms::RowOperation;
using ms::SchemaChange;
using ms::TableState;

namespace {

const QStringList kContactColumns{u"contact_id"_s, u"name"_s, u"updated"_s};

ms::TableSchema otherSchema()
{
    return table(u"other"_s, {col(u"id"_s, u"int"_s, false), col(u"v"_s, u"nvarchar(10)"_s)},
                 {u"id"_s});
}

/// contact and other, with two rows each, at LSN 100 and 200.
void populate(ms::MirrorStore &store)
{
    store.applySchema({contactSchema(), otherSchema()});
    sendRowData(store, {batch(u"contact"_s, kContactColumns,
                              {row(RowOperation::Insert, vals({u"1"_s, u"a"_s, std::nullopt})),
                               row(RowOperation::Insert, vals({u"2"_s, u"b"_s, std::nullopt}))},
                              100),
                        batch(u"other"_s, {u"id"_s, u"v"_s},
                              {row(RowOperation::Insert, vals({u"1"_s, u"x"_s})),
                               row(RowOperation::Insert, vals({u"2"_s, u"y"_s}))},
                              200)});
}

qint64 count(RawConnection &db, const QString &tableName)
{
    return db.scalar(u"SELECT count(*) FROM \"%1\""_s.arg(tableName)).integer;
}

/// A read-only connection opened from the backend's ReadAccess, as the window's readers open one
/// (QSQLITE_OPEN_READONLY on SQLite; search_path and read-only transactions on PostgreSQL);
/// removed on destruction.
class QtReader
{
    Q_DISABLE_COPY_MOVE(QtReader)
public:
    explicit QtReader(const ms::ReadAccess &access)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(access.driver, m_name);
        db.setDatabaseName(access.databaseName);
        db.setHostName(access.host);
        db.setPort(access.port);
        db.setUserName(access.user);
        db.setPassword(access.password);
        QStringList options;
        if (!access.connectOptions.isEmpty())
            options.append(access.connectOptions);
        if (access.driver == u"QSQLITE"_s)
            options.append(u"QSQLITE_OPEN_READONLY"_s);
        db.setConnectOptions(options.join(u';'));
        m_open = db.open();
        if (!m_open)
            qWarning() << access.driver << "open failed:" << db.lastError().text();
        if (m_open && !access.schema.isEmpty()) {
            m_open = exec(u"SET search_path TO \"%1\""_s.arg(access.schema)) &&
                     exec(u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_s);
        }
    }
    ~QtReader() { QSqlDatabase::removeDatabase(m_name); }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (query.exec(sql))
            return true;
        qWarning() << "reader query failed:" << sql << query.lastError().text();
        return false;
    }
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next()) {
            qWarning() << "reader query failed:" << sql << query.lastError().text();
            return {};
        }
        return query.value(0);
    }

private:
    QString m_name = u"reader"_s;
    bool m_open = false;
};

} // namespace

class TestMirrorBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STORETEST_INIT_BACKEND(); }
    void cleanupTestCase() { finishBackend(); }
    void fileAndMetadataTableOnFirstContact();
    void openCreatesTheDataDirectory();
    void walModeAndStrictTables();
    void invalidTenantIsRefusedAndCreatesNothing_data();
    void invalidTenantIsRefusedAndCreatesNothing();
    void notADatabaseIsAServerError();
    void mirrorSurvivesReopening();
    void tenantsExistsAndDescription();
    void deleteTenantRemovesTheFileAndItsCompanions();
    void handMadeMetadataTableGetsOurColumns();
    void wipeDeletesRowsKeepsSchemaSetsLsnMinusOne();
    void wipeOfATableTheMirrorDoesNotHaveIsRefused_data();
    void wipeOfATableTheMirrorDoesNotHaveIsRefused();
    void invalidateNamedAndAll();
    void repopulateIsTheHardReset();
    void repopulateAll();
    void cycleSummary();
    void qtReaderWhileAWriteTransactionIsOpen();
    void readerHoldingASnapshotDoesNotBlockTheWriter();
    void tenantsInParallelThreads();
    void longestTenants();
};

void TestMirrorBackend::fileAndMetadataTableOnFirstContact()
{
    MirrorFixture f(MirrorFixture::Open::Later);
    QVERIFY(!f.backend().exists(f.tenant()));
    QCOMPARE(f.storageObjects(), QStringList());
    f.openStore();
    QCOMPARE(f.store->tenant(), f.tenant());
    QVERIFY(f.backend().exists(f.tenant()));
    if (f.isPostgres()) {
        // One schema per tenant, named exactly Mirror_<ctx>, case kept.
        QCOMPARE(f.storageObjects(), QStringList{u"Mirror_"_s + f.tenant()});
    } else {
        const QString path = f.mirrorFile(f.tenant());
        QCOMPARE(static_cast<ms::SqliteMirrorBackend &>(f.backend()).mirrorPath(f.tenant()), path);
        QCOMPARE(f.store->location(), path);
        QVERIFY(QFile::exists(path));
    }

    // The documented columns (PROTOCOL.md), with tablename the key.
    const QList<ColumnInfo> columns = f.db().columnInfo(f.storedMetadataTable());
    QVERIFY(columns.size() >= 4);
    QCOMPARE(columns[0].name, u"tablename"_s);
    QCOMPARE(columns[0].type, f.isPostgres() ? u"text"_s : u"TEXT"_s);
    QCOMPARE(columns[0].keyPosition, 1);
    QCOMPARE(columns[1].name, u"schemahash"_s);
    QCOMPARE(columns[2].name, u"lsn"_s);
    QCOMPARE(columns[2].type, f.isPostgres() ? u"bigint"_s : u"INTEGER"_s);
    QCOMPARE(columns[2].keyPosition, 0);
    QVERIFY(f.store->tables().isEmpty());
}

void TestMirrorBackend::openCreatesTheDataDirectory()
{
    STORETEST_SQLITE_ONLY("the data directory of the mirror files");
    QTemporaryDir dir;
    const QString nested = dir.filePath(u"a/b/mirrors"_s);
    ms::SqliteMirrorBackend backend(nested);
    QVERIFY(backend.tenants().isEmpty());
    backend.open(u"T1"_s);
    QVERIFY(QFile::exists(nested + u"/Mirror_T1.sqlite3"_s));
}

void TestMirrorBackend::walModeAndStrictTables()
{
    STORETEST_SQLITE_ONLY("WAL and STRICT tables");
    MirrorFixture f;
    f.store->applySchema({contactSchema()});
    RawConnection &db = f.db();
    QCOMPARE(db.scalar(u"PRAGMA journal_mode"_s), Cell::ofText(u"wal"_s));
    QCOMPARE(db.scalar(u"SELECT strict FROM pragma_table_list WHERE name='contact'"_s),
             Cell::ofInt(1));
    // A strict table refuses what affinity would otherwise have converted.
    QVERIFY(!db.exec(u"INSERT INTO contact (contact_id, name) VALUES ('abc', 'x')"_s));
}

void TestMirrorBackend::invalidTenantIsRefusedAndCreatesNothing_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::newRow("path") << u"../etc"_s;
    QTest::newRow("injection") << u"Cust1; drop table x"_s;
    QTest::newRow("digit first") << u"1abc"_s;
    QTest::newRow("underscore first") << u"_abc"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("65 characters") << QString(65, u'a');
    QTest::newRow("slash") << u"a/b"_s;
}

void TestMirrorBackend::invalidTenantIsRefusedAndCreatesNothing()
{
    QFETCH(QString, tenant);
    MirrorFixture f(MirrorFixture::Open::Later);
    ms::MirrorBackend &backend = f.backend();
    QCOMPARE(errorKindOf([&] { backend.open(tenant); }), std::optional(ms::Error::Kind::Client));
    if (!f.isPostgres()) {
        QCOMPARE(errorKindOf(
                     [&] { static_cast<ms::SqliteMirrorBackend &>(backend).mirrorPath(tenant); }),
                 std::optional(ms::Error::Kind::Client));
    }
    QCOMPARE(errorKindOf([&] { backend.deleteTenant(tenant); }),
             std::optional(ms::Error::Kind::Client));
    QVERIFY(!backend.exists(tenant));
    QCOMPARE(f.storageObjects(), QStringList());
}

void TestMirrorBackend::notADatabaseIsAServerError()
{
    STORETEST_SQLITE_ONLY("a mirror file that is not a database");
    QTemporaryDir dir;
    ms::SqliteMirrorBackend backend(dir.path());
    QFile file(backend.mirrorPath(u"Broken"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QString message;
    QCOMPARE(errorKindOf([&] { backend.open(u"Broken"_s); }, &message),
             std::optional(ms::Error::Kind::Server));
    QVERIFY2(message.contains(u"Mirror_Broken.sqlite3"_s), qPrintable(message));
}

void TestMirrorBackend::mirrorSurvivesReopening()
{
    MirrorFixture f;
    populate(*f.store);
    const auto before = f.store->tables();
    f.store.reset();
    f.openStore();
    QCOMPARE(f.store->tables(), before);
    QCOMPARE(f.store->applySchema({contactSchema(), otherSchema()}),
             (QList<TableState>{{u"contact"_s, 100, SchemaChange::None},
                                {u"other"_s, 200, SchemaChange::None}}));
    RawConnection &db = f.db();
    QCOMPARE(count(db, u"contact"_s), 2);
}

void TestMirrorBackend::tenantsExistsAndDescription()
{
    MirrorFixture f(MirrorFixture::Open::Later);
    ms::MirrorBackend &backend = f.backend();
    backend.open(u"beta"_s);
    backend.open(u"Alpha"_s);
    backend.open(u"gamma_2"_s);
    // What is not the mirror of a valid tenant is not a tenant.
    if (f.isPostgres()) {
        // Tenants are schemas named Mirror_<ctx> that hold the metadata table.
        QVERIFY2(
            f.db().exec(
                u"CREATE SCHEMA \"Mirror_bad-name\"; "
                "CREATE TABLE \"Mirror_bad-name\".\"bad-name_mirroring\" (tablename text); "
                "CREATE SCHEMA \"Mirror_\"; CREATE TABLE \"Mirror_\"._mirroring (tablename text); "
                "CREATE SCHEMA mirror_lower; CREATE TABLE mirror_lower.lower_mirroring "
                "(tablename text); CREATE SCHEMA \"Mirror_nometa\"; "
                "CREATE TABLE \"Mirror_nometa\".contact (id integer)"_s),
            qPrintable(f.db().lastError()));
    } else {
        for (const QString &name :
             {u"Mirror_bad-name.sqlite3"_s, u"Mirror_.sqlite3"_s, u"notes.txt"_s,
              u"Mirror_x.sqlite3.bak"_s, u"mirror_lower.sqlite3"_s, u"Mirror_upper.SQLITE3"_s}) {
            QFile file(QDir(f.dataDir()).filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(QDir(f.dataDir()).mkdir(u"Mirror_dir.sqlite3"_s));
    }
    QCOMPARE(backend.tenants(), (QStringList{u"Alpha"_s, u"beta"_s, u"gamma_2"_s}));
    QVERIFY(backend.exists(u"beta"_s));
    QVERIFY(!backend.exists(u"Beta"_s));
    QVERIFY(!backend.exists(u"lower"_s));
    QVERIFY(!backend.exists(u"nometa"_s));
    if (f.isPostgres()) {
        const QString description = backend.description();
        QVERIFY2(description.contains(
                     PgServer::fromUrl(qEnvironmentVariable("MIRRORSCOPE_TEST_PG")).host),
                 qPrintable(description));
    } else {
        QVERIFY(backend.description().contains(QDir::toNativeSeparators(f.dataDir())));
    }
}

void TestMirrorBackend::deleteTenantRemovesTheFileAndItsCompanions()
{
    MirrorFixture f(MirrorFixture::Open::Later);
    ms::MirrorBackend &backend = f.backend();
    {
        auto store = backend.open(u"gone"_s);
        populate(*store);
        backend.open(u"kept"_s);
    }
    const QString path = f.mirrorFile(u"gone"_s);
    if (!f.isPostgres()) {
        // Companions a crash may leave behind.
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
            QFile file(path + suffix);
            QVERIFY(file.open(QIODevice::Append));
        }
    }
    backend.deleteTenant(u"gone"_s);
    if (f.isPostgres()) {
        QCOMPARE(f.storageObjects(), QStringList{u"Mirror_kept"_s});
    } else {
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
            QVERIFY2(!QFile::exists(path + suffix), qPrintable(suffix));
    }
    QVERIFY(!backend.exists(u"gone"_s));
    QCOMPARE(backend.tenants(), QStringList{u"kept"_s});
    // Deleting what is not there is fine; opening again starts empty.
    backend.deleteTenant(u"gone"_s);
    QVERIFY(backend.open(u"gone"_s)->tables().isEmpty());
}

void TestMirrorBackend::handMadeMetadataTableGetsOurColumns()
{
    // A metadata table with only the documented columns, made before our first contact.
    MirrorFixture f(MirrorFixture::Open::Later);
    const QString create = forTenant(u"CREATE TABLE <ctx>_mirroring (tablename TEXT PRIMARY KEY, "
                                     "schemahash TEXT NOT NULL, lsn %1 NOT NULL)"_s,
                                     f.tenant());
    if (f.isPostgres()) {
        QVERIFY2(f.db().exec(u"CREATE SCHEMA \"Mirror_%1\"; "_s.arg(f.tenant()) +
                             create.arg(u"BIGINT"_s)),
                 qPrintable(f.db().lastError()));
    } else {
        QVERIFY2(f.db().exec(create.arg(u"INTEGER"_s)), qPrintable(f.db().lastError()));
    }
    f.openStore();
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::Created}}));
    sendRowData(*f.store, {batch(u"contact"_s, kContactColumns, {}, 55)});
    QCOMPARE(f.store->applySchema({contactSchema()}),
             (QList<TableState>{{u"contact"_s, 55, SchemaChange::None}}));
    QCOMPARE(f.store->tables().front().schema, contactSchema());
}

void TestMirrorBackend::wipeDeletesRowsKeepsSchemaSetsLsnMinusOne()
{
    MirrorFixture f;
    populate(*f.store);
    RawConnection &db = f.db();
    QVERIFY(
        db.exec(u"update %1 set lastchange = '2001-01-01T00:00:00.000Z'"_s.arg(f.metadataTable())));
    const QList<ColumnInfo> schemaBefore = db.columnInfo(u"contact"_s);
    f.store->wipe(u"contact"_s);
    QCOMPARE(count(db, u"contact"_s), 0);
    QCOMPARE(db.columnInfo(u"contact"_s), schemaBefore);
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), -1);
    // The other table is untouched.
    QCOMPARE(count(db, u"other"_s), 2);
    QCOMPARE(db.lsn(f.metadataTable(), u"other"_s), 200);
    const auto tables = f.store->tables();
    QVERIFY(tables[0].lastChange > QDateTime::currentDateTimeUtc().addSecs(-60));
    QCOMPARE(tables[1].lastChange.date().year(), 2001);
    QCOMPARE(f.store->applySchema({contactSchema(), otherSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::None},
                                {u"other"_s, 200, SchemaChange::None}}));
}

void TestMirrorBackend::wipeOfATableTheMirrorDoesNotHaveIsRefused_data()
{
    QTest::addColumn<QString>("tableName");
    QTest::newRow("unknown") << u"nosuch"_s;
    QTest::newRow("other case") << u"Contact"_s;
    QTest::newRow("partner's own table") << u"partner"_s;
    QTest::newRow("metadata table") << u"<ctx>_mirroring"_s;
    QTest::newRow("metadata table, lower case") << u"<ctx-lower>_mirroring"_s;
    QTest::newRow("injection") << u"contact\"; drop table other; --"_s;
}

void TestMirrorBackend::wipeOfATableTheMirrorDoesNotHaveIsRefused()
{
    QFETCH(QString, tableName);
    MirrorFixture f;
    tableName = forTenant(tableName, f.tenant());
    populate(*f.store);
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner (id INTEGER); INSERT INTO partner VALUES (1)"_s));
    const QString before = db.dump();
    QString message;
    QCOMPARE(errorKindOf([&] { f.store->wipe(tableName); }, &message),
             std::optional(ms::Error::Kind::Client));
    QVERIFY2(message.contains(tableName), qPrintable(message));
    QCOMPARE(db.dump(), before);
}

void TestMirrorBackend::invalidateNamedAndAll()
{
    MirrorFixture f;
    populate(*f.store);
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner (id INTEGER); INSERT INTO partner VALUES (1)"_s));
    f.store->invalidate({u"other"_s});
    QCOMPARE(count(db, u"other"_s), 0);
    QCOMPARE(db.lsn(f.metadataTable(), u"other"_s), -1);
    QCOMPARE(count(db, u"contact"_s), 2);
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), 100);

    const QString before = db.dump();
    QCOMPARE(errorKindOf([&] {
                 f.store->invalidate({u"contact"_s, u"partner"_s});
             }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);

    f.store->invalidate({});
    QCOMPARE(count(db, u"contact"_s), 0);
    QCOMPARE(db.lsn(f.metadataTable(), u"contact"_s), -1);
    QCOMPARE(count(db, u"partner"_s), 1);
    QCOMPARE(f.store->applySchema({contactSchema(), otherSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::None},
                                {u"other"_s, -1, SchemaChange::None}}));
}

void TestMirrorBackend::repopulateIsTheHardReset()
{
    MirrorFixture f;
    populate(*f.store);
    RawConnection &db = f.db();
    f.store->repopulate({u"contact"_s});
    QVERIFY(!db.hasTable(u"contact"_s));
    QCOMPARE(db.scalar(forTenant(
                 u"SELECT count(*) FROM <ctx>_mirroring WHERE tablename='contact'"_s, f.tenant())),
             Cell::ofInt(0));
    QCOMPARE(count(db, u"other"_s), 2);
    QCOMPARE(f.store->applySchema({contactSchema(), otherSchema()}),
             (QList<TableState>{{u"contact"_s, -1, SchemaChange::Created},
                                {u"other"_s, 200, SchemaChange::None}}));

    const QString before = db.dump();
    QCOMPARE(errorKindOf([&] { f.store->repopulate({u"nosuch"_s}); }),
             std::optional(ms::Error::Kind::Client));
    QCOMPARE(db.dump(), before);
}

void TestMirrorBackend::repopulateAll()
{
    MirrorFixture f;
    populate(*f.store);
    RawConnection &db = f.db();
    QVERIFY(db.exec(u"CREATE TABLE partner (id INTEGER)"_s));
    f.store->repopulate({});
    QVERIFY(f.store->tables().isEmpty());
    QVERIFY(!db.hasTable(u"contact"_s));
    QVERIFY(!db.hasTable(u"other"_s));
    QVERIFY(db.hasTable(u"partner"_s));
    QVERIFY(db.hasTable(f.storedMetadataTable()));
    QCOMPARE(f.store->applySchema({otherSchema()}),
             (QList<TableState>{{u"other"_s, -1, SchemaChange::Created}}));
}

void TestMirrorBackend::cycleSummary()
{
    MirrorFixture f;
    populate(*f.store);
    f.store->recordCycleSummary({{u"other"_s, -1, 10, 2, 1}, {u"nosuch"_s, -1, 5, 5, 5}});
    auto tables = f.store->tables();
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables[0].tableName, u"contact"_s);
    QCOMPARE((QList<qint64>{tables[0].lastInserted, tables[0].lastUpdated, tables[0].lastDeleted}),
             (QList<qint64>{0, 0, 0}));
    QCOMPARE((QList<qint64>{tables[1].lastInserted, tables[1].lastUpdated, tables[1].lastDeleted}),
             (QList<qint64>{10, 2, 1}));
    // The next cycle's summary replaces the last one's, 0 for tables it does not name.
    f.store->recordCycleSummary({{u"contact"_s, -1, 1, 0, 0}});
    tables = f.store->tables();
    QCOMPARE(tables[0].lastInserted, 1);
    QCOMPARE(tables[1].lastInserted, 0);
    QCOMPARE(tables[1].lastDeleted, 0);
}

void TestMirrorBackend::qtReaderWhileAWriteTransactionIsOpen()
{
    // SQLite: WAL; PostgreSQL: MVCC. Either way the reader goes through readAccess().
    MirrorFixture f;
    populate(*f.store);
    auto transaction = f.store->beginRowData();
    transaction->beginBatch(u"contact"_s, kContactColumns);
    transaction->row(RowOperation::Insert, {}, vals({u"3"_s, u"c"_s, std::nullopt}));
    transaction->row(RowOperation::Delete, {}, vals({u"1"_s, std::nullopt, std::nullopt}));
    transaction->endBatch(300);
    {
        QtReader reader(f.backend().readAccess(f.tenant()));
        QVERIFY(reader.isOpen());
        // The committed state: the open write transaction does not block the reader (a blocked
        // read would fail after its wait limit, and the values with it).
        QCOMPARE(reader.scalar(u"SELECT count(*) FROM contact"_s).toInt(), 2);
        QCOMPARE(reader.scalar(u"SELECT name FROM contact WHERE contact_id = 1"_s).toString(),
                 u"a"_s);
        QCOMPARE(
            reader
                .scalar(forTenant(u"SELECT lsn FROM <ctx>_mirroring WHERE tablename='contact'"_s,
                                  f.tenant()))
                .toLongLong(),
            100);
        // Read-only: the GUI cannot change a mirror by accident.
        QSqlQuery write(reader.db());
        QVERIFY(!write.exec(u"DELETE FROM contact"_s));
    }
    QCOMPARE(transaction->commit().front().lsn, 300);
    QtReader reader(f.backend().readAccess(f.tenant()));
    QCOMPARE(reader.scalar(u"SELECT count(*) FROM contact"_s).toInt(), 2);
    QCOMPARE(reader.scalar(u"SELECT name FROM contact WHERE contact_id = 3"_s).toString(), u"c"_s);
}

void TestMirrorBackend::readerHoldingASnapshotDoesNotBlockTheWriter()
{
    MirrorFixture f;
    populate(*f.store);
    QtReader reader(f.backend().readAccess(f.tenant()));
    QVERIFY(reader.isOpen());
    // PostgreSQL: a transaction that has read contact holds its snapshot and a lock on it.
    if (f.isPostgres())
        QVERIFY(reader.exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s));
    QSqlQuery query(reader.db());
    query.setForwardOnly(true);
    QVERIFY(query.exec(u"SELECT contact_id FROM contact ORDER BY contact_id"_s));
    QVERIFY(query.next()); // the statement is mid-way: its read transaction is open

    // A writer that waited for the reader would fail after its wait limit (SQLite's busy timeout;
    // on PostgreSQL the test database's lock_timeout) and throw: no clock needed.
    sendRowData(*f.store,
                {batch(u"contact"_s, kContactColumns,
                       {row(RowOperation::Insert, vals({u"9"_s, u"z"_s, std::nullopt}))}, 101)});
    f.store->wipe(u"other"_s);
    f.store->applySchema({contactSchema()});
    // The reader still sees its snapshot.
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QVERIFY(!query.next());
    query.finish();
    if (f.isPostgres()) {
        QCOMPARE(reader.scalar(u"SELECT count(*) FROM contact"_s).toInt(), 2);
        QVERIFY(reader.exec(u"COMMIT"_s));
    }
    QCOMPARE(reader.scalar(u"SELECT count(*) FROM contact"_s).toInt(), 3);
}

void TestMirrorBackend::tenantsInParallelThreads()
{
    // The backend is thread-safe and each tenant's store works from whatever thread uses it.
    MirrorFixture f(MirrorFixture::Open::Later);
    ms::MirrorBackend &backend = f.backend();
    QStringList failures;
    QMutex mutex;
    QList<QThread *> threads;
    for (const QString &tenant : {u"T1"_s, u"T2"_s, u"T3"_s}) {
        threads.append(QThread::create([&backend, &failures, &mutex, tenant] {
            try {
                auto store = backend.open(tenant);
                store->applySchema({otherSchema()});
                for (int call = 0; call < 5; ++call) {
                    QList<ms::RowBatch::Row> rows;
                    for (int i = 0; i < 200; ++i) {
                        rows.append(row(RowOperation::Insert,
                                        vals({QString::number(call * 1000 + i), tenant})));
                    }
                    sendRowData(*store, {batch(u"other"_s, {u"id"_s, u"v"_s}, rows, call)});
                }
            } catch (const ms::Error &error) {
                QMutexLocker lock(&mutex);
                failures.append(error.message());
            }
        }));
        threads.back()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(failures, QStringList());
    QCOMPARE(backend.tenants(), (QStringList{u"T1"_s, u"T2"_s, u"T3"_s}));
    for (const QString &tenant : backend.tenants()) {
        const auto db = f.connect(tenant);
        QCOMPARE(count(*db, u"other"_s), 1000);
        QCOMPARE(db->scalar(u"SELECT count(*) FROM other WHERE v = '%1'"_s.arg(tenant)).integer,
                 1000);
        QCOMPARE(db->lsn(tenant + u"_mirroring"_s, u"other"_s), 4);
    }
}

void TestMirrorBackend::longestTenants()
{
    // Tenants may have 64 characters (PROTOCOL.md). On PostgreSQL the metadata table
    // "<ctx>_mirroring" must fit in 63 bytes, so 53 is the most there: longer ones are refused
    // rather than cut (two tenants would share one schema).
    MirrorFixture f(MirrorFixture::Open::Later);
    ms::MirrorBackend &backend = f.backend();
    const QString tenant53 = u"T"_s + QString(52, u'a');
    const QString tenant64 = u"T"_s + QString(63, u'a');
    const QString twin64 = u"T"_s + QString(62, u'a') + u'z';
    {
        const auto store = backend.open(tenant53);
        store->applySchema({otherSchema()});
        QCOMPARE(store->tables().size(), 1);
    }
    if (f.isPostgres()) {
        const QStringList before = f.storageObjects();
        for (const QString &tenant : {tenant64, twin64}) {
            QString message;
            QCOMPARE(errorKindOf([&] { backend.open(tenant); }, &message),
                     std::optional(ms::Error::Kind::Client));
            QVERIFY2(!message.isEmpty(), qPrintable(tenant));
            QVERIFY(!backend.exists(tenant));
        }
        QCOMPARE(f.storageObjects(), before);
        QCOMPARE(backend.tenants(), QStringList{tenant53});
        return;
    }
    const auto store = backend.open(tenant64);
    store->applySchema({otherSchema()});
    sendRowData(*store, {batch(u"other"_s, {u"id"_s, u"v"_s},
                               {row(RowOperation::Insert, vals({u"1"_s, u"x"_s}))}, 9)});
    // The twin is a mirror of its own.
    QVERIFY(backend.open(twin64)->tables().isEmpty());
    QCOMPARE(backend.tenants(), (QStringList{tenant53, tenant64, twin64}));
}

QTEST_GUILESS_MAIN(TestMirrorBackend)
#include "tst_mirrorbackend.moc"
