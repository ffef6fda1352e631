#include "soaptesthelpers.h"

#include "service/soap/rowdatarequestwriter.h"
#include "service/soap/soaprequestreader.h"
#include "service/soap/soaprequestwriter.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace ms {

using soaptest::RecordingSink;

namespace {
QByteArray rowDataEnvelope(const QByteArray &batches)
{
    return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
           "<RowDataRequest xmlns=\"http://www.superoffice.com/online/mirroring/0.1\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><ClientState>cs</ClientState>"
           "<Batches>" +
           batches + "</Batches></RowDataRequest></s:Body></s:Envelope>";
}

// One batch of table t with columns a,b around rows.
QByteArray batch(const QByteArray &rows, const QByteArray &lsn = "<Lsn>7</Lsn>")
{
    return "<RowBatch><TableName>t</TableName><Columns><Column>a</Column><Column>b</Column>"
           "</Columns><Rows>" +
           rows + "</Rows>" + lsn + "</RowBatch>";
}

QByteArray row(const QByteArray &values, const QByteArray &op = "Insert",
               const QByteArray &lsn = "<Lsn>5</Lsn>")
{
    return "<Row><Operation>" + op + "</Operation>" + lsn + "<Values>" + values + "</Values></Row>";
}

RowDataRequestHead readInto(const QByteArray &body, RowDataSink &sink)
{
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    if (reader.operation() != SoapOperation::RowData)
        throw std::logic_error("not RowData");
    return reader.readRowData(sink);
}

class ThrowingSink final : public RowDataSink
{
public:
    void beginBatch(const QString &, const QStringList &) override { calls << u"begin"_s; }
    void row(RowOperation, std::optional<qint64>, const QList<CellValue> &) override
    {
        calls << u"row"_s;
        if (calls.size() == 3)
            throw serverError(u"disk full"_s);
    }
    void endBatch(std::optional<qint64>) override { calls << u"end"_s; }
    QStringList calls;
};
// Takes the values in UTF-8, as the SQLite store does.
class Utf8RecordingSink final : public RowDataSink
{
public:
    void beginBatch(const QString &, const QStringList &) override {}
    void row(RowOperation, std::optional<qint64>, const QList<CellValue> &) override
    {
        throw std::logic_error("row() called on a sink that takes UTF-8");
    }
    bool takesUtf8Values() const override { return true; }
    void rowUtf8(RowOperation, std::optional<qint64>, const QList<Utf8CellValue> &values) override
    {
        for (const Utf8CellValue &v : values)
            texts << (v.isNull ? QByteArray("NULL") : "'" + v.utf8 + "'");
    }
    void endBatch(std::optional<qint64>) override {}
    QByteArrayList texts;
};
} // namespace

class TestSoapRowData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specExampleStreamsIntoSink();
    void base64Value();
    void emptyBatchesAndEmptyStrings();
    void writerRoundTrip();
    void controlCharacterAndCarriageReturnRoundTrip();
    void incrementalWriter();
    void malformedRows_data();
    void malformedRows();
    void throwingSinkAbortsTheParse();
    void utf8ValuesAreTheTextValuesInUtf8_data();
    void utf8ValuesAreTheTextValuesInUtf8();
};

void TestSoapRowData::specExampleStreamsIntoSink()
{
    const QByteArray body = soaptest::testData("rowdata-request-spec.xml");
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.operation(), SoapOperation::RowData);
    QCOMPARE(reader.signedToken(), u"JWT"_s);
    RecordingSink sink;
    const RowDataRequestHead head = reader.readRowData(sink);
    QCOMPARE(head.clientState, QString());
    const QStringList expected = {
        u"begin contact [contact_id,name,updated]"_s,
        u"row Insert 1200 ['1'|'Acme & Co'|NULL]"_s,
        u"row Update nil ['2'|'Beta'|'2024-01-31T13:45:00.123']"_s,
        u"row Delete 1210 ['3'|NULL|NULL]"_s,
        u"end 1210"_s,
    };
    QCOMPARE(sink.calls, expected);
}

