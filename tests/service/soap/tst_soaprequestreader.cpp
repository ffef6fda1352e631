#include "soaptesthelpers.h"

#include "service/soap/soaprequestreader.h"

#include <QElapsedTimer>
#include <QTest>

#include <stdexcept>

using namespace Qt::Literals::StringLiterals;

namespace ms {

using soaptest::testData;

namespace {
// An envelope around body, with the token header when token is not null.
QByteArray envelope(const QByteArray &body, const char *token = "tok")
{
    QByteArray header;
    if (token) {
        header = "<s:Header><SignedToken s:mustUnderstand=\"1\" "
                 "xmlns=\"http://www.superoffice.com/online/mirroring/0.1\">" +
                 QByteArray(token) + "</SignedToken></s:Header>";
    }
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
           header + "<s:Body>" + body + "</s:Body></s:Envelope>";
}

const QByteArray kM = "xmlns=\"http://www.superoffice.com/online/mirroring/0.1\"";
} // namespace

class TestSoapRequestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishedAuthenticateFixture();
    void tableSchemaWithPrefixes();
    void wipeWithPrefixedBodyAndNoHeader();
    void replicationCompletedInDefaultNamespaces();
    void emptySignedToken();
    void doctypeIsRefused();
    void billionLaughsIsRefusedQuickly();
    void envelopeErrors_data();
    void envelopeErrors();
    void messageErrors_data();
    void messageErrors();
    void readMustMatchOperation();
};

void TestSoapRequestReader::publishedAuthenticateFixture()
{
    const QByteArray body = soaptest::fixture("authenticate-request.xml");
    const QString jwt =
        QString::fromLatin1(soaptest::fixture("example-superoffice-token.jwt")).trimmed();
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.operation(), SoapOperation::Authenticate);
    QCOMPARE(reader.signedToken(), jwt);
    const AuthenticateRequest request = reader.readAuthenticate();
    QCOMPARE(request.clientState, QString());
}

void TestSoapRequestReader::tableSchemaWithPrefixes()
{
    const QByteArray body = testData("tableschema-request-prefixed.xml");
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.operation(), SoapOperation::TableSchema);
    QCOMPARE(reader.signedToken(), u"header.payload.signature"_s);
    const TableSchemaRequest request = reader.readTableSchema();
    QCOMPARE(request.clientState, u"state-42"_s);
    const QList<TableSchema> expected = {
        TableSchema{u"contact"_s,
                    {ColumnSchema{u"contact_id"_s, u"int"_s, false, std::nullopt},
                     ColumnSchema{u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s},
                     ColumnSchema{u"updated"_s, u"datetime"_s, true, u"(getdate())"_s}},
                    {u"contact_id"_s}},
        TableSchema{u"person"_s,
                    {ColumnSchema{u"person_id"_s, u"bigint"_s, true, u"((0))"_s}},
                    {u"person_id"_s}},
    };
    QCOMPARE(request.tables, expected);
}

void TestSoapRequestReader::wipeWithPrefixedBodyAndNoHeader()
{
    const QByteArray body = testData("wipe-request-prefixed.xml");
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.operation(), SoapOperation::Wipe);
    QCOMPARE(reader.signedToken(), QString());
    const WipeRequest request = reader.readWipe();
    QCOMPARE(request.clientState, u"abc"_s);
    QCOMPARE(request.tableName, u"contact"_s);
}

void TestSoapRequestReader::replicationCompletedInDefaultNamespaces()
{
    const QByteArray body = testData("replicationcompleted-request-default-ns.xml");
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.operation(), SoapOperation::ReplicationCompleted);
    QCOMPARE(reader.signedToken(), u"tok"_s);
    const ReplicationCompletedRequest request = reader.readReplicationCompleted();
    QCOMPARE(request.clientState, QString());
    const QList<TableCounts> expected = {TableCounts{u"contact"_s, -1, 10, 2, 1},
                                         TableCounts{u"person"_s, -1, 5, 0, 0}};
    QCOMPARE(request.summary, expected);
}

