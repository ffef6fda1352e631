#include "model/csvexporter.h"
#include "modeltestsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;
using modeltest::MirrorDir;

namespace {

const QString Tenant = u"Cust1"_s;

PageQuery personQuery()
{
    PageQuery query;
    query.tenant = Tenant;
    query.table = u"person"_s;
    query.columns = modeltest::columnNames(modeltest::personSchema());
    query.keyColumns = {u"id"_s};
    return query;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstCsvExporter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldsAreQuotedPerRfc4180_data();
    void fieldsAreQuotedPerRfc4180();
    void exportsQuotesCommasNewlinesNullAndUnicode();
    void exportsAFilteredSortedViewAcrossPages();
    void cancelLeavesNoFile();
    void failureLeavesNoFile();

private:
    static QVariantList finish(CsvExporter &exporter, QSignalSpy &finished);
};

QVariantList TstCsvExporter::finish(CsvExporter &exporter, QSignalSpy &finished)
{
    if (!QTest::qWaitFor([&] { return finished.size() == 1; }, 60000))
        return {};
    Q_UNUSED(exporter);
    return finished.first();
}

void TstCsvExporter::fieldsAreQuotedPerRfc4180_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("NULL") << QVariant() << QByteArray();
    QTest::newRow("empty text") << QVariant(QString()) << QByteArray();
    QTest::newRow("plain") << QVariant(u"abc"_s) << QByteArray("abc");
    QTest::newRow("comma") << QVariant(u"a,b"_s) << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QVariant(u"say \"hi\""_s) << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QVariant(u"a\r\nb"_s) << QByteArray("\"a\r\nb\"");
    QTest::newRow("unicode") << QVariant(u"Zoë 日本"_s) << u"Zoë 日本"_s.toUtf8();
    QTest::newRow("integer") << QVariant(qlonglong(-42)) << QByteArray("-42");
    QTest::newRow("real") << QVariant(2.5) << QByteArray("2.5");
    QTest::newRow("binary") << QVariant(QByteArray("\x00\xff\x10", 3)) << QByteArray("AP8Q");
}

void TstCsvExporter::fieldsAreQuotedPerRfc4180()
{
    QFETCH(QVariant, value);
    QFETCH(QByteArray, field);
    QCOMPARE(CsvExporter::csvField(value), field);
}

void TstCsvExporter::exportsQuotesCommasNewlinesNullAndUnicode()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    const QList<QVariantList> rows{
        {qlonglong(1), u"Smith, John"_s, 1.5, QByteArray("\x01\x02", 2), u"Oslo"_s},
        {qlonglong(2), u"say \"hi\""_s, QVariant(), QVariant(), QString()},
        {qlonglong(3), u"two\nlines"_s, -3.0, QByteArray(), u"Zoë 日本"_s},
    };
    mirror.insertRows(Tenant, u"person"_s, personQuery().columns, rows.size(),
                      [&](qint64 n) { return rows.at(n); });
    const QString target = mirror.dir.filePath(u"out.csv"_s);
    CsvExporter exporter(mirror.backend);
    QSignalSpy finished(&exporter, &CsvExporter::finished);
    QSignalSpy progress(&exporter, &CsvExporter::progress);
    QVERIFY(exporter.start(personQuery(), target, 3));
    QVERIFY(exporter.isRunning());
    const QVariantList result = finish(exporter, finished);
    QCOMPARE(result.size(), 3);
    QCOMPARE(result.at(0).toBool(), true);
    QCOMPARE(result.at(1).toString(), target);
    QVERIFY(!exporter.isRunning());
    const QByteArray expected = "id,name,score,photo,city\r\n"
                                "1,\"Smith, John\",1.5,AQI=,Oslo\r\n"
                                "2,\"say \"\"hi\"\"\",,,\r\n"
                                "3,\"two\nlines\",-3,," +
                                u"Zoë 日本"_s.toUtf8() + "\r\n";
    QCOMPARE(readAll(target), expected);
    QVERIFY(!QFile::exists(target + u".part"_s));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), 3);
    QCOMPARE(progress.last().at(1).toLongLong(), 3);
}

