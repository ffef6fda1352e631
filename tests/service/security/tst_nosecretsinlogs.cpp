#include "securitytestsupport.h"

#include <QDirIterator>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

namespace {

// The base64 text between the PEM armour lines, one entry per line, plus the whole body.
QList<QByteArray> pemBodyParts(const QByteArray &pem)
{
    QList<QByteArray> parts;
    QByteArray body;
    for (const QByteArray &line : pem.split('\n')) {
        const QByteArray text = line.trimmed();
        if (text.isEmpty() || text.startsWith("-----"))
            continue;
        parts << text;
        body += text;
    }
    parts << body;
    return parts;
}

QByteArray xmlElement(const QByteArray &xml, const QByteArray &name)
{
    const QRegularExpression re(u"<%1>\\s*([^<]+?)\\s*</%1>"_s.arg(QString::fromLatin1(name)));
    return re.match(QString::fromLatin1(xml))
        .captured(1)
        .remove(QRegularExpression(u"\\s"_s))
        .toLatin1();
}

} // namespace

/// A whole cycle, refusals included, with every mirrorscope.* debug category on: no token, token
/// signature or private key material appears in serve's output, the event log or the data dir.
class TestNoSecretsInLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullCycleLeaksNothing()
    {
        QTemporaryDir dir;
        qputenv("QT_LOGGING_RULES", "mirrorscope.*=true");
        qputenv("QT_MESSAGE_PATTERN", "%{category} %{type}: %{message}");
        ServeProcess serve(dir.path());
        QVERIFY2(serve.port() != 0, qPrintable(serve.line()));
        const quint16 port = serve.port();

        const QString good = token(u"CustLog"_s, u"00112233445566778899AABBCCDDEEFF"_s);
        QStringList tokens{good};
        auto call = [&](const QByteArray &operation, const QByteArray &body) {
            return rawExchange(port, soapPost(body, operation));
        };
        auto auth = call("Authenticate", ms::writeAuthenticateRequest(good, {u"st"_s}));
        QVERIFY(ms::readAuthenticateResponse(auth.body).isSuccessful);
        QCOMPARE(
            call("TableSchema", ms::writeTableSchemaRequest(good, {u"st"_s, {contactSchema()}}))
                .status,
            200);
        QCOMPARE(call("Wipe", ms::writeWipeRequest(good, {u"st"_s, u"contact"_s})).status, 200);
        QCOMPARE(
            call("RowData", ms::writeRowDataRequest(good, {u"st"_s, {contactBatch(1, 50, 50)}}))
                .status,
            200);
        QCOMPARE(call("ReplicationCompleted", ms::writeReplicationCompletedRequest(
                                                  good, {u"st"_s, {{u"contact"_s, -1, 50, 0, 0}}}))
                     .status,
                 200);

        // Refusals are where a careless log line would quote the token.
        QString tampered = good;
        tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == u'A' ? u'B' : u'A';
        ms::TokenMintOptions expiredOptions;
        expiredOptions.tenant = u"CustLog"_s;
        expiredOptions.applicationId = kAppId;
        expiredOptions.notBefore = QDateTime::currentDateTimeUtc().addSecs(-7200);
        expiredOptions.expires = QDateTime::currentDateTimeUtc().addSecs(-3600);
        const QString expired =
            QString::fromLatin1(ms::mintToken(superOfficeKey(), expiredOptions));
        ms::TokenMintOptions badCtxOptions = expiredOptions;
        badCtxOptions.tenant = u"../Cust"_s;
        badCtxOptions.notBefore = QDateTime::currentDateTimeUtc();
        badCtxOptions.expires = QDateTime::currentDateTimeUtc().addSecs(300);
        const QString badCtx = QString::fromLatin1(ms::mintToken(superOfficeKey(), badCtxOptions));
        tokens << tampered << expired << badCtx;
        for (const QString &bad : {tampered, expired, badCtx}) {
            QCOMPARE(
                call("TableSchema", ms::writeTableSchemaRequest(bad, {u"st"_s, {contactSchema()}}))
                    .status,
                500);
            QVERIFY(!ms::readAuthenticateResponse(
                         call("Authenticate", ms::writeAuthenticateRequest(bad, {u"st"_s})).body)
                         .isSuccessful);
        }
        // A content refusal with a valid token, and one that fails in the store.
        QCOMPARE(call("Wipe", ms::writeWipeRequest(good, {u"st"_s, u"missing"_s})).status, 500);

        serve.process().terminate();
        QVERIFY(serve.process().waitForFinished(20000));
        const QByteArray output =
            serve.process().readAllStandardOutput() + serve.process().readAllStandardError();
        QVERIFY2(output.contains("mirrorscope."), "debug logging did not reach the output");

        QProcess events;
        events.start(QStringLiteral(MIRRORSCOPE_BINARY),
                     {u"events"_s, u"--data-dir"_s, dir.path(), u"--json"_s});
        QVERIFY(events.waitForFinished(20000));
        QCOMPARE(events.exitCode(), 0);
        const QByteArray eventText = events.readAllStandardOutput() + events.readAllStandardError();
        QVERIFY(eventText.contains("ReplicationCompleted"));

        // Every file serve left behind (event log, tenant registry, mirrors) too.
        QByteArray files;
        QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            files += file.readAll();
        }

        QList<QPair<QString, QByteArray>> secrets;
        for (const QString &t : tokens) {
            secrets.append({u"a full token"_s, t.toLatin1()});
            secrets.append({u"a token's signature"_s, t.section(u'.', 2).toLatin1()});
            secrets.append(
                {u"a token's signature (start)"_s, t.section(u'.', 2).left(24).toLatin1()});
        }
        const QByteArray pem = readFixture(u"app-private-key.pem"_s);
        for (const QByteArray &part : pemBodyParts(pem))
            secrets.append({u"the private key's PEM body"_s, part});
        const QByteArray xml = readFixture(u"app-private-key.xml"_s);
        for (const QByteArray &element : {"Modulus", "D", "P", "Q", "DP", "DQ", "InverseQ"}) {
            const QByteArray value = xmlElement(xml, element);
            QVERIFY2(value.size() > 40, element.constData());
            secrets.append({u"the private key's "_s + QString::fromLatin1(element), value});
            secrets.append({u"the private key's "_s + QString::fromLatin1(element) + u" (start)"_s,
                            value.left(24)});
        }
        for (const auto &[what, secret] : secrets) {
            QVERIFY(secret.size() >= 16);
            QVERIFY2(!output.contains(secret), qPrintable(what + u" is in serve's output"_s));
            QVERIFY2(!eventText.contains(secret), qPrintable(what + u" is in the event log"_s));
            QVERIFY2(!files.contains(secret),
                     qPrintable(what + u" is in a file of the data dir"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestNoSecretsInLogs)
#include "tst_nosecretsinlogs.moc"
