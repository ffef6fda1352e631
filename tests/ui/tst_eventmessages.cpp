// Event messages are stored with a code and arguments and shown translated by the window's
// event log model; unknown codes and events written before codes show their stored text.

#include "model/eventlogmodel.h"
#include "model/eventmessagetranslator.h"
#include "service/auth/rsaprivatekey.h"
#include "service/endpoint/mirroradmin.h"
#include "service/endpoint/mirroringservice.h"
#include "service/endpoint/tenantslots.h"
#include "service/state/eventlog.h"
#include "service/state/tenantregistry.h"
#include "service/store/sqlitemirrorbackend.h"
#include "ui/uiresources.h"

#include <QLocale>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {
/// One message of every code of the catalogue, with small counts (no digit grouping).
QList<EventMessage> everyMessage()
{
    namespace m = eventmessage;
    return {m::tokenRejected(u"expired"_s),
            m::callRefused(u"bad XML"_s),
            m::callFailed(u"disk full"_s),
            m::tenantPausedSkipped(),
            m::tablesDropped({u"a"_s, u"b"_s}),
            m::tablesRecreated({u"a"_s}),
            m::tablesCreated({u"a"_s, u"b"_s, u"c"_s}),
            m::tablesAltered({u"a"_s}),
            m::tableWiped(u"contact"_s),
            m::cycleCompleted(3, 120),
            m::invalidated({u"contact"_s, u"person"_s}),
            m::invalidated({}),
            m::repopulated({u"contact"_s}),
            m::repopulated({}),
            m::paused(),
            m::resumed(),
            m::mirrorDeleted(u"Cust1"_s),
            m::actionFailed(u"Invalidate"_s, u"no mirror"_s),
            m::demoStarted(u"AB12"_s),
            m::demoCompleted(400),
            m::demoSkipped(0),
            m::demoFailed(u"timeout"_s, 7),
            m::endpointSetupInvalid(u"no key"_s),
            m::endpointSetupFallback(),
            m::endpointListenFailed(u"127.0.0.1:1"_s, u"in use"_s),
            m::endpointListenFailed(u"127.0.0.1:1"_s, {})};
}
} // namespace

class TstEventMessages final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        ms::ui::initResources(); // the translations are resources of the static ms_ui
    }

    void init() { QLocale::setDefault(QLocale::c()); }

    void cleanup()
    {
        if (m_german) {
            QCoreApplication::removeTranslator(m_german.get());
            m_german.reset();
        }
        QLocale::setDefault(QLocale::c());
    }

    void everyCodeHasItsEnglishTextAndAGermanOne()
    {
        QSet<QString> codes;
        for (const EventMessage &message : everyMessage()) {
            codes.insert(message.code);
            // Without a translator the window shows exactly the text the service stored.
            QCOMPARE(EventMessageTranslator::translate(message), message.text);
        }
        QCOMPARE(codes.size(), 25);
        installGerman();
        for (const EventMessage &message : everyMessage()) {
            const QString german = EventMessageTranslator::translate(message);
            QVERIFY2(german != message.text, qPrintable(message.code));
            for (const QString &argument : message.arguments)
                QVERIFY2(german.contains(argument), qPrintable(message.code + u": "_s + german));
        }
    }

    void eventsWrittenByTheServiceShowInGerman()
    {
        QTemporaryDir dir;
        SqliteMirrorBackend backend(dir.path());
        EventLog events(dir.path());
        TenantRegistry registry(dir.path());
        TenantSlots slots(backend);
        MirroringService service(
            EndpointConfig{
                u"app"_s, {}, RsaPrivateKey::generate(2048), std::chrono::seconds(300), {}},
            slots, events, registry);
        MirrorAdmin admin(slots, events, registry);

        HttpRequest request;
        request.method = "POST";
        request.path = "/MirroringClientService.svc";
        request.target = request.path;
        request.body = "this is not SOAP";
        QCOMPARE(service.handle(request).status, 500);
        admin.setPaused(u"Cust1"_s, true);

        EventLogModel model(events);
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        const Event refused = model.event(0);
        QCOMPARE(refused.code, u"call.refused"_s);
        QCOMPARE(refused.arguments.size(), 1);
        const QString reason = refused.arguments.at(0);
        QCOMPARE(refused.message, u"Refused the call: "_s + reason); // English, as stored

        installGerman();
        QCOMPARE(model.data(model.index(0, EventLogModel::Message)).toString(),
                 u"Aufruf abgelehnt: "_s + reason);
        QCOMPARE(model.data(model.index(1, EventLogModel::Message)).toString(),
                 u"Angehalten: Der Mirroring Task wird gebeten, diesen Mandanten zu überspringen "
                 "(doNotReplicate)"_s);
        // The stored English text is what the log file keeps.
        QCOMPARE(events.query({}).value(0).message,
                 u"Paused: the Mirroring Task is asked to skip this tenant (doNotReplicate)"_s);
    }

    void unknownCodesAndOldEventsShowTheStoredText()
    {
        QTemporaryDir dir;
        EventLog events(dir.path());
        // A code of a newer version, a known code whose arguments do not fit it, a count that
        // is no number, and an event written before codes existed.
        events.append(Event{0,
                            {},
                            u"Cust1"_s,
                            Severity::Warning,
                            u"Wipe"_s,
                            u"from the future"_s,
                            {},
                            u"table.shredded"_s,
                            {u"contact"_s}});
        events.append(Event{0,
                            {},
                            u"Cust1"_s,
                            Severity::Warning,
                            u"Wipe"_s,
                            u"two arguments"_s,
                            {},
                            u"table.wiped"_s,
                            {u"contact"_s, u"extra"_s}});
        events.append(Event{0,
                            {},
                            u"Cust1"_s,
                            Severity::Information,
                            u"TableSchema"_s,
                            u"not a count"_s,
                            {},
                            u"schema.created"_s,
                            {u"many"_s, u"a, b"_s}});
        events.append(Event{0,
                            {},
                            u"Cust1"_s,
                            Severity::Information,
                            u"Invalidate"_s,
                            u"written before codes"_s,
                            {},
                            {},
                            {}});
        installGerman();
        EventLogModel model(events);
        model.reload();
        QCOMPARE(model.rowCount(), 4);
        const QStringList expected{u"from the future"_s, u"two arguments"_s, u"not a count"_s,
                                   u"written before codes"_s};
        for (int row = 0; row < 4; ++row)
            QCOMPARE(model.data(model.index(row, EventLogModel::Message)).toString(),
                     expected.at(row));
    }

private:
    void installGerman()
    {
        m_german = std::make_unique<QTranslator>();
        QVERIFY(m_german->load(QLocale(QLocale::German), u"mirrorscope"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(QCoreApplication::installTranslator(m_german.get()));
        QLocale::setDefault(QLocale(QLocale::German));
    }

    std::unique_ptr<QTranslator> m_german;
};

QTEST_GUILESS_MAIN(TstEventMessages)
#include "tst_eventmessages.moc"