void TestSoapRequestReader::emptySignedToken()
{
    const QByteArray body = envelope("<AuthenticateRequest " + kM + "/>", "  ");
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.signedToken(), QString());
    QCOMPARE(reader.readAuthenticate().clientState, QString());
}

void TestSoapRequestReader::doctypeIsRefused()
{
    const QByteArray body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ELEMENT x ANY>]>" +
                            envelope("<AuthenticateRequest " + kM + "/>");
    SoapRequestReader reader(body);
    MS_VERIFY_CLIENT_ERROR(reader.readEnvelopeStart(), "DOCTYPE");
}

void TestSoapRequestReader::billionLaughsIsRefusedQuickly()
{
    const QByteArray body = testData("billion-laughs.xml");
    QElapsedTimer timer;
    timer.start();
    SoapRequestReader reader(body);
    MS_VERIFY_CLIENT_ERROR(reader.readEnvelopeStart(), "DOCTYPE");
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(reader.signedToken(), QString());
}

void TestSoapRequestReader::envelopeErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("fragment");
    const QByteArray auth = "<AuthenticateRequest " + kM + "/>";
    QTest::newRow("not XML") << QByteArray("this is not XML") << u"not well-formed"_s;
    QTest::newRow("empty") << QByteArray() << u"not well-formed"_s;
    QTest::newRow("truncated") << envelope(auth).chopped(10) << u"not well-formed"_s;
    QTest::newRow("SOAP 1.2 envelope")
        << QByteArray("<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body>" +
                      auth + "</e:Body></e:Envelope>")
        << u"not a SOAP 1.1 envelope"_s;
    QTest::newRow("envelope without namespace")
        << QByteArray("<Envelope><Body>" + auth + "</Body></Envelope>")
        << u"not a SOAP 1.1 envelope"_s;
    QTest::newRow("unknown operation")
        << envelope("<DropTableRequest " + kM + "/>") << u"DropTableRequest"_s;
    QTest::newRow("operation in other namespace")
        << envelope("<AuthenticateRequest xmlns=\"http://tempuri.org/\"/>")
        << u"{http://tempuri.org/}AuthenticateRequest"_s;
    QTest::newRow("response element as request")
        << envelope("<WipeResponse " + kM + "/>") << u"WipeResponse"_s;
    QTest::newRow("missing Body")
        << QByteArray("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                      "<s:Header/></s:Envelope>")
        << u"no Body"_s;
    QTest::newRow("empty Body") << envelope("") << u"Body is empty"_s;
    QTest::newRow("undeclared entity") << envelope("<AuthenticateRequest " + kM +
                                                   "><ClientState>&foo;</ClientState>"
                                                   "</AuthenticateRequest>")
                                       << u"foo"_s;
}

void TestSoapRequestReader::envelopeErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, fragment);
    const auto error = soaptest::errorOf([&] {
        SoapRequestReader reader(body);
        reader.readEnvelopeStart();
        reader.readAuthenticate();
    });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Client);
    QVERIFY2(error->message().contains(fragment), qPrintable(error->message()));
    QVERIFY2(error->message().contains(u"line "_s), qPrintable(error->message()));
}

