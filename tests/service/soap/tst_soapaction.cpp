#include "service/soap/soapaction.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace ms {

class TestSoapAction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void absentHeader();
    void soapActionForRoundTrips();
};

void TestSoapAction::parse_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("present");
    QTest::addColumn<int>("operation"); // -1: none

    const QByteArray prefix =
        "http://www.superoffice.com/online/mirroring/0.1/IMirroringClientService/";
    QTest::newRow("quoted") << '"' + prefix + "RowData\"" << true << int(SoapOperation::RowData);
    QTest::newRow("unquoted") << prefix + "Wipe" << true << int(SoapOperation::Wipe);
    QTest::newRow("whitespace around")
        << "  \"" + prefix + "TableSchema\" " << true << int(SoapOperation::TableSchema);
    QTest::newRow("authenticate") << prefix + "Authenticate" << true
                                  << int(SoapOperation::Authenticate);
    QTest::newRow("completed") << prefix + "ReplicationCompleted" << true
                               << int(SoapOperation::ReplicationCompleted);
    QTest::newRow("empty quotes = absent") << QByteArray("\"\"") << false << -1;
    QTest::newRow("empty = absent") << QByteArray() << false << -1;
    QTest::newRow("other prefix") << QByteArray(
                                         "\"http://tempuri.org/IMirroringClientService/RowData\"")
                                  << true << -1;
    QTest::newRow("unknown operation") << '"' + prefix + "Drop\"" << true << -1;
    QTest::newRow("operation case differs") << prefix + "rowdata" << true << -1;
    QTest::newRow("suffix after operation") << prefix + "RowDataX" << true << -1;
    QTest::newRow("prefix only") << prefix << true << -1;
    QTest::newRow("one quote") << '"' + prefix + "Wipe" << true << -1;
}

void TestSoapAction::parse()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, present);
    QFETCH(int, operation);
    const SoapActionHeader header = parseSoapAction(value, true);
    QCOMPARE(header.present, present);
    QCOMPARE(header.operation.has_value(), operation >= 0);
    if (operation >= 0)
        QCOMPARE(int(*header.operation), operation);
}

void TestSoapAction::absentHeader()
{
    const SoapActionHeader header = parseSoapAction("\"http://whatever\"", false);
    QVERIFY(!header.present);
    QVERIFY(!header.operation);
}

void TestSoapAction::soapActionForRoundTrips()
{
    QCOMPARE(soapActionFor(SoapOperation::RowData),
             QByteArray("\"http://www.superoffice.com/online/mirroring/0.1/"
                        "IMirroringClientService/RowData\""));
    for (SoapOperation op :
         {SoapOperation::Authenticate, SoapOperation::TableSchema, SoapOperation::Wipe,
          SoapOperation::RowData, SoapOperation::ReplicationCompleted}) {
        const SoapActionHeader header = parseSoapAction(soapActionFor(op), true);
        QVERIFY(header.present);
        QCOMPARE(header.operation, std::optional(op));
    }
}

} // namespace ms

QTEST_APPLESS_MAIN(ms::TestSoapAction)
#include "tst_soapaction.moc"