void TstCsvExporter::exportsAFilteredSortedViewAcrossPages()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    const qint64 count = 3 * CsvExporter::PageRows + 123;
    mirror.insertRows(
        Tenant, u"person"_s, {u"id"_s, u"name"_s, u"city"_s}, count, [](qint64 n) -> QVariantList {
            return {qlonglong(n + 1), u"n%1"_s.arg(n % 10), n % 2 ? u"odd"_s : u"even"_s};
        });
    PageQuery query = personQuery();
    query.columns = {u"id"_s, u"name"_s};
    query.sortColumn = 1;
    query.order = Qt::DescendingOrder;
    query.filters = {ColumnFilter{1, u"=n7"_s}};
    const QString target = mirror.dir.filePath(u"view.csv"_s);
    CsvExporter exporter(mirror.backend);
    QSignalSpy finished(&exporter, &CsvExporter::finished);
    QVERIFY(exporter.start(query, target));
    QVERIFY(!exporter.start(query, target)); // one at a time
    QCOMPARE(finish(exporter, finished).value(0).toBool(), true);
    QByteArray expected = "id,name\r\n";
    for (qint64 n = count - 1; n >= 0; --n) {
        if (n % 10 == 7)
            expected += QByteArray::number(n + 1) + ",n7\r\n";
    }
    QCOMPARE(readAll(target), expected);
    // A second export may start once the first has finished.
    query.filters.clear();
    query.sortColumn = -1;
    query.order = Qt::AscendingOrder;
    QVERIFY(exporter.start(query, target));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QVERIFY(finished.at(1).at(0).toBool());
    QCOMPARE(readAll(target).count("\r\n"), count + 1);
}

void TstCsvExporter::cancelLeavesNoFile()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    mirror.insertRows(Tenant, u"person"_s, {u"id"_s, u"name"_s}, 300000,
                      [](qint64 n) -> QVariantList {
                          return {qlonglong(n + 1), u"some longer name %1"_s.arg(n)};
                      });
    const QString target = mirror.dir.filePath(u"big.csv"_s);
    CsvExporter exporter(mirror.backend);
    QSignalSpy finished(&exporter, &CsvExporter::finished);
    QVERIFY(exporter.start(personQuery(), target));
    exporter.cancel();
    const QVariantList result = finish(exporter, finished);
    QCOMPARE(result.value(0).toBool(), false);
    QCOMPARE(result.value(2).toString(), u"canceled"_s);
    QVERIFY(!QFile::exists(target));
    QVERIFY(!QFile::exists(target + u".part"_s));

    // An existing file is replaced only by a complete export.
    QFile old(target);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    QVERIFY(exporter.start(personQuery(), target));
    QTest::qWait(20);
    exporter.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QCOMPARE(readAll(target), QByteArray("old"));
    QVERIFY(!QFile::exists(target + u".part"_s));
}

void TstCsvExporter::failureLeavesNoFile()
{
    MirrorDir mirror;
    mirror.createTables(Tenant, {modeltest::personSchema()});
    PageQuery query = personQuery();
    query.table = u"no_such_table"_s;
    const QString target = mirror.dir.filePath(u"fail.csv"_s);
    CsvExporter exporter(mirror.backend);
    QSignalSpy finished(&exporter, &CsvExporter::finished);
    QVERIFY(exporter.start(query, target));
    const QVariantList result = finish(exporter, finished);
    QCOMPARE(result.value(0).toBool(), false);
    QVERIFY(result.value(2).toString().contains(u"no_such_table"_s));
    QVERIFY(!QFile::exists(target));
    QVERIFY(!QFile::exists(target + u".part"_s));
    // An unwritable target is reported, not thrown.
    QVERIFY(exporter.start(personQuery(), mirror.dir.filePath(u"missing/dir/x.csv"_s)));
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.at(1).at(0).toBool(), false);
    QVERIFY(!finished.at(1).at(2).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TstCsvExporter)
#include "tst_csvexporter.moc"
