#include "service/common/identifiers.h"
#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/simsqlite.h"
#include "service/simulator/sourcedatabase.h"
#include "service/simulator/verifier.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {
const QString kTenant = u"Cust99"_s;
}

// The verifier is what the integration tests trust; each kind of difference must be caught.
class TestVerifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_sourcePath;
    QString m_mirrorPath;

    // A faithful mirror: the source's tables copied, and a metadata row per table.
    void makeMirror()
    {
        QFile::remove(m_mirrorPath);
        SourceDatabase source(m_sourcePath);
        sim::SqliteConnection mirror(m_mirrorPath);
        source.connection().backupTo(mirror);
        const QString metadata = quoteIdentifier(metadataTableName(kTenant));
        mirror.exec(
            u"CREATE TABLE %1 (tablename TEXT PRIMARY KEY, schemahash TEXT, lsn INTEGER)"_s.arg(
                metadata));
        for (const TableSchema &table : source.tables()) {
            auto q = mirror.prepare(u"INSERT INTO %1 VALUES (?, 'x', ?)"_s.arg(metadata));
            q.bind(1, table.tableName);
            q.bind(2, source.currentLsn());
            q.run();
        }
    }

    VerifyReport verify()
    {
        SourceDatabase source(m_sourcePath);
        return Verifier(source, m_mirrorPath, kTenant).run();
    }

    void tamper(const QString &sql)
    {
        sim::SqliteConnection mirror(m_mirrorPath);
        mirror.exec(sql);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sourcePath = m_dir.filePath(u"source.db"_s);
        m_mirrorPath = m_dir.filePath(u"mirror.sqlite3"_s);
        DemoSourceGenerator(7).generate(m_sourcePath, 150);
    }

    void init() { makeMirror(); }

    void identicalMirrorMatches()
    {
        const VerifyReport report = verify();
        QVERIFY2(report.matched(), qPrintable(report.differences.join(u'\n')));
        QCOMPARE(report.tablesCompared, 21);
        SourceDatabase source(m_sourcePath);
        qint64 rows = 0;
        for (const TableSchema &t : source.tables())
            rows += source.rowCount(t.tableName);
        QCOMPARE(report.rowsCompared, rows);
    }

    void differences_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text value")
            << u"UPDATE contact SET name = name || ' ' WHERE contact_id = 1"_s
            << u"contact [integer 1] name"_s;
        // What NUMERIC affinity (forbidden by PROTOCOL.md) does to decimals: the text is lost.
        QTest::newRow("storage class")
            << u"ALTER TABLE currency RENAME TO c_old; CREATE TABLE currency (currency_id INTEGER, "
               "name TEXT, rate NUMERIC, units TEXT, rank INTEGER, PRIMARY KEY (currency_id)); "
               "INSERT INTO currency SELECT * FROM c_old; DROP TABLE c_old"_s
            << u"rate: source text"_s;
        QTest::newRow("null vs value")
            << u"UPDATE person SET birthdate = NULL WHERE birthdate IS NOT NULL"_s << u"person ["_s;
        QTest::newRow("missing row")
            << u"DELETE FROM sale WHERE sale_id = 3"_s << u"sale [integer 3]: row missing"_s;
        QTest::newRow("extra row")
            << u"INSERT INTO category (category_id, name, deleted) VALUES (999, 'x', 0)"_s
            << u"category [integer 999]: row in the mirror"_s;
        QTest::newRow("lsn")
            << u"UPDATE Cust99_mirroring SET lsn = lsn - 1 WHERE tablename = 'text'"_s
            << u"text: mirror records LSN"_s;
        QTest::newRow("metadata row") << u"DELETE FROM Cust99_mirroring WHERE tablename = 'quote'"_s
                                      << u"quote: no metadata row"_s;
        QTest::newRow("columns") << u"ALTER TABLE ticket DROP COLUMN body"_s
                                 << u"ticket: columns differ"_s;
        QTest::newRow("table gone at source")
            << u"INSERT INTO Cust99_mirroring VALUES ('oldtable', 'x', 1)"_s
            << u"oldtable: mirrored, but the source has no such table"_s;
        QTest::newRow("blob")
            << u"UPDATE document SET checksum = zeroblob(16) WHERE document_id = 1"_s
            << u"document [integer 1] checksum"_s;
    }

    void differences()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        tamper(sql);
        const VerifyReport report = verify();
        QVERIFY(!report.matched());
        QVERIFY2(report.differences.join(u'\n').contains(expected),
                 qPrintable(report.differences.join(u'\n')));
    }

    void doubleOffByOneUlp()
    {
        sim::SqliteConnection mirror(m_mirrorPath);
        auto q = mirror.prepare(
            u"SELECT udcontactsmall_id, double01 FROM udcontactsmall WHERE double01 IS NOT NULL AND double01 != 0 LIMIT 1"_s);
        QVERIFY(q.step());
        const qint64 id = q.integer(0);
        const double next = std::nextafter(q.real(1), 2 * q.real(1));
        auto u =
            mirror.prepare(u"UPDATE udcontactsmall SET double01 = ? WHERE udcontactsmall_id = ?"_s);
        u.bind(1, next);
        u.bind(2, id);
        u.run();
        const VerifyReport report = verify();
        QCOMPARE(report.differenceCount, 1);
    }

    void missingMirrorFile()
    {
        QFile::remove(m_mirrorPath);
        const VerifyReport report = verify();
        QVERIFY(!report.matched());
        QVERIFY(report.differences.value(0).contains(u"does not exist"_s));
    }
};

QTEST_APPLESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
