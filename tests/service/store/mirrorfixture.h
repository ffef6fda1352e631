#pragma once

// The backend under test for the store suite. One test binary runs against SQLite (files in a
// temporary directory) or PostgreSQL (a database of its own on the server that
// MIRRORSCOPE_TEST_PG names, with one schema per tenant), chosen by MIRRORSCOPE_STORE_BACKEND
// ("postgres"; anything else or unset is SQLite), which tests/service/store/CMakeLists.txt sets.
//
// Every test class calls STORETEST_INIT_BACKEND() in initTestCase() and
// storetest::finishBackend() in cleanupTestCase().

#include "rawconnection.h"

#include "service/store/mirrorbackend.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace storetest {

enum class Backend { Sqlite, Postgres };
Backend backendUnderTest();

/// What keeps the backend from being tested: empty when it can be, else why. skip: the run may go
/// on without it (MIRRORSCOPE_TEST_PG unset and MIRRORSCOPE_REQUIRE_PG not 1); else it fails.
struct BackendProblem
{
    QString message;
    bool skip = false;
};
/// Once per test binary: on PostgreSQL, creates the binary's own database.
BackendProblem prepareBackend();
/// Drops what prepareBackend() created.
void finishBackend();
/// On PostgreSQL, after prepareBackend(): the binary's own database as a --database URL (for a
/// `mirrorscope serve` of the test's own). Empty on SQLite.
QString testDatabaseUrl();

#define STORETEST_INIT_BACKEND()                                                                   \
    do {                                                                                           \
        const storetest::BackendProblem problem = storetest::prepareBackend();                     \
        if (problem.skip)                                                                          \
            QSKIP(qPrintable(problem.message));                                                    \
        if (!problem.message.isEmpty())                                                            \
            QFAIL(qPrintable(problem.message));                                                    \
    } while (false)

/// For tests of what only the SQLite backend has (files, WAL, PRAGMAs, sqlite_ names).
#define STORETEST_SQLITE_ONLY(why)                                                                 \
    do {                                                                                           \
        if (storetest::backendUnderTest() == storetest::Backend::Postgres)                         \
            QSKIP("SQLite only: " why);                                                            \
    } while (false)

/// A fresh backend with a fresh random tenant ("Cust" + 8 hex digits, so that the metadata table's
/// name has upper case in it), its store open unless asked otherwise, and one raw connection to
/// its mirror. On destruction the store and backend close and, on PostgreSQL, every schema the
/// test made in the binary's database is dropped.
class MirrorFixture
{
    Q_DISABLE_COPY_MOVE(MirrorFixture)
public:
    enum class Open { Now, Later };
    explicit MirrorFixture(Open open = Open::Now);
    ~MirrorFixture();

    bool isPostgres() const { return m_kind == Backend::Postgres; }
    ms::MirrorBackend &backend() { return *m_backend; }
    const QString &tenant() const { return m_tenant; }
    /// The documented, unquoted name of the metadata table: "<tenant>_mirroring".
    QString metadataTable() const { return m_tenant + QStringLiteral("_mirroring"); }
    /// Its name in the database: case kept (SQLite), folded to lower case (PostgreSQL).
    QString storedMetadataTable() const;
    /// Opens the tenant's store into `store` (after Open::Later, or again after a reset).
    void openStore();

    /// The raw connection to the tenant's mirror, opened on first use (SQLite: the file,
    /// created when missing; PostgreSQL: search_path set to "Mirror_<tenant>").
    RawConnection &db();
    /// Another raw connection, to any tenant's mirror of this backend.
    std::unique_ptr<RawConnection> connect(const QString &tenant) const;
    /// SQLite: the data directory, and the tenant's mirror file in it.
    QString dataDir() const { return m_dir.path(); }
    QString mirrorFile(const QString &tenant) const;
    /// What exists where the backend keeps its mirrors (SQLite: the data directory's entries;
    /// PostgreSQL: the schemas of the binary's database), to show that nothing was created.
    QStringList storageObjects() const;

    std::unique_ptr<ms::MirrorStore> store;

private:
    Backend m_kind;
    QTemporaryDir m_dir;
    std::unique_ptr<ms::MirrorBackend> m_backend;
    QString m_tenant;
    std::unique_ptr<RawConnection> m_db;
};

} // namespace storetest
