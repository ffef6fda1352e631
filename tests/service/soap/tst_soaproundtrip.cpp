#include "soaptesthelpers.h"

#include "service/soap/soaprequestreader.h"
#include "service/soap/soaprequestwriter.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace ms {

// Request writer (simulator side) → request reader (endpoint side) equals the value.
class TestSoapRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authenticate();
    void tableSchema();
    void wipe();
    void replicationCompleted();
    void tokenHeaderShape();
};

namespace {
const QString kToken = u"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"_s;

SoapRequestReader &start(SoapRequestReader &reader, SoapOperation expected)
{
    reader.readEnvelopeStart();
    if (reader.operation() != expected || reader.signedToken() != kToken)
        throw std::logic_error("unexpected operation or token");
    return reader;
}
} // namespace

void TestSoapRoundTrip::authenticate()
{
    for (const QString &state : {QString(), u"opaque-state\r\n<&>"_s}) {
        const QByteArray body = writeAuthenticateRequest(kToken, {state});
        SoapRequestReader reader(body);
        QCOMPARE(start(reader, SoapOperation::Authenticate).readAuthenticate().clientState, state);
    }
}

void TestSoapRoundTrip::tableSchema()
{
    TableSchemaRequest request;
    request.clientState = u"cs"_s;
    request.tables = {
        TableSchema{u"contact"_s,
                    {ColumnSchema{u"contact_id"_s, u"int"_s, false, std::nullopt},
                     ColumnSchema{u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s},
                     ColumnSchema{u"blob"_s, u"varbinary(max)"_s, true, u""_s}},
                    {u"contact_id"_s, u"name"_s}},
        TableSchema{u"empty"_s, {}, {}},
    };
    const QByteArray body = writeTableSchemaRequest(kToken, request);
    SoapRequestReader reader(body);
    const TableSchemaRequest read = start(reader, SoapOperation::TableSchema).readTableSchema();
    QCOMPARE(read.clientState, request.clientState);
    QCOMPARE(read.tables, request.tables);
    // An empty default is "" and a nil one is absent; the two must stay apart.
    QVERIFY(read.tables[0].columns[2].defaultValue.has_value());
}

void TestSoapRoundTrip::wipe()
{
    const WipeRequest request{u"cs"_s, u"contact"_s};
    const QByteArray body = writeWipeRequest(kToken, request);
    SoapRequestReader reader(body);
    const WipeRequest read = start(reader, SoapOperation::Wipe).readWipe();
    QCOMPARE(read.clientState, request.clientState);
    QCOMPARE(read.tableName, request.tableName);
}

void TestSoapRoundTrip::replicationCompleted()
{
    const ReplicationCompletedRequest request{
        u"cs"_s,
        {TableCounts{u"contact"_s, -1, 10, 2, 1},
         TableCounts{u"person"_s, -1, std::numeric_limits<qint64>::max(), 0, 0}}};
    const QByteArray body = writeReplicationCompletedRequest(kToken, request);
    SoapRequestReader reader(body);
    const ReplicationCompletedRequest read =
        start(reader, SoapOperation::ReplicationCompleted).readReplicationCompleted();
    QCOMPARE(read.clientState, request.clientState);
    QCOMPARE(read.summary, request.summary);
}

void TestSoapRoundTrip::tokenHeaderShape()
{
    // The header as PROTOCOL.md shows it, and the message element with a default namespace.
    const QByteArray body = writeWipeRequest(kToken, {QString(), u"t"_s});
    QVERIFY2(body.startsWith("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                             "<s:Header><SignedToken s:mustUnderstand=\"1\" "
                             "xmlns=\"http://www.superoffice.com/online/mirroring/0.1\">" +
                             kToken.toLatin1() + "</SignedToken></s:Header><s:Body>"),
             body.constData());
    QVERIFY2(body.contains("<s:Body><WipeRequest "
                           "xmlns=\"http://www.superoffice.com/online/mirroring/0.1\">"
                           "<ClientState/><TableName>t</TableName></WipeRequest>"),
             body.constData());
}

} // namespace ms

QTEST_APPLESS_MAIN(ms::TestSoapRoundTrip)
#include "tst_soaproundtrip.moc"
