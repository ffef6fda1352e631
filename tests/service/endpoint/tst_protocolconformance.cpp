// PROTOCOL.md rule by rule, black-box over HTTP against a real `mirrorscope serve`: the rules
// that docs/PROTOCOL-CONFORMANCE.md found without a test at the wire (its table names each
// test function here).

#include "../security/securitytestsupport.h"

#include "service/state/eventlog.h"

#include <QXmlStreamReader>

Q_DECLARE_METATYPE(ms::ColumnSchema)

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

namespace {

constexpr int kMaxBody = 8192;
const QByteArray kEnvelopeNs = "http://schemas.xmlsoap.org/soap/envelope/";
const QByteArray kMessageNs = "http://www.superoffice.com/online/mirroring/0.1";

QByteArray head(const QByteArray &method, const QByteArray &path, const QByteArray &headers)
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n";
}

QByteArray postWithAction(const QByteArray &body, const QByteArray &actionHeader)
{
    return head("POST", "/MirroringClientService.svc",
                "Content-Type: text/xml; charset=utf-8\r\n" + actionHeader +
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\n") +
           body;
}

QByteArray chunkedPost(const QByteArray &body, int chunkSize)
{
    QByteArray request = head("POST", "/MirroringClientService.svc",
                              "Content-Type: text/xml; charset=utf-8\r\n"
                              "Transfer-Encoding: chunked\r\n");
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray piece = body.mid(at, chunkSize);
        request += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return request + "0\r\n\r\n";
}

/// A valid call padded with whitespace after the envelope to exactly `size` bytes.
QByteArray paddedTo(QByteArray body, qsizetype size)
{
    body.append(QByteArray(size - body.size(), ' '));
    return body;
}

QString mirrorPath(const QTemporaryDir &dir, const QString &tenant)
{
    return dir.filePath(u"Mirror_"_s + tenant + u".sqlite3"_s);
}

/// One SQL scalar of a mirror (read-only); an invalid QVariant if the query fails.
QVariant mirrorScalar(const QString &path, const QString &sql)
{
    QVariant value;
    const QString connection = QUuid::createUuid().toString();
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

/// Every element's namespace other than the envelope's and the fault's unqualified children.
QStringList foreignElements(const QByteArray &body)
{
    QStringList foreign;
    QXmlStreamReader xml(body);
    bool inFault = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QByteArray ns = xml.namespaceUri().toUtf8();
        if (ns == kEnvelopeNs) {
            inFault = inFault || xml.name() == u"Fault"_s;
            continue;
        }
        if (ns == kMessageNs || (inFault && ns.isEmpty()))
            continue;
        foreign += xml.name().toString() + u" in {"_s + xml.namespaceUri().toString() + u'}';
    }
    if (xml.hasError())
        foreign += u"XML error: "_s + xml.errorString();
    return foreign;
}

/// The text of the first element `name` of the m namespace, exactly as the XML carries it.
std::optional<QString> messageText(const QByteArray &body, const QString &name)
{
    QXmlStreamReader xml(body);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name &&
            xml.namespaceUri().toUtf8() == kMessageNs)
            return xml.readElementText();
    }
    return std::nullopt;
}

QByteArray contentType(const RawResponse &answer)
{
    for (const QByteArray &line : answer.headers.split('\n')) {
        if (line.toLower().startsWith("content-type:"))
            return line.mid(13).trimmed();
    }
    return {};
}

ms::TableSchema valuesSchema()
{
    ms::TableSchema t;
    t.tableName = u"vals"_s;
    t.columns = {
        {u"id"_s, u"int"_s, false, std::nullopt},
        {u"txt"_s, u"nvarchar(50)"_s, true, std::nullopt},
        {u"dec"_s, u"decimal(38,10)"_s, true, std::nullopt},
        {u"flt"_s, u"real"_s, true, std::nullopt},
        {u"bin"_s, u"varbinary(max)"_s, true, std::nullopt},
    };
    t.primaryKey = {u"id"_s};
    return t;
}

