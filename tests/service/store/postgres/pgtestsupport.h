#pragma once

// For the PostgreSQL store tests: the server comes from MIRRORSCOPE_TEST_PG (scripts/test.sh
// starts one and exports it). Without it a test skips and says why, unless
// MIRRORSCOPE_REQUIRE_PG=1 (CI), where it fails: CI must never skip silently.

#include "service/store/databasetarget.h"
#include "service/store/postgres/postgresmirrorbackend.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace pgtest {

inline QString url()
{
    return qEnvironmentVariable("MIRRORSCOPE_TEST_PG");
}

inline bool required()
{
    return qEnvironmentVariable("MIRRORSCOPE_REQUIRE_PG") == QLatin1String("1");
}

/// A tenant id nobody else uses on the shared server: "T" + random hex.
inline QString randomTenant()
{
    return QStringLiteral("T%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                     QLatin1Char('0'));
}

inline ms::DatabaseTarget target()
{
    return ms::DatabaseTarget::parse(url(), {});
}

/// An own connection to the test server for checking what the store wrote, as a person with
/// psql would. Named per call site; removed by the Connection's destructor.
class Connection
{
public:
    explicit Connection(const QString &name = QStringLiteral("pgtest-check")) : m_name(name)
    {
        const ms::DatabaseTarget t = target();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(t.host);
        db.setPort(t.port);
        db.setUserName(t.user);
        db.setPassword(t.password);
        db.setDatabaseName(t.database);
        m_ok = db.open();
        if (m_ok)
            QSqlQuery(db).exec(QStringLiteral("SET client_min_messages TO warning"));
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    bool ok() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    /// Runs sql; fails the test (returns an inactive query) when it fails.
    QSqlQuery exec(const QString &sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query;
    }
    /// The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query = exec(sql);
        return query.next() ? query.value(0) : QVariant();
    }

private:
    QString m_name;
    bool m_ok = false;
};

} // namespace pgtest

/// At the start of each test function (or initTestCase) that needs the server.
#define MS_REQUIRE_TEST_PG()                                                                       \
    do {                                                                                           \
        if (pgtest::url().isEmpty()) {                                                             \
            if (pgtest::required())                                                                \
                QFAIL("MIRRORSCOPE_REQUIRE_PG=1 but MIRRORSCOPE_TEST_PG is not set");              \
            QSKIP("MIRRORSCOPE_TEST_PG is not set (postgresql://USER@HOST:PORT/DB of a test "      \
                  "server; scripts/test.sh starts one)");                                          \
        }                                                                                          \
    } while (false)
