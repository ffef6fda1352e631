#include "soaptesthelpers.h"

#include "service/soap/rowdatarequestwriter.h"
#include "service/soap/soaprequestreader.h"
#include "service/soap/soaprequestwriter.h"
#include "service/soap/soapresponsewriter.h"
#include "service/soap/soapvalues.h"
#include "service/soap/soapxmlwriter.h"
#include "service/soap/wirerowvalues.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ms {

using soaptest::RecordingSink;

// SoapXmlWriter writes XML by hand (issue #8): the bytes must stay those QXmlStreamWriter wrote,
// and the document well-formed whatever the text.
class TestSoapXmlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsQXmlStreamWriter();
    void wellFormedForAnyText();
    void utf8ValueWritesWhatTheQStringPathWrites();
    void wireRowWritesWhatTheCellRowWrites();
    void wireRowValuesTexts();
    void wireRowValuesRoundTrip();
};

namespace {

// Written by the QXmlStreamWriter-based SoapXmlWriter (commit 210e5e3) for the inputs below.
const QByteArray kRowDataBytes =
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><SignedT"
    "oken s:mustUnderstand=\"1\" xmlns=\"http://www.superoffice.com/online/mirroring/0.1\""
    ">tok</SignedToken></s:Header><s:Body><RowDataRequest xmlns=\"http://www.superoffice."
    "com/online/mirroring/0.1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><"
    "ClientState>cs&#13;&lt;&amp;&gt;&quot;</ClientState><Batches><RowBatch><TableName>t<"
    "/TableName><Columns><Column>a</Column><Column>b</Column></Columns><Rows><Row><Operat"
    "ion>Insert</Operation><Lsn>1</Lsn><Values><V>a&amp;b&lt;c&gt;d&quot;e'f</V><V xsi:ni"
    "l=\"true\"/></Values></Row><Row><Operation>Update</Operation><Lsn xsi:nil=\"true\"/>"
    "<Values><V>cr&#13;\nlf\ttab</V><V/></Values></Row><Row><Operation>Delete</Operation>"
    "<Lsn>3</Lsn><Values><V enc=\"base64\">Y3RsAXg=</V><V>\xc3"
    "\xb8"
    "\xe2"
    "\x82"
    "\xac"
    "\xf0"
    "\x9f"
    "\x98"
    "\x80"
    "<"
    "/V></Values></Row></Rows><Lsn>7</Lsn></RowBatch><RowBatch><TableName>e</TableName><C"
    "olumns/><Rows/><Lsn xsi:nil=\"true\"/></RowBatch></Batches></RowDataRequest></s:Body"
    "></s:Envelope>\n";
const QByteArray kFaultBytes =
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><"
    "faultcode>s:Client</faultcode><faultstring xml:lang=\"en\">why \xef"
    "\xbf"
    "\xbd"
    " &l"
    "t;&amp;&gt;&#13;&quot;x&quot;</faultstring></s:Fault></s:Body></s:Envelope>\n";
const QByteArray kTableSchemaBytes =
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><SignedT"
    "oken s:mustUnderstand=\"1\" xmlns=\"http://www.superoffice.com/online/mirroring/0.1\""
    ">tok</SignedToken></s:Header><s:Body><TableSchemaRequest xmlns=\"http://www.superoff"
    "ice.com/online/mirroring/0.1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance"
    "\"><ClientState/><Tables><TableSchema><TableName>c</TableName><Columns><ColumnSchema"
    "><Name>id</Name><DataType>int</DataType><IsNullable>false</IsNullable><DefaultValue "
    "xsi:nil=\"true\"/></ColumnSchema><ColumnSchema><Name>n</Name><DataType>nvarchar(3)</"
    "DataType><IsNullable>true</IsNullable><DefaultValue>('')</DefaultValue></ColumnSchem"
    "a></Columns><PrimaryKey><Column>id</Column></PrimaryKey></TableSchema></Tables></Tab"
    "leSchemaRequest></s:Body></s:Envelope>\n";

RowDataRequestHead readInto(const QByteArray &body, RowDataSink &sink)
{
    SoapRequestReader reader(body);
    reader.readEnvelopeStart();
    if (reader.operation() != SoapOperation::RowData)
        throw std::logic_error("not RowData");
    return reader.readRowData(sink);
}

// Text drawn from pieces that XML treats specially: markup characters, CR/LF/tab, control
// characters, paired and lone surrogates, U+FFFE/U+FFFF, and ordinary BMP and non-BMP letters.
QString randomText(QRandomGenerator &random)
{
    static const QList<QString> pieces = {
        u"a"_s,
        u"Z9 "_s,
        u"&"_s,
        u"<"_s,
        u">"_s,
        u"\""_s,
        u"'"_s,
        u"]]>"_s,
        u"\r"_s,
        u"\n"_s,
        u"\r\n"_s,
        u"\t"_s,
        u"\u0001"_s,
        u"\u001f"_s,
        u"\u007f"_s,
        u"\u0085"_s,
        u"\u00f8"_s,
        u"\u20ac"_s,
        u"\u2028"_s,
        u"\uFFFD"_s,
        u"\U0001F600"_s,
        QString(QChar(0xD800)),
        QString(QChar(0xDC00)),
        QString(QChar(0xFFFE)),
        QString(QChar(0xFFFF)),
        u"&amp;"_s,
        u"&#13;"_s,
    };
    QString text;
    const int n = random.bounded(6);
    for (int i = 0; i < n; ++i)
        text += pieces.at(random.bounded(int(pieces.size())));
    return text;
}

// Bytes that are mostly UTF-8, with every kind of invalid or uncarriable sequence mixed in.
QByteArray randomUtf8(QRandomGenerator &random)
{
    static const QList<QByteArray> pieces = {
        "a",
        "&<>\"",
        "\r\n\t",
        QByteArray("\0", 1),
        "\x01",
        "\x7f",
        "\xc3\xb8",
        "\xe2\x82\xac",
        "\xf0\x9f\x98\x80",
        "\xef\xbf\xbd",
        "\xef\xbb\xbf",
        "\xef\xbf\xbe",
        "\xef\xbf\xbf",
        "\xed\xa0\x80",
        "\xed\x9f\xbf",
        "\xc0\xaf",
        "\xe0\x80\xaf",
        "\xf0\x80\x80\xaf",
        "\xf4\x90\x80\x80",
        "\xf4\x8f\xbf\xbf",
        "\x80",
        "\xc3",
        "\xe2\x82",
        "\xff",
        "\xf5\x80\x80\x80",
        // Plain runs of 15, 16, 17 and 40 bytes, so that a markup character or an invalid
        // sequence falls inside, at the edge of and after the writer's 16-byte steps.
        "plain 15 bytes.",
        "plain: 16 bytes.",
        "plain: 17 bytes..",
        "forty bytes of plain ASCII text, no more",
    };
    QByteArray bytes;
    const int n = random.bounded(7);
    for (int i = 0; i < n; ++i)
        bytes += pieces.at(random.bounded(int(pieces.size())));
    return bytes;
}

} // namespace