void TestSoapRowData::base64Value()
{
    // "a\u0001b€" in UTF-8 is 61 01 62 e2 82 ac
    const QByteArray body =
        rowDataEnvelope(batch(row("<V enc=\"base64\">YQFi4oKs</V><V enc=\"base64\"></V>")));
    RecordingSink sink;
    QCOMPARE(readInto(body, sink).clientState, u"cs"_s);
    QCOMPARE(sink.batches.size(), 1);
    const QList<CellValue> expected = {CellValue{u"a\u0001b\u20ac"_s, false},
                                       CellValue{QString(), false}};
    QCOMPARE(sink.batches[0].rows[0].values, expected);
}

void TestSoapRowData::emptyBatchesAndEmptyStrings()
{
    const QByteArray body =
        rowDataEnvelope(batch("", "<Lsn xsi:nil=\"true\"/>") + batch(row("<V></V><V/>", "Update")) +
                        batch("", "<Lsn>-1</Lsn>"));
    RecordingSink sink;
    readInto(body, sink);
    const QStringList expected = {
        u"begin t [a,b]"_s, u"end nil"_s,       u"begin t [a,b]"_s, u"row Update 5 [''|'']"_s,
        u"end 7"_s,         u"begin t [a,b]"_s, u"end -1"_s,
    };
    QCOMPARE(sink.calls, expected);
}

void TestSoapRowData::writerRoundTrip()
{
    RowDataRequest request;
    request.clientState = u"state with <>&\" and ünïcode"_s;
    RowBatch first{u"contact"_s, {u"contact_id"_s, u"name"_s, u"updated"_s}, {}, std::nullopt};
    first.rows.append({RowOperation::Insert,
                       1200,
                       {{u"1"_s, false}, {u"Acme & Co"_s, false}, {QString(), true}}});
    first.rows.append({RowOperation::Update,
                       std::nullopt,
                       {{u"2"_s, false}, {u" spaced  "_s, false}, {u"2024-01-31"_s, false}}});
    first.rows.append({RowOperation::Delete,
                       std::numeric_limits<qint64>::min(),
                       {{u"3"_s, false}, {QString(), true}, {QString(), false}}});
    RowBatch second{u"person"_s, {u"person_id"_s}, {}, std::numeric_limits<qint64>::max()};
    second.rows.append({RowOperation::Insert, 0, {{u"\U0001F600 tab\there\nnewline"_s, false}}});
    RowBatch empty{u"empty"_s, {u"x"_s}, {}, 42};
    request.batches = {first, second, empty};

    const QByteArray body = writeRowDataRequest(u"the.token"_s, request);
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    QCOMPARE(reader.signedToken(), u"the.token"_s);
    RecordingSink sink;
    QCOMPARE(reader.readRowData(sink).clientState, request.clientState);
    QCOMPARE(sink.batches, request.batches);
}

void TestSoapRowData::controlCharacterAndCarriageReturnRoundTrip()
{
    RowDataRequest request;
    RowBatch batch{u"t"_s, {u"a"_s, u"b"_s, u"c"_s, u"d"_s}, {}, 1};
    batch.rows.append({RowOperation::Insert,
                       1,
                       {{u"bell\u0007 and \r\n"_s, false},
                        {u"cr\rlf\ncrlf\r\n"_s, false},
                        {u"\uFFFF"_s, false},
                        {u"\u001f"_s, false}}});
    request.batches = {batch};
    const QByteArray body = writeRowDataRequest(u"t"_s, request);
    QVERIFY(body.contains("enc=\"base64\""));
    QVERIFY(body.contains("cr&#13;lf\ncrlf&#13;\n"));
    QVERIFY(!body.contains('\r'));
    RecordingSink sink;
    readInto(body, sink);
    QCOMPARE(sink.batches, request.batches);
}

