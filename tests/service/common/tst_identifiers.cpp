#include "service/common/identifiers.h"
#include "service/common/protocoltypes.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestIdentifiers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tenantIds_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"Cust12020"_s << true;
        QTest::newRow("one letter") << u"C"_s << true;
        QTest::newRow("64 chars") << (u"C"_s + QString(63, u'x')) << true;
        QTest::newRow("65 chars") << (u"C"_s + QString(64, u'x')) << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("digit first") << u"1Cust"_s << false;
        QTest::newRow("underscore first") << u"_Cust"_s << false;
        QTest::newRow("traversal") << u"../../etc"_s << false;
        QTest::newRow("injection") << u"Cust1; drop table x"_s << false;
        QTest::newRow("non-ascii letter") << u"Cüst"_s << false;
    }
    void tenantIds()
    {
        QFETCH(QString, tenant);
        QFETCH(bool, valid);
        QCOMPARE(ms::isValidTenantId(tenant), valid);
    }

    void sqlIdentifiers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"contact_id"_s << true;
        QTest::newRow("underscore first") << u"_x"_s << true;
        QTest::newRow("128 chars") << (u"a"_s + QString(127, u'b')) << true;
        QTest::newRow("129 chars") << (u"a"_s + QString(128, u'b')) << false;
        QTest::newRow("quote") << u"a\"b"_s << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("digit first") << u"1a"_s << false;
    }
    void sqlIdentifiers()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(ms::isValidSqlIdentifier(name), valid);
    }

    void quoting()
    {
        QCOMPARE(ms::quoteIdentifier(u"contact"_s), u"\"contact\""_s);
        QCOMPARE(ms::quoteIdentifier(u"a\"b"_s), u"\"a\"\"b\""_s);
        QCOMPARE(ms::mirrorDatabaseName(u"Cust1"_s), u"Mirror_Cust1"_s);
        QCOMPARE(ms::metadataTableName(u"Cust1"_s), u"Cust1_mirroring"_s);
    }

    void enumNames()
    {
        QCOMPARE(ms::operationFromName(u"RowData"), ms::SoapOperation::RowData);
        QCOMPARE(ms::operationFromName(u"rowdata"), std::nullopt);
        QCOMPARE(ms::operationName(ms::SoapOperation::ReplicationCompleted),
                 u"ReplicationCompleted"_s);
        QCOMPARE(ms::schemaChangeFromName(u"Altered"), ms::SchemaChange::Altered);
        QCOMPARE(ms::rowOperationName(ms::RowOperation::Delete), u"Delete"_s);
    }
};

QTEST_APPLESS_MAIN(TestIdentifiers)
#include "tst_identifiers.moc"