void TestSoapXmlWriter::sameBytesAsQXmlStreamWriter()
{
    RowDataRequest request{u"cs\r<&>\""_s, {}};
    RowBatch batch{u"t"_s, {u"a"_s, u"b"_s}, {}, 7};
    batch.rows = {
        {RowOperation::Insert, 1, {{u"a&b<c>d\"e'f"_s, false}, {QString(), true}}},
        {RowOperation::Update, std::nullopt, {{u"cr\r\nlf\ttab"_s, false}, {u""_s, false}}},
        {RowOperation::Delete,
         3,
         {{u"ctl\u0001x"_s, false}, {u"\u00f8\u20ac\U0001F600"_s, false}}}};
    request.batches = {batch, RowBatch{u"e"_s, {}, {}, std::nullopt}};
    QCOMPARE(writeRowDataRequest(u"tok"_s, request), kRowDataBytes);
    QCOMPARE(writeFault({SoapFault::Code::Client, u"why \u0002 <&>\r\"x\""_s}), kFaultBytes);
    const TableSchemaRequest schema{
        QString(),
        {TableSchema{u"c"_s,
                     {ColumnSchema{u"id"_s, u"int"_s, false, std::nullopt},
                      ColumnSchema{u"n"_s, u"nvarchar(3)"_s, true, u"('')"_s}},
                     {u"id"_s}}}};
    QCOMPARE(writeTableSchemaRequest(u"tok"_s, schema), kTableSchemaBytes);
}

