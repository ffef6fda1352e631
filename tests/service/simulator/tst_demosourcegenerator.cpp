#include "service/common/error.h"
#include "service/simulator/demoschema.h"
#include "service/simulator/demosourcegenerator.h"
#include "service/simulator/sourcecolumntype.h"
#include "service/simulator/sourcedatabase.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {
using Kind = SourceColumnType::Kind;

// Every row of every table, as text that keeps storage classes apart.
QStringList dump(SourceDatabase &source)
{
    QStringList lines;
    for (const TableSchema &table : source.tables()) {
        source.forEachRow(table.tableName, [&](const SourceRow &row) {
            QString line =
                table.tableName + u" lsn="_s + (row.lsn ? QString::number(*row.lsn) : u"nil"_s);
            for (const QVariant &v : row.values)
                line += u" | "_s + QString::fromLatin1(v.typeName()) + u':' +
                        (v.metaType().id() == QMetaType::QByteArray
                             ? QString::fromLatin1(v.toByteArray().toHex())
                             : v.toString());
            lines.append(line);
        });
    }
    return lines;
}
} // namespace

class TestDemoSourceGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void schemaUsesEveryType()
    {
        QSet<Kind> kinds;
        QSet<QString> shapes;
        for (const DemoTable &table : demoTables()) {
            QVERIFY(!table.schema.primaryKey.isEmpty());
            for (const ColumnSchema &column : table.schema.columns) {
                const SourceColumnType type = SourceColumnType::parse(column.dataType);
                kinds.insert(type.kind);
                if (type.length == -1)
                    shapes.insert(column.dataType.section(u'(', 0, 0) + u"(max)"_s);
                else if (type.length > 0)
                    shapes.insert(column.dataType.section(u'(', 0, 0) + u"(n)"_s);
            }
        }
        for (int k = int(Kind::Bit); k <= int(Kind::UniqueIdentifier); ++k)
            QVERIFY2(kinds.contains(Kind(k)), qPrintable(u"kind %1 unused"_s.arg(k)));
        for (const QString &shape :
             {u"varchar(max)"_s, u"varchar(n)"_s, u"nvarchar(max)"_s, u"nvarchar(n)"_s,
              u"varbinary(max)"_s, u"varbinary(n)"_s, u"char(n)"_s, u"nchar(n)"_s, u"binary(n)"_s})
            QVERIFY2(shapes.contains(shape), qPrintable(shape));
        QVERIFY(demoTables().size() >= 20);
    }

    void typeParsing()
    {
        const auto t = SourceColumnType::parse(u" DECIMAL( 18 , 4 ) ");
        QCOMPARE(t.kind, Kind::Decimal);
        QCOMPARE(t.precision, 18);
        QCOMPARE(t.scale, 4);
        QCOMPARE(SourceColumnType::parse(u"nvarchar(MAX)").length, -1);
        QCOMPARE(SourceColumnType::parse(u"datetime2").precision, 7);
        QCOMPARE(SourceColumnType::parse(u"money").sqliteDeclaration(), u"TEXT"_s);
        QCOMPARE(SourceColumnType::parse(u"real").sqliteDeclaration(), u"REAL"_s);
        QVERIFY_THROWS_EXCEPTION(ms::Error, SourceColumnType::parse(u"sql_variant"));
    }

    void deterministicForSeed()
    {
        QTemporaryDir dir;
        DemoSourceGenerator(7).generate(dir.filePath(u"a.db"_s), 300);
        DemoSourceGenerator(7).generate(dir.filePath(u"b.db"_s), 300);
        DemoSourceGenerator(8).generate(dir.filePath(u"c.db"_s), 300);
        SourceDatabase a(dir.filePath(u"a.db"_s));
        SourceDatabase b(dir.filePath(u"b.db"_s));
        SourceDatabase c(dir.filePath(u"c.db"_s));
        const QStringList first = dump(a);
        QCOMPARE(dump(b), first);
        QVERIFY(dump(c) != first);
        QCOMPARE(a.currentLsn(), b.currentLsn());
    }

    void sizeAndContent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.db"_s);
        DemoSourceGenerator().generate(path, 400);
        SourceDatabase source(path);
        const QList<TableSchema> tables = source.tables();
        QCOMPARE(tables.size(), demoTables().size());
        qint64 total = 0;
        qint64 withLsn = 0;
        qint64 nulls = 0;
        QString allText;
        bool emptyBlob = false;
        for (const TableSchema &table : tables) {
            QVERIFY(source.rowCount(table.tableName) >= 3);
            QList<SourceColumnType> types;
            for (const ColumnSchema &column : table.columns)
                types.append(SourceColumnType::parse(column.dataType));
            source.forEachRow(table.tableName, [&](const SourceRow &row) {
                ++total;
                withLsn += row.lsn.has_value();
                for (qsizetype c = 0; c < row.values.size(); ++c) {
                    const QVariant &v = row.values.at(c);
                    if (v.isNull()) {
                        QVERIFY(table.columns.at(c).isNullable);
                        ++nulls;
                        continue;
                    }
                    // Exact round trip: the storage class follows the SQL Server type.
                    switch (types.at(c).storage()) {
                    case SourceColumnType::Storage::Integer:
                        QCOMPARE(v.metaType().id(), QMetaType::LongLong);
                        break;
                    case SourceColumnType::Storage::Real:
                        QCOMPARE(v.metaType().id(), QMetaType::Double);
                        break;
                    case SourceColumnType::Storage::Blob:
                        QCOMPARE(v.metaType().id(), QMetaType::QByteArray);
                        emptyBlob = emptyBlob || v.toByteArray().isEmpty();
                        if (types.at(c).kind == Kind::Binary)
                            QCOMPARE(v.toByteArray().size(), types.at(c).length);
                        break;
                    case SourceColumnType::Storage::Text:
                        QCOMPARE(v.metaType().id(), QMetaType::QString);
                        allText += v.toString();
                        if (types.at(c).kind == Kind::Char || types.at(c).kind == Kind::NChar)
                            QCOMPARE(v.toString().size(), types.at(c).length);
                        if (types.at(c).kind == Kind::Decimal)
                            QVERIFY(QRegularExpression(u"^-?[0-9]+(\\.[0-9]+)?$"_s)
                                        .match(v.toString())
                                        .hasMatch());
                        break;
                    }
                }
            });
        }
        QVERIFY2(total >= 400 && total <= 400 + 3 * tables.size(),
                 qPrintable(QString::number(total)));
        QVERIFY(withLsn > 0 && withLsn < total / 3);
        QVERIFY(nulls > 0);
        QVERIFY(emptyBlob);
        for (const QString &needle : {u"ø"_s, u"ß"_s, u"東京"_s, u"😀"_s, u"&"_s, u"<"_s, u">"_s,
                                      u"\""_s, u"'"_s, u"\r"_s, u"\u0001"_s, u"\uFFFE"_s})
            QVERIFY2(allText.contains(needle), qPrintable(needle));
    }
};

QTEST_APPLESS_MAIN(TestDemoSourceGenerator)
#include "tst_demosourcegenerator.moc"