void TestSoapRequestReader::messageErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("fragment");
    const QByteArray column = "<ColumnSchema><Name>id</Name><DataType>int</DataType>"
                              "<IsNullable>false</IsNullable><DefaultValue xsi:nil=\"true\"/>"
                              "</ColumnSchema>";
    QTest::newRow("wipe without TableName")
        << envelope("<WipeRequest " + kM + "><ClientState/></WipeRequest>")
        << u"WipeRequest lacks its required element TableName"_s;
    QTest::newRow("column without DataType")
        << envelope("<TableSchemaRequest " + kM +
                    "><Tables><TableSchema><TableName>t</TableName><Columns><ColumnSchema>"
                    "<Name>id</Name><IsNullable>false</IsNullable><DefaultValue/></ColumnSchema>"
                    "</Columns><PrimaryKey><Column>id</Column></PrimaryKey></TableSchema>"
                    "</Tables></TableSchemaRequest>")
        << u"ColumnSchema 'id' lacks its required element DataType"_s;
    QTest::newRow("table without PrimaryKey")
        << envelope("<TableSchemaRequest " + kM +
                    "><Tables><TableSchema><TableName>t</TableName>"
                    "<Columns>" +
                    column + "</Columns></TableSchema></Tables></TableSchemaRequest>")
        << u"TableSchema 't' lacks its required element PrimaryKey"_s;
    QTest::newRow("IsNullable yes")
        << envelope("<TableSchemaRequest " + kM +
                    "><Tables><TableSchema><TableName>t</TableName>"
                    "<Columns>" +
                    QByteArray(column).replace("false", "yes") +
                    "</Columns><PrimaryKey><Column>id</Column></PrimaryKey></TableSchema>"
                    "</Tables></TableSchemaRequest>")
        << u"IsNullable must be true or false, not 'yes'"_s;
    QTest::newRow("summary count not a number")
        << envelope("<ReplicationCompletedRequest " + kM +
                    "><Summary><TableSummary>"
                    "<TableName>t</TableName><Inserted>x</Inserted><Updated>0</Updated>"
                    "<Deleted>0</Deleted></TableSummary></Summary></ReplicationCompletedRequest>")
        << u"Inserted must be a 64-bit integer"_s;
    QTest::newRow("two body elements")
        << envelope("<WipeRequest " + kM + "><TableName>t</TableName></WipeRequest><WipeRequest " +
                    kM + "/>")
        << u"second element"_s;
    QTest::newRow("element inside text")
        << envelope("<WipeRequest " + kM + "><TableName>t<b/></TableName></WipeRequest>")
        << u"where text was expected"_s;
    const QByteArray nesting = QByteArray("<a>").repeated(100) + QByteArray("</a>").repeated(100);
    QTest::newRow("deep nesting in an unknown element")
        << envelope("<WipeRequest " + kM + "><TableName>t</TableName>" + nesting + "</WipeRequest>")
        << u"more than 64 levels deep"_s;
    QTest::newRow("deep nesting in the header")
        << QByteArray(envelope("<WipeRequest " + kM + "><TableName>t</TableName></WipeRequest>"))
               .replace("<s:Header>", "<s:Header>" + nesting)
        << u"more than 64 levels deep"_s;
    QTest::newRow("garbage after envelope")
        << envelope("<WipeRequest " + kM + "><TableName>t</TableName></WipeRequest>") + "<x/>"
        << u"not well-formed"_s;
}

void TestSoapRequestReader::messageErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, fragment);
    const auto error = soaptest::errorOf([&] {
        SoapRequestReader reader(body);
        reader.readEnvelopeStart();
        switch (reader.operation()) {
        case SoapOperation::Wipe:
            reader.readWipe();
            break;
        case SoapOperation::TableSchema:
            reader.readTableSchema();
            break;
        case SoapOperation::ReplicationCompleted:
            reader.readReplicationCompleted();
            break;
        default:
            QFAIL("unexpected operation");
        }
    });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Client);
    QVERIFY2(error->message().contains(fragment), qPrintable(error->message()));
}

void TestSoapRequestReader::readMustMatchOperation()
{
    const QByteArray body = testData("wipe-request-prefixed.xml");
    SoapRequestReader reader(body);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, reader.readWipe());
    reader.readEnvelopeStart();
    QVERIFY_THROWS_EXCEPTION(std::logic_error, reader.readAuthenticate());
}

} // namespace ms

QTEST_APPLESS_MAIN(ms::TestSoapRequestReader)
#include "tst_soaprequestreader.moc"