void TestSoapXmlWriter::wellFormedForAnyText()
{
    QRandomGenerator random(8);
    for (int round = 0; round < 300; ++round) {
        RowDataRequest request{randomText(random), {}};
        RowBatch batch{u"t"_s, {u"a"_s, u"b"_s}, {}, 1};
        for (int r = 0; r < 10; ++r)
            batch.rows.append(
                RowBatch::Row{RowOperation::Insert,
                              r,
                              {{randomText(random), false}, {randomText(random), false}}});
        request.batches = {batch};
        const QByteArray body = writeRowDataRequest(randomText(random), request);

        QXmlStreamReader xml(body);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(),
                 qPrintable(xml.errorString() + u": "_s + QString::fromUtf8(body)));

        // Every value reads back as it was; one XML cannot carry goes as base64 of its UTF-8
        // (where a lone surrogate has become '?').
        RecordingSink sink;
        const RowDataRequestHead head = readInto(body, sink);
        QCOMPARE(head.clientState, soapvalues::withXmlSafeCharacters(request.clientState));
        QCOMPARE(sink.batches.size(), 1);
        for (qsizetype r = 0; r < batch.rows.size(); ++r) {
            for (qsizetype v = 0; v < 2; ++v) {
                const QString &sent = batch.rows[r].values[v].text;
                const QString expected = soapvalues::hasCharacterXmlCannotCarry(sent)
                                             ? QString::fromUtf8(sent.toUtf8())
                                             : sent;
                QCOMPARE(sink.batches[0].rows[r].values[v].text, expected);
            }
        }
    }
}

void TestSoapXmlWriter::utf8ValueWritesWhatTheQStringPathWrites()
{
    QRandomGenerator random(9);
    for (int round = 0; round < 3000; ++round) {
        const QByteArray utf8 = randomUtf8(random);
        SoapXmlWriter direct;
        direct.beginMessage("M"_L1, true);
        direct.utf8Value(utf8);
        SoapXmlWriter throughQString;
        throughQString.beginMessage("M"_L1, true);
        throughQString.value(CellValue{QString::fromUtf8(utf8), false});
        QCOMPARE(direct.finish(), throughQString.finish());
    }
}

void TestSoapXmlWriter::wireRowWritesWhatTheCellRowWrites()
{
    // The WireRowValues row writes its frame from tags made once, the QList<CellValue> row
    // element by element: the same bytes, for every operation, Lsn or none, nil, empty and no
    // values.
    QRandomGenerator random(10);
    for (int round = 0; round < 300; ++round) {
        RowDataRequestWriter wire(u"tok"_s, u"cs"_s);
        RowDataRequestWriter cells(u"tok"_s, u"cs"_s);
        wire.beginBatch(u"t"_s, {u"a"_s});
        cells.beginBatch(u"t"_s, {u"a"_s});
        for (int r = 0; r < 5; ++r) {
            const auto op = RowOperation(random.bounded(3));
            const std::optional<qint64> lsn =
                random.bounded(3) == 0 ? std::nullopt
                                       : std::optional<qint64>(qint64(random.generate64()));
            WireRowValues values;
            QList<CellValue> list;
            for (int v = random.bounded(4); v > 0; --v) {
                if (random.bounded(4) == 0) {
                    values.appendNull();
                    list.append(CellValue{QString(), true});
                } else {
                    const QByteArray utf8 = randomUtf8(random);
                    values.appendText(utf8);
                    list.append(CellValue{QString::fromUtf8(utf8), false});
                }
            }
            wire.row(op, lsn, values);
            cells.row(op, lsn, list);
        }
        wire.endBatch(1);
        cells.endBatch(1);
        QCOMPARE(wire.finish(), cells.finish());
    }
}

