#include "endpointtestsupport.h"

#include "service/auth/applicationtoken.h"
#include "service/endpoint/mirroradmin.h"
#include "service/endpoint/mirroringservice.h"
#include "service/endpoint/tenantslots.h"
#include "service/soap/soapfaulterror.h"
#include "service/soap/soapresponsereader.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"
#include "service/store/sqlitemirrorbackend.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace testsupport;

namespace {

QPair<QByteArray, QByteArray> hdr(const QByteArray &name, const QByteArray &value)
{
    return {name, value};
}
ms::HttpRequest post(QByteArray body, std::optional<ms::SoapOperation> action = std::nullopt)
{
    ms::HttpRequest request;
    request.method = "POST";
    request.path = "/MirroringClientService.svc";
    request.target = request.path;
    request.headers.append(hdr("Content-Type", "text/xml; charset=utf-8"));
    if (action) {
        request.headers.append(hdr("SOAPAction", "\"http://www.superoffice.com/online/mirroring/0.1/"
                                              "IMirroringClientService/" +
                                                  ms::operationName(*action).toLatin1() + "\""));
    }
    request.body = std::move(body);
    return request;
}
} // namespace

class TestMirroringService : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        ms::SqliteMirrorBackend backend{dir.path()};
        ms::EventLog events{dir.path()};
        ms::TenantRegistry registry{dir.path()};
        ms::TenantSlots slots{backend};
        ms::MirroringService service{
            ms::EndpointConfig{kAppId, {superOfficeCert()}, appKey(), std::chrono::seconds(300), {}},
            slots, events, registry};
    };

    static QList<ms::Event> eventsOf(Fixture &f, ms::Severity min = ms::Severity::Information)
    {
        ms::EventQuery q;
        q.minimumSeverity = min;
        return f.events.query(q);
    }