ms::RowBatch valuesRow(int id, const QList<ms::CellValue> &cells)
{
    ms::RowBatch batch;
    batch.tableName = u"vals"_s;
    batch.columns = {u"id"_s, u"txt"_s, u"dec"_s, u"flt"_s, u"bin"_s};
    QList<ms::CellValue> values{{QString::number(id), false}};
    values += cells;
    batch.rows.append({ms::RowOperation::Insert, std::nullopt, values});
    batch.lsn = id;
    return batch;
}

/// Names of a mirror table's columns in their order.
QStringList mirrorColumns(const QString &path, const QString &table)
{
    QStringList names;
    const QString connection = QUuid::createUuid().toString();
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(u"select name from pragma_table_info('%1') order by cid"_s.arg(table));
            while (q.next())
                names += q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return names;
}

QStringList columnNames(const ms::TableSchema &schema)
{
    QStringList names;
    for (const ms::ColumnSchema &c : schema.columns)
        names += c.name;
    return names;
}

} // namespace

class TestProtocolConformance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Transport: GET on any path ending in MirroringClientService.svc is the status page.
    void statusPageOnEveryServicePathOnly_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("GET default path") << head("GET", "/MirroringClientService.svc", {}) << 200;
        QTest::newRow("GET registered path")
            << head("GET", "/Mirroring/MirroringClientService.svc", {}) << 200;
        QTest::newRow("GET with a query")
            << head("GET", "/MirroringClientService.svc?wsdl", {}) << 200;
        QTest::newRow("GET root") << head("GET", "/", {}) << 404;
        // Another path: the text names the path in its letter case.
        QTest::newRow("GET in other letter case")
            << head("GET", "/mirroringclientservice.svc", {}) << 404;
        QTest::newRow("GET below the service")
            << head("GET", "/MirroringClientService.svc/x", {}) << 404;
        QTest::newRow("GET longer suffix")
            << head("GET", "/MirroringClientService.svcx", {}) << 404;
        const QByteArray body =
            ms::writeTableSchemaRequest(token(u"CustPath"_s), {u""_s, {contactSchema()}});
        QTest::newRow("POST elsewhere")
            << head("POST", "/other",
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\n") +
                   body
            << 404;
    }
    void statusPageOnEveryServicePathOnly()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const RawResponse answer = rawExchange(serve.port(), request);
        QCOMPARE(answer.status, status);
        if (status == 200)
            QVERIFY(answer.body.contains("MirrorScope"));
        else
            QVERIFY(contentType(answer).startsWith("text/plain"));
        QCOMPARE(mirrorFiles(dir.path()), QStringList());
    }

    // Transport: the forms SOAPAction may take, and the ones refused as s:Client.
    void soapActionHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("served");
        const QByteArray action =
            "http://www.superoffice.com/online/mirroring/0.1/IMirroringClientService/";
        QTest::newRow("absent") << QByteArray() << true;
        QTest::newRow("empty quotes") << QByteArray("SOAPAction: \"\"\r\n") << true;
        QTest::newRow("empty value") << QByteArray("SOAPAction:\r\n") << true;
        QTest::newRow("quoted") << "SOAPAction: \"" + action + "TableSchema\"\r\n" << true;
        QTest::newRow("unquoted") << "SOAPAction: " + action + "TableSchema\r\n" << true;
        QTest::newRow("another operation") << "SOAPAction: \"" + action + "Wipe\"\r\n" << false;
        QTest::newRow("unknown operation") << "SOAPAction: \"" + action + "DropEverything\"\r\n"
                                           << false;
        QTest::newRow("operation in other case") << "SOAPAction: \"" + action + "tableschema\"\r\n"
                                                 << false;
        QTest::newRow("operation alone") << QByteArray("SOAPAction: \"TableSchema\"\r\n") << false;
        QTest::newRow("other prefix")
            << QByteArray("SOAPAction: \"http://tempuri.org/IMirroringClientService/"
                          "TableSchema\"\r\n")
            << false;
    }
    void soapActionHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, served);
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QByteArray body =
            ms::writeTableSchemaRequest(token(u"CustAction"_s), {u""_s, {contactSchema()}});
        const RawResponse answer = rawExchange(serve.port(), postWithAction(body, header));
        if (served) {
            QCOMPARE(answer.status, 200);
            QVERIFY(answer.body.contains("TableSchemaResponse"));
        } else {
            QVERIFY2(isClientFault(answer), answer.body.constData());
        }
    }

    // Transport: refusals at the HTTP level answer the right status and create nothing.
    void httpRefusalsCreateNothing_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray body =
            ms::writeTableSchemaRequest(token(u"CustHttp"_s), {u""_s, {contactSchema()}});
        const QByteArray length = "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        QTest::newRow("neither length nor chunked")
            << head("POST", "/MirroringClientService.svc", {}) + body << 411;
        QTest::newRow("Content-Length and Transfer-Encoding")
            << head("POST", "/MirroringClientService.svc",
                    length + "Transfer-Encoding: chunked\r\n") +
                   body
            << 400;
        QTest::newRow("Transfer-Encoding gzip")
            << head("POST", "/MirroringClientService.svc", "Transfer-Encoding: gzip\r\n") + body
            << 400;
        QTest::newRow("Transfer-Encoding identity")
            << head("POST", "/MirroringClientService.svc", "Transfer-Encoding: identity\r\n") + body
            << 400;
        QTest::newRow("Transfer-Encoding gzip, chunked")
            << head("POST", "/MirroringClientService.svc", "Transfer-Encoding: gzip, chunked\r\n") +
                   "0\r\n\r\n"
            << 400;
        QTest::newRow("one byte over the limit")
            << soapPost(paddedTo(body, kMaxBody + 1), "TableSchema") << 413;
        QTest::newRow("chunked, decoded one byte over the limit")
            << chunkedPost(paddedTo(body, kMaxBody + 1), 1000) << 413;
    }
    void httpRefusalsCreateNothing()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QTemporaryDir dir;
        ServeProcess serve(dir.path(), {u"--max-body"_s, QString::number(kMaxBody)});
        const RawResponse answer = rawExchange(serve.port(), request);
        QCOMPARE(answer.status, status);
        QVERIFY(contentType(answer).startsWith("text/plain"));
        QCOMPARE(mirrorFiles(dir.path()), QStringList());
    }

    // Transport: a body of exactly the limit is served, by length and chunked alike (the
    // chunked framing itself is not counted).
    void bodyOfExactlyTheLimitIsServed_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("Content-Length") << false;
        QTest::newRow("chunked") << true;
    }
    void bodyOfExactlyTheLimitIsServed()
    {
        QFETCH(bool, chunked);
        QTemporaryDir dir;
        ServeProcess serve(dir.path(), {u"--max-body"_s, QString::number(kMaxBody)});
        const QByteArray body =
            paddedTo(ms::writeTableSchemaRequest(token(u"CustLimit"_s), {u""_s, {contactSchema()}}),
                     kMaxBody);
        QCOMPARE(body.size(), kMaxBody);
        const RawResponse answer = rawExchange(
            serve.port(), chunked ? chunkedPost(body, 500) : soapPost(body, "TableSchema"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(mirrorScalar(mirrorPath(dir, u"CustLimit"_s),
                              u"select count(*) from CustLimit_mirroring"_s),
                 QVariant(1));
    }

    // Transport: the default limit is 64 MiB; exactly that is served, one byte more is 413
    // (refused on the head alone) and creates nothing.
    void defaultLimitIs64MiB()
    {
        constexpr qsizetype kDefault = 64 * 1024 * 1024;
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QByteArray body =
            ms::writeTableSchemaRequest(token(u"CustBig"_s), {u""_s, {contactSchema()}});
        const RawResponse over = rawExchange(
            serve.port(), head("POST", "/MirroringClientService.svc",
                               "Content-Length: " + QByteArray::number(kDefault + 1) + "\r\n"));
        QCOMPARE(over.status, 413);
        QCOMPARE(mirrorFiles(dir.path()), QStringList());
        const RawResponse exact =
            rawExchange(serve.port(), soapPost(paddedTo(body, kDefault), "TableSchema"), 120000);
        QCOMPARE(exact.status, 200);
        QCOMPARE(mirrorScalar(mirrorPath(dir, u"CustBig"_s),
                              u"select count(*) from CustBig_mirroring"_s),
                 QVariant(1));
    }

    // The mirror database: created by the first call whose token is valid, even if that call
    // is then refused for its content.
    void firstValidTokenCreatesTheMirrorEvenIfRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        const QString t = token(u"CustFirst"_s);
        ms::TableSchema noKey = contactSchema();
        noKey.primaryKey.clear();
        QTest::newRow("TableSchema without a primary key")
            << soapPost(ms::writeTableSchemaRequest(t, {u""_s, {noKey}}), "TableSchema");
        QTest::newRow("TableSchema without Tables")
            << soapPost(envelope(t, "<TableSchemaRequest xmlns=\"" + kMessageNs +
                                        "\"><ClientState/></TableSchemaRequest>"),
                        "TableSchema");
        QTest::newRow("Wipe of a table the mirror lacks")
            << soapPost(ms::writeWipeRequest(t, {u""_s, u"contact"_s}), "Wipe");
        QTest::newRow("Wipe without TableName") << soapPost(
            envelope(t, "<WipeRequest xmlns=\"" + kMessageNs + "\"><ClientState/></WipeRequest>"),
            "Wipe");
        QTest::newRow("RowData for a table the mirror lacks")
            << soapPost(ms::writeRowDataRequest(t, {u""_s, {contactBatch(1, 1, 1)}}), "RowData");
        QTest::newRow("ReplicationCompleted without Summary")
            << soapPost(envelope(t, "<ReplicationCompletedRequest xmlns=\"" + kMessageNs +
                                        "\"><ClientState/></ReplicationCompletedRequest>"),
                        "ReplicationCompleted");
    }
    void firstValidTokenCreatesTheMirrorEvenIfRefused()
    {
        QFETCH(QByteArray, request);
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const RawResponse answer = rawExchange(serve.port(), request);
        QVERIFY2(isClientFault(answer), answer.body.constData());
        QCOMPARE(mirrorScalar(mirrorPath(dir, u"CustFirst"_s),
                              u"select count(*) from CustFirst_mirroring"_s),
                 QVariant(0));
    }

    // The mirror database: a call refused for its token creates no file.
    void refusedTokenCreatesNoMirror()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        ms::TokenMintOptions o;
        o.tenant = u"CustLate"_s;
        o.applicationId = kAppId;
        o.notBefore = QDateTime::currentDateTimeUtc().addSecs(-7200);
        o.expires = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const QString expired = QString::fromLatin1(ms::mintToken(superOfficeKey(), o));
        const RawResponse answer = rawExchange(
            serve.port(), soapPost(ms::writeTableSchemaRequest(expired, {u""_s, {contactSchema()}}),
                                   "TableSchema"));
        QVERIFY(isClientFault(answer));
        QCOMPARE(mirrorFiles(dir.path()), QStringList());
    }

    // Transport: every response element is in the m namespace, as text/xml; every response
    // but Authenticate's echoes ClientState exactly; Wipe and ReplicationCompleted succeed with
    // IsSuccessful true; ReplicationCompleted records one Information event.
    void responsesNamespacesAndClientStateEcho()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const quint16 port = serve.port();
        const QString t = token(u"CustEcho"_s, u"00112233445566778899aabbccddeeff"_s);
        const QString state = u"  a&b <c> \"d\" \u00e6\u20ac\U0001F600 \t\r\n e  "_s;

        QList<QPair<QByteArray, RawResponse>> answers;
        answers +=
            {"Authenticate",
             rawExchange(port, soapPost(ms::writeAuthenticateRequest(t, {state}), "Authenticate"))};
        answers +=
            {"TableSchema",
             rawExchange(port, soapPost(ms::writeTableSchemaRequest(t, {state, {contactSchema()}}),
                                        "TableSchema"))};
        answers +=
            {"Wipe",
             rawExchange(port, soapPost(ms::writeWipeRequest(t, {state, u"contact"_s}), "Wipe"))};
        answers += {
            "RowData",
            rawExchange(port, soapPost(ms::writeRowDataRequest(t, {state, {contactBatch(1, 3, 3)}}),
                                       "RowData"))};
        answers += {"ReplicationCompleted",
                    rawExchange(port, soapPost(ms::writeReplicationCompletedRequest(
                                                   t, {state, {{u"contact"_s, -1, 3, 0, 0}}}),
                                               "ReplicationCompleted"))};
        answers +=
            {"fault",
             rawExchange(port, soapPost(ms::writeWipeRequest(t, {state, u"nothere"_s}), "Wipe"))};
        for (const auto &[operation, answer] : answers) {
            const bool fault = operation == "fault";
            QCOMPARE(answer.status, fault ? 500 : 200);
            QCOMPARE(contentType(answer), QByteArray("text/xml; charset=utf-8"));
            const QStringList foreign = foreignElements(answer.body);
            QVERIFY2(foreign.isEmpty(),
                     qPrintable(QString::fromLatin1(operation) + u": "_s + foreign.join(u", "_s)));
            if (fault || operation == "Authenticate")
                continue;
            QCOMPARE(messageText(answer.body, u"ClientState"_s), std::optional(state));
        }
        QVERIFY(answers[0].second.body.contains("<IsSuccessful>true</IsSuccessful>"));
        // The nonce comes back byte for byte, in the letter case the token gave it.
        QVERIFY(messageText(answers[0].second.body, u"SignedApplicationToken"_s)
                    .value_or(QString())
                    .startsWith(u"00112233445566778899aabbccddeeff."_s));
        QCOMPARE(messageText(answers[2].second.body, u"IsSuccessful"_s), std::optional(u"true"_s));
        QCOMPARE(messageText(answers[4].second.body, u"IsSuccessful"_s), std::optional(u"true"_s));

        ms::EventQuery query;
        query.tenant = u"CustEcho"_s;
        const QList<ms::Event> events = ms::EventLog(dir.path()).query(query);
        const auto completed = std::count_if(events.begin(), events.end(), [](const ms::Event &e) {
            return e.operation == u"ReplicationCompleted"_s &&
                   e.severity == ms::Severity::Information;
        });
        QCOMPARE(completed, 1);
    }

    // RowData: the counts are the rows received per Operation, whatever they found.
    void countsAreTheRowsReceivedPerOperation()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QString t = token(u"CustCount"_s);
        QCOMPARE(rawExchange(serve.port(),
                             soapPost(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}),
                                      "TableSchema"))
                     .status,
                 200);
        ms::RowBatch batch = contactBatch(1, 2, std::nullopt); // two inserts
        ms::RowBatch more = contactBatch(10, 4, 99);
        more.rows[0].operation = ms::RowOperation::Update; // a missing key: inserted
        more.rows[1].operation = ms::RowOperation::Delete; // of the missing key 11: a no-op
        more.rows[2].operation = ms::RowOperation::Delete;
        more.rows[3].operation = ms::RowOperation::Delete;
        const RawResponse answer = rawExchange(
            serve.port(), soapPost(ms::writeRowDataRequest(t, {u""_s, {batch, more}}), "RowData"));
        QCOMPARE(answer.status, 200);
        const auto counts = ms::readRowDataResponse(answer.body);
        QCOMPARE(counts.tables, (QList<ms::TableCounts>{{u"contact"_s, 99, 2, 1, 3}}));
        QCOMPARE(mirrorScalar(mirrorPath(dir, u"CustCount"_s), u"select count(*) from contact"_s),
                 QVariant(3));
    }

    // RowData: values stored exactly as they arrive; float as the nearest double; an empty
    // binary stays empty; a decimal that does not match the pattern is s:Client.
    void valuesAreStoredAsTheyArrive()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QString t = token(u"CustVal"_s);
        const QString path = mirrorPath(dir, u"CustVal"_s);
        QCOMPARE(rawExchange(serve.port(),
                             soapPost(ms::writeTableSchemaRequest(t, {u""_s, {valuesSchema()}}),
                                      "TableSchema"))
                     .status,
                 200);
        const QString text = u"\uFEFF  padded\ttext  "_s;
        const RawResponse stored = rawExchange(
            serve.port(),
            soapPost(ms::writeRowDataRequest(t, {u""_s,
                                                 {valuesRow(1, {{text, false},
                                                                {u"-0012.5000"_s, false},
                                                                {u"0.1"_s, false},
                                                                {QString(), false}})}}),
                     "RowData"));
        QVERIFY2(stored.status == 200, stored.body.constData());
        QCOMPARE(mirrorScalar(path, u"select txt from vals where id = 1"_s).toString(), text);
        QCOMPARE(mirrorScalar(path, u"select dec from vals where id = 1"_s).toString(),
                 u"-0012.5000"_s);
        QCOMPARE(mirrorScalar(path, u"select typeof(flt) from vals where id = 1"_s).toString(),
                 u"real"_s);
        QCOMPARE(mirrorScalar(path, u"select flt = 0.1 from vals where id = 1"_s), QVariant(1));
        QCOMPARE(mirrorScalar(path, u"select typeof(bin) || length(bin) from vals where id = 1"_s)
                     .toString(),
                 u"blob0"_s);

        for (const QString &bad : {u"1."_s, u".5"_s, u"+1"_s, u"1e3"_s, u" 1"_s, u"1 "_s, u"1,5"_s,
                                   u"--1"_s, u"0x10"_s, u""_s}) {
            const RawResponse refused = rawExchange(
                serve.port(),
                soapPost(ms::writeRowDataRequest(t, {u""_s,
                                                     {valuesRow(2, {{u"x"_s, false},
                                                                    {bad, false},
                                                                    {QString(), true},
                                                                    {QString(), true}})}}),
                         "RowData"));
            QVERIFY2(isClientFault(refused), qPrintable(u"decimal '"_s + bad + u"' was stored"_s));
        }
        QCOMPARE(mirrorScalar(path, u"select count(*) from vals"_s), QVariant(1));
        QCOMPARE(mirrorScalar(path, u"select lsn from CustVal_mirroring"_s), QVariant(1));
    }

    // TableSchema: names refused over the wire change nothing, not even the drop of a table
    // the request lacks.
    void refusedNamesChangeNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("metadata table") << u"CustName_mirroring"_s;
        QTest::newRow("metadata table in other case") << u"custname_MIRRORING"_s;
        QTest::newRow("sqlite_ prefix") << u"sqlite_x"_s;
        QTest::newRow("differs from another only in case") << u"Fresh"_s;
    }
    void refusedNamesChangeNothing()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QString t = token(u"CustName"_s);
        QCOMPARE(rawExchange(serve.port(),
                             soapPost(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}),
                                      "TableSchema"))
                     .status,
                 200);
        const QString before = dumpMirror(mirrorPath(dir, u"CustName"_s));
        ms::TableSchema fresh = valuesSchema();
        fresh.tableName = u"fresh"_s;
        ms::TableSchema named = valuesSchema();
        named.tableName = name;
        const RawResponse answer = rawExchange(
            serve.port(),
            soapPost(ms::writeTableSchemaRequest(t, {u""_s, {fresh, named}}), "TableSchema"));
        QVERIFY2(isClientFault(answer), answer.body.constData());
        QCOMPARE(dumpMirror(mirrorPath(dir, u"CustName"_s)), before);
    }
    // TableSchema: Altered is only columns added, anywhere in the list, each nullable (any
    // default) or NOT NULL with a constant default in any parentheses; rows, LSN and the
    // schema's column order are kept. Anything else is Recreated.
    void alteredOrRecreated_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<ms::ColumnSchema>("added");
        QTest::addColumn<bool>("altered");
        using C = ms::ColumnSchema;
        QTest::newRow("nullable appended") << 3 << C{u"x"_s, u"int"_s, true, {}} << true;
        QTest::newRow("nullable first") << 0 << C{u"x"_s, u"int"_s, true, {}} << true;
        QTest::newRow("nullable, getdate() default, in the middle")
            << 1 << C{u"x"_s, u"datetime"_s, true, u"(getdate())"_s} << true;
        QTest::newRow("NOT NULL ((0))") << 3 << C{u"x"_s, u"int"_s, false, u"((0))"_s} << true;
        QTest::newRow("NOT NULL 0, no parentheses")
            << 2 << C{u"x"_s, u"int"_s, false, u"0"_s} << true;
        QTest::newRow("NOT NULL (((-1.5))) in the middle")
            << 1 << C{u"x"_s, u"float"_s, false, u"(((-1.5)))"_s} << true;
        QTest::newRow("NOT NULL (N'a''b') first")
            << 0 << C{u"x"_s, u"nvarchar(10)"_s, false, u"(N'a''b')"_s} << true;
        QTest::newRow("NOT NULL without default") << 3 << C{u"x"_s, u"int"_s, false, {}} << false;
        QTest::newRow("NOT NULL (getdate())")
            << 3 << C{u"x"_s, u"datetime"_s, false, u"(getdate())"_s} << false;
    }
    void alteredOrRecreated()
    {
        QFETCH(int, position);
        QFETCH(ms::ColumnSchema, added);
        QFETCH(bool, altered);
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QString t = token(u"CustAlter"_s);
        const QString path = mirrorPath(dir, u"CustAlter"_s);
        QCOMPARE(rawExchange(serve.port(),
                             soapPost(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}),
                                      "TableSchema"))
                     .status,
                 200);
        QCOMPARE(rawExchange(serve.port(),
                             soapPost(ms::writeRowDataRequest(t, {u""_s, {contactBatch(1, 2, 7)}}),
                                      "RowData"))
                     .status,
                 200);
        ms::TableSchema schema = contactSchema();
        schema.columns.insert(position, added);
        const RawResponse answer =
            rawExchange(serve.port(),
                        soapPost(ms::writeTableSchemaRequest(t, {u""_s, {schema}}), "TableSchema"));
        QVERIFY2(answer.status == 200, answer.body.constData());
        const auto states = ms::readTableSchemaResponse(answer.body).tables;
        QCOMPARE(states.size(), 1);
        QCOMPARE(states[0].schemaChange,
                 altered ? ms::SchemaChange::Altered : ms::SchemaChange::Recreated);
        QCOMPARE(states[0].lsn, altered ? 7 : -1);
        QCOMPARE(mirrorScalar(path, u"select count(*) from contact"_s), QVariant(altered ? 2 : 0));
        QCOMPARE(mirrorColumns(path, u"contact"_s), columnNames(schema));
    }

    // TableSchema: the tables the request lacks are dropped before its tables are created, so
    // that a table renamed in letter case only is created under its new name.
    void lackingTablesAreDroppedBeforeOthersAreCreated()
    {
        QTemporaryDir dir;
        ServeProcess serve(dir.path());
        const QString t = token(u"CustDrop"_s);
        ms::TableSchema upper = contactSchema();
        upper.tableName = u"Contact"_s;
        QCOMPARE(
            rawExchange(serve.port(),
                        soapPost(ms::writeTableSchemaRequest(t, {u""_s, {upper}}), "TableSchema"))
                .status,
            200);
        const RawResponse answer = rawExchange(
            serve.port(),
            soapPost(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}), "TableSchema"));
        QVERIFY2(answer.status == 200, answer.body.constData());
        const auto states = ms::readTableSchemaResponse(answer.body).tables;
        QCOMPARE(states, (QList<ms::TableState>{{u"contact"_s, -1, ms::SchemaChange::Created}}));
        QCOMPARE(mirrorScalar(mirrorPath(dir, u"CustDrop"_s),
                              u"select group_concat(tablename) from CustDrop_mirroring"_s),
                 QVariant(u"contact"_s));
    }
};

QTEST_GUILESS_MAIN(TestProtocolConformance)
#include "tst_protocolconformance.moc"