void TestSoapXmlWriter::wireRowValuesTexts()
{
    WireRowValues values;
    values.appendInteger(std::numeric_limits<qint64>::min());
    values.appendInteger(0);
    values.appendNull();
    values.appendBase64(QByteArray("\x00\xff\x10", 3));
    values.appendBase64({});
    values.appendText("\xc3\xb8");
    QCOMPARE(values.size(), 6);
    QCOMPARE(values.text(0), "-9223372036854775808");
    QCOMPARE(values.text(1), "0");
    QVERIFY(values.isNull(2));
    QVERIFY(!values.isNull(3));
    QCOMPARE(values.text(3), "AP8Q");
    QVERIFY(!values.isNull(4));
    QVERIFY(values.text(4).isEmpty());
    QCOMPARE(values.text(5), "\xc3\xb8");

    // Base64 of every length's padding case, as QByteArray::toBase64 writes it.
    QRandomGenerator bytes(11);
    for (int n = 0; n < 40; ++n) {
        QByteArray blob(n, Qt::Uninitialized);
        for (char &c : blob)
            c = char(bytes.bounded(256));
        WireRowValues one;
        one.appendBase64(blob);
        QCOMPARE(one.text(0), blob.toBase64());
    }

    // Doubles as the simulator's QVariant path wrote them (wirevalue.cpp).
    QRandomGenerator random(10);
    QList<double> doubles = {0.0,
                             -0.0,
                             0.1,
                             1.5e-3,
                             1e-5,
                             123456789012345678.0,
                             1e21,
                             1e300,
                             5e-324,
                             -2.5,
                             1.0 / 3,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()};
    for (int i = 0; i < 2000; ++i) {
        const quint64 bits = random.generate64();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        doubles.append(d);
        doubles.append(random.generateDouble() * std::pow(10.0, random.bounded(-12, 12)));
    }
    for (double d : std::as_const(doubles)) {
        values.clear();
        values.appendReal(d);
        QCOMPARE(values.size(), 1);
        QCOMPARE(values.text(0), QString::number(d, 'g', QLocale::FloatingPointShortest).toUtf8());
    }
}

void TestSoapXmlWriter::wireRowValuesRoundTrip()
{
    WireRowValues values;
    values.appendText("a&b\r\n");
    values.appendNull();
    values.appendText(QByteArray("nul\0byte", 8));
    values.appendText("");
    const QByteArray viewed = "viewed <not copied>";
    values.appendTextView(viewed);
    values.appendInteger(-42);
    RowDataRequestWriter writer(u"tok"_s, u"cs"_s);
    writer.beginBatch(u"t"_s, {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s});
    writer.row(RowOperation::Update, 5, values);
    writer.endBatch(5);
    RecordingSink sink;
    readInto(writer.finish(), sink);
    const QList<CellValue> expected = {{u"a&b\r\n"_s, false},
                                       {QString(), true},
                                       {QString::fromUtf8("nul\0byte", 8), false},
                                       {QString(), false},
                                       {u"viewed <not copied>"_s, false},
                                       {u"-42"_s, false}};
    QCOMPARE(sink.batches.size(), 1);
    QCOMPARE(sink.batches[0].rows.size(), 1);
    QCOMPARE(sink.batches[0].rows[0].values, expected);
}

} // namespace ms

QTEST_APPLESS_MAIN(ms::TestSoapXmlWriter)
#include "tst_soapxmlwriter.moc"