private Q_SLOTS:
    void authenticateSignsTheNonce()
    {
        Fixture f;
        const QString nonce = u"9AB41493762B0C5B6E0F1AB35F032B95"_s;
        const auto response = f.service.handle(
            post(ms::writeAuthenticateRequest(token(u"Cust1"_s, nonce), {u""_s}),
                 ms::SoapOperation::Authenticate));
        QCOMPARE(response.status, 200);
        const auto auth = ms::readAuthenticateResponse(response.body);
        QVERIFY(auth.isSuccessful);
        QVERIFY(auth.errorMessage.isEmpty());
        QVERIFY(!auth.clientState.isEmpty());
        QVERIFY(auth.additionalInformationJson.isEmpty());
        const auto check = ms::verifyApplicationToken(appKey().publicKey(), nonce,
                                                      auth.signedApplicationToken,
                                                      QDateTime::currentDateTimeUtc());
        QVERIFY2(check.ok, qPrintable(check.error));
        QVERIFY(QFileInfo::exists(f.backend.mirrorPath(u"Cust1"_s)));
    }

    void refusedTokenCreatesNothing()
    {
        Fixture f;
        // Signed by the application key, which SuperOffice's certificate does not match.
        ms::TokenMintOptions o;
        o.tenant = u"Evil1"_s;
        o.applicationId = kAppId;
        o.nonce = u"9AB41493762B0C5B6E0F1AB35F032B95"_s;
        const QString forged = QString::fromLatin1(ms::mintToken(appKey(), o));
        const auto response = f.service.handle(
            post(ms::writeAuthenticateRequest(forged, {}), ms::SoapOperation::Authenticate));
        QCOMPARE(response.status, 200);
        const auto auth = ms::readAuthenticateResponse(response.body);
        QVERIFY(!auth.isSuccessful);
        QVERIFY(!auth.errorMessage.isEmpty());
        QVERIFY(auth.signedApplicationToken.isEmpty());
        QVERIFY(!QFileInfo::exists(f.backend.mirrorPath(u"Evil1"_s)));
        QVERIFY(!f.backend.exists(u"Evil1"_s));

        // Any other operation: a Client fault, and still nothing created.
        const auto wipe = f.service.handle(
            post(ms::writeWipeRequest(forged, {u"s"_s, u"contact"_s}), ms::SoapOperation::Wipe));
        QCOMPARE(wipe.status, 500);
        QVERIFY(wipe.body.contains("Client"));
        QVERIFY(!f.backend.exists(u"Evil1"_s));
        const auto warnings = eventsOf(f, ms::Severity::Warning);
        QVERIFY(!warnings.isEmpty());
        QVERIFY(warnings.last().message.contains(u"token"_s, Qt::CaseInsensitive));
        QVERIFY(!warnings.last().message.contains(forged.section(u'.', 2)));
    }

    void missingTokenIsRefused()
    {
        Fixture f;
        const auto response = f.service.handle(
            post(ms::writeTableSchemaRequest(QString(), {u""_s, {contactSchema()}})));
        QCOMPARE(response.status, 500);
        QVERIFY(response.body.contains("s:Client"));
    }

    void fullCycleEchoesClientStateAndLogs()
    {
        Fixture f;
        const QString t = token(u"Cust2"_s);
        auto schema = f.service.handle(post(ms::writeTableSchemaRequest(t, {u"st-1"_s, {contactSchema()}}),
                                            ms::SoapOperation::TableSchema));
        QCOMPARE(schema.status, 200);
        const auto states = ms::readTableSchemaResponse(schema.body);
        QCOMPARE(states.clientState, u"st-1"_s);
        QCOMPARE(states.tables.size(), 1);
        QCOMPARE(states.tables[0].lsn, -1);
        QCOMPARE(states.tables[0].schemaChange, ms::SchemaChange::Created);

        const auto wipe = ms::readWipeResponse(
            f.service.handle(post(ms::writeWipeRequest(t, {u"st-2"_s, u"contact"_s}))).body);
        QVERIFY(wipe.isSuccessful);
        QCOMPARE(wipe.clientState, u"st-2"_s);

        ms::RowDataRequest rows{u"st-3"_s, {contactBatch(1, 50, std::nullopt), contactBatch(51, 50, 1234)}};
        const auto rowResponse = f.service.handle(post(ms::writeRowDataRequest(t, rows),
                                                       ms::SoapOperation::RowData));
        QCOMPARE(rowResponse.status, 200);
        const auto counts = ms::readRowDataResponse(rowResponse.body);
        QCOMPARE(counts.clientState, u"st-3"_s);
        QCOMPARE(counts.tables.size(), 1);
        QCOMPARE(counts.tables[0].lsn, 1234);
        QCOMPARE(counts.tables[0].inserted, 100);

        const auto done = ms::readReplicationCompletedResponse(
            f.service.handle(post(ms::writeReplicationCompletedRequest(
                                 t, {u"st-4"_s, {{u"contact"_s, -1, 100, 0, 0}}})))
                .body);
        QVERIFY(done.isSuccessful);
        QCOMPARE(done.clientState, u"st-4"_s);

        const auto info = eventsOf(f);
        QVERIFY(std::any_of(info.begin(), info.end(), [](const ms::Event &e) {
            return e.operation == u"ReplicationCompleted" && e.severity == ms::Severity::Information &&
                   e.tenant == u"Cust2" && e.details.contains(u"contact: 100 inserted");
        }));
        QVERIFY(std::any_of(info.begin(), info.end(), [](const ms::Event &e) {
            return e.operation == u"Wipe" && e.severity == ms::Severity::Warning;
        }));
        QVERIFY(f.registry.tenant(u"Cust2"_s)->lastCompletedAt.isValid());
    }

    void soapActionRules()
    {
        Fixture f;
        const QByteArray body = ms::writeTableSchemaRequest(token(u"Cust3"_s), {u""_s, {contactSchema()}});
        // Missing SOAPAction: the body's element decides.
        QCOMPARE(f.service.handle(post(body)).status, 200);
        // Another operation than the body's.
        auto mismatch = f.service.handle(post(body, ms::SoapOperation::Wipe));
        QCOMPARE(mismatch.status, 500);
        QVERIFY(mismatch.body.contains("s:Client"));
        // An unknown operation.
        auto request = post(body);
        request.headers.append(hdr("SOAPAction", "\"http://www.superoffice.com/online/mirroring/0.1/"
                                              "IMirroringClientService/DropEverything\""));
        auto unknown = f.service.handle(request);
        QCOMPARE(unknown.status, 500);
        QVERIFY(unknown.body.contains("s:Client"));
        // An empty SOAPAction counts as absent.
        auto empty = post(body);
        empty.headers.append(hdr("SOAPAction", "\"\""));
        QCOMPARE(f.service.handle(empty).status, 200);
    }

    void malformedXmlIsAClientFault()
    {
        Fixture f;
        auto response = f.service.handle(post("<s:Envelope xmlns:s=\"nope\"><unclosed>"));
        QCOMPARE(response.status, 500);
        QVERIFY(response.body.contains("s:Client"));
        QVERIFY(!eventsOf(f, ms::Severity::Error).isEmpty());
    }

    void failedRowDataChangesNothing()
    {
        Fixture f;
        const QString t = token(u"Cust4"_s);
        f.service.handle(post(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}})));
        QCOMPARE(f.service.handle(post(ms::writeRowDataRequest(t, {u""_s, {contactBatch(1, 10, 10)}}))).status,
                 200);
        // The second call's 500th row breaks NOT NULL: nothing of the call may stay.
        auto bad = contactBatch(100, 600, 99);
        bad.rows[499].values[1] = {QString(), true};
        const auto response = f.service.handle(post(ms::writeRowDataRequest(t, {u""_s, {bad}})));
        QCOMPARE(response.status, 500);
        QVERIFY(response.body.contains("s:Client"));

        ms::MirroredTable contact;
        f.slots.withStore(u"Cust4"_s, [&](ms::MirrorStore &store) { contact = store.tables().value(0); });
        QCOMPARE(contact.lsn, 10);
        QCOMPARE(f.registry.tenant(u"Cust4"_s)->stateAt(QDateTime::currentDateTimeUtc()),
                 ms::TenantStatus::State::Error);
    }

    void pausedTenantIsAskedToSkip()
    {
        Fixture f;
        f.registry.setPaused(u"Cust5"_s, true);
        const auto auth = ms::readAuthenticateResponse(
            f.service.handle(post(ms::writeAuthenticateRequest(
                                 token(u"Cust5"_s, u"0123456789abcdef0123456789ABCDEF"_s), {})))
                .body);
        QVERIFY(auth.isSuccessful);
        QCOMPARE(auth.additionalInformationJson, uR"({"doNotReplicate":"true"})"_s);
    }

    void adminActionsAreLogged()
    {
        Fixture f;
        const QString t = token(u"Cust6"_s);
        f.service.handle(post(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}})));
        f.service.handle(post(ms::writeRowDataRequest(t, {u""_s, {contactBatch(1, 5, 77)}})));
        ms::MirrorAdmin admin(f.slots, f.events, f.registry);
        admin.invalidate(u"Cust6"_s, {u"contact"_s});
        const auto schema = ms::readTableSchemaResponse(
            f.service.handle(post(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}))).body);
        QCOMPARE(schema.tables[0].lsn, -1);
        QCOMPARE(eventsOf(f).first().operation, u"Invalidate"_s);

        admin.repopulate(u"Cust6"_s, {});
        const auto again = ms::readTableSchemaResponse(
            f.service.handle(post(ms::writeTableSchemaRequest(t, {u""_s, {contactSchema()}}))).body);
        QCOMPARE(again.tables[0].schemaChange, ms::SchemaChange::Created);

        QVERIFY_THROWS_EXCEPTION(ms::Error, admin.invalidate(u"Nobody"_s, {}));
        admin.deleteMirror(u"Cust6"_s);
        QVERIFY(!f.backend.exists(u"Cust6"_s));
    }
};

QTEST_GUILESS_MAIN(TestMirroringService)
#include "tst_mirroringservice.moc"