void TestSoapRowData::incrementalWriter()
{
    RowDataRequestWriter writer(u"tok"_s, u"cs"_s);
    const qsizetype startSize = writer.size();
    writer.beginBatch(u"t"_s, {u"a"_s, u"b"_s});
    for (int i = 0; i < 100; ++i)
        writer.row(RowOperation::Insert, i, {{QString::number(i), false}, {QString(), true}});
    writer.endBatch(99);
    QVERIFY(writer.size() > startSize + 100 * 50);
    QVERIFY_THROWS_EXCEPTION(std::logic_error, writer.endBatch(1));
    const QByteArray body = writer.finish();
    QVERIFY(body.size() >= writer.size());
    RecordingSink sink;
    QCOMPARE(readInto(body, sink).clientState, u"cs"_s);
    QCOMPARE(sink.batches.size(), 1);
    QCOMPARE(sink.batches[0].rows.size(), 100);
    QCOMPARE(sink.batches[0].rows[42].lsn, std::optional<qint64>(42));
    QCOMPARE(sink.batches[0].lsn, std::optional<qint64>(99));
}

void TestSoapRowData::malformedRows_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("fragment");
    const QByteArray good = row("<V>1</V><V>2</V>");
    QTest::newRow("too few values")
        << rowDataEnvelope(batch(good + row("<V>1</V>")))
        << u"RowData batch 1 (table 't'), row 2 has 1 values for 2 columns"_s;
    QTest::newRow("too many values")
        << rowDataEnvelope(batch(good) + batch(good + good + row("<V>1</V><V>2</V><V>3</V>")))
        << u"RowData batch 2 (table 't'), row 3 has more values than its 2 columns"_s;
    QTest::newRow("bad operation")
        << rowDataEnvelope(batch(row("<V>1</V><V>2</V>", "Upsert")))
        << u"row 1: Operation must be Insert, Update or Delete, not 'Upsert'"_s;
    QTest::newRow("operation in lower case")
        << rowDataEnvelope(batch(row("<V>1</V><V>2</V>", "insert"))) << u"not 'insert'"_s;
    QTest::newRow("bad row Lsn") << rowDataEnvelope(
                                        batch(row("<V>1</V><V>2</V>", "Insert", "<Lsn>12a</Lsn>")))
                                 << u"row 1: Lsn must be a 64-bit integer, not '12a'"_s;
    QTest::newRow("row Lsn overflows")
        << rowDataEnvelope(
               batch(row("<V>1</V><V>2</V>", "Insert", "<Lsn>9223372036854775808</Lsn>")))
        << u"Lsn must be a 64-bit integer"_s;
    QTest::newRow("bad batch Lsn") << rowDataEnvelope(batch(good, "<Lsn>1.5</Lsn>"))
                                   << u"Lsn must be a 64-bit integer, not '1.5'"_s;
    QTest::newRow("bad base64 character")
        << rowDataEnvelope(batch(row("<V enc=\"base64\">YQ$i</V><V/>")))
        << u"row 1: a value marked enc=\"base64\" is not valid base64"_s;
    QTest::newRow("base64 without padding")
        << rowDataEnvelope(batch(row("<V enc=\"base64\">YQ</V><V/>"))) << u"not valid base64"_s;
    QTest::newRow("base64 with whitespace")
        << rowDataEnvelope(batch(row("<V enc=\"base64\">YQFi 4oKs</V><V/>")))
        << u"not valid base64"_s;
    QTest::newRow("base64 of invalid UTF-8")
        << rowDataEnvelope(batch(row("<V enc=\"base64\">/w==</V><V/>")))
        << u"not valid base64 of UTF-8"_s;
    QTest::newRow("unknown encoding") << rowDataEnvelope(batch(row("<V enc=\"hex\">41</V><V/>")))
                                      << u"unknown value encoding 'hex'"_s;
    QTest::newRow("row without Operation")
        << rowDataEnvelope(batch("<Row><Lsn>1</Lsn><Values><V/><V/></Values></Row>"))
        << u"row 1 lacks its required element Operation"_s;
    QTest::newRow("row without Values")
        << rowDataEnvelope(batch("<Row><Operation>Insert</Operation><Lsn>1</Lsn></Row>"))
        << u"row 1 lacks its required element Values"_s;
    QTest::newRow("batch without Lsn") << rowDataEnvelope(batch(good, ""))
                                       << u"batch 1 (table 't') lacks its required element Lsn"_s;
    QTest::newRow("Rows before Columns")
        << rowDataEnvelope("<RowBatch><TableName>t</TableName><Rows/><Columns/><Lsn/></RowBatch>")
        << u"TableName and Columns must come before Rows"_s;
    QTest::newRow("no Batches")
        << QByteArray("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                      "<RowDataRequest xmlns=\"http://www.superoffice.com/online/mirroring/0.1\">"
                      "<ClientState/></RowDataRequest></s:Body></s:Envelope>")
        << u"RowDataRequest lacks its required element Batches"_s;
}

void TestSoapRowData::malformedRows()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, fragment);
    RecordingSink sink;
    const auto error = soaptest::errorOf([&] { readInto(body, sink); });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Client);
    QVERIFY2(error->message().contains(fragment), qPrintable(error->message()));
    QVERIFY2(error->message().contains(u"(line 1, column "_s), qPrintable(error->message()));
}

void TestSoapRowData::throwingSinkAbortsTheParse()
{
    const QByteArray good = row("<V>1</V><V>2</V>");
    const QByteArray body = rowDataEnvelope(batch(good + good + good) + batch(good));
    ThrowingSink sink;
    const auto error = soaptest::errorOf([&] { readInto(body, sink); });
    QVERIFY(error);
    QCOMPARE(error->kind(), Error::Kind::Server);
    QCOMPARE(error->message(), u"disk full"_s);
    QCOMPARE(sink.calls, QStringList({u"begin"_s, u"row"_s, u"row"_s}));
}

void TestSoapRowData::utf8ValuesAreTheTextValuesInUtf8_data()
{
    QTest::addColumn<QByteArray>("values"); // two <V>
    QTest::newRow("ascii and empty") << QByteArray("<V>abc</V><V></V>");
    QTest::newRow("non-ascii") << QByteArray("<V>\xc3\xa6\xe2\x82\xac</V><V>\xf0\x9f\x98\x80x</V>");
    QTest::newRow("references and line ends")
        << QByteArray("<V>a &amp;&#x1F600;&lt;</V><V>1\r\n2\r3</V>");
    QTest::newRow("nil") << QByteArray("<V xsi:nil=\"true\"/><V>x</V>");
    QTest::newRow("base64") << QByteArray("<V enc=\"base64\">AWE=</V><V enc=\"base64\"></V>");
    QTest::newRow("byte order mark") << QByteArray("<V>\xef\xbb\xbf"
                                                   "a</V><V enc=\"base64\">77u/YQ==</V>");
    QTest::newRow("bad base64") << QByteArray("<V enc=\"base64\">A</V><V>x</V>");
    QTest::newRow("base64 of bad UTF-8") << QByteArray("<V enc=\"base64\">wA==</V><V>x</V>");
    QTest::newRow("base64 of a surrogate") << QByteArray("<V enc=\"base64\">7aCA</V><V>x</V>");
    QTest::newRow("non-ascii in base64") << QByteArray("<V enc=\"base64\">\xc3\xa6A==</V><V>x</V>");
}

void TestSoapRowData::utf8ValuesAreTheTextValuesInUtf8()
{
    // The store takes UTF-8; other sinks take QString: the same values, the same refusals.
    QFETCH(QByteArray, values);
    const QByteArray body = rowDataEnvelope(batch(row(values) + row(values, "Update")));
    RecordingSink text;
    Utf8RecordingSink utf8;
    const auto textError = soaptest::errorOf([&] { readInto(body, text); });
    const auto utf8Error = soaptest::errorOf([&] { readInto(body, utf8); });
    QCOMPARE(bool(utf8Error), bool(textError));
    if (textError) {
        QCOMPARE(utf8Error->message(), textError->message());
        return;
    }
    QByteArrayList expected;
    for (const RowBatch::Row &r : text.batches.value(0).rows) {
        for (const CellValue &v : r.values)
            expected << (v.isNull ? QByteArray("NULL") : "'" + v.text.toUtf8() + "'");
    }
    QCOMPARE(expected.size(), 4);
    QCOMPARE(utf8.texts, expected);
}

} // namespace ms

QTEST_APPLESS_MAIN(ms::TestSoapRowData)
#include "tst_soaprowdata.moc"
