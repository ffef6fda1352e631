#include "processsupport.h"
#include "wizarddriver.h"
#include "wizardtestsupport.h"

#include "ui/wizard/applicationkeypage.h"
#include "ui/wizard/endpointtlspage.h"
#include "ui/wizard/environmentpage.h"
#include "ui/wizard/keystoragechooser.h"
#include "ui/wizard/messagelabel.h"
#include "ui/wizard/selftestpage.h"
#include "ui/wizard/summarypage.h"
#include "ui/wizard/superofficecertificatepage.h"
#include "ui/wizard/wizardsaver.h"

#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace wizardtest;
using Kind = ms::ui::Verdict::Kind;
using ms::ui::SetupWizard;

// The whole wizard against the real Secret Service that scripts/test.sh starts (gnome-keyring in
// a private D-Bus session), then a second process that loads what it saved.
class TestSetupWizard : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_configHome;
    ms::RsaPrivateKey m_signingKey = ms::RsaPrivateKey::generate(2048); // plays SuperOffice
    QString m_signingCertificate;
    const ms::RsaPrivateKey m_appKey =
        ms::RsaPrivateKey::fromText(readAll(fixture(u"app-private-key.xml"_s)));

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_configHome = m_dir.filePath(u"config"_s);
        // Before the first QSettings: it caches where the user's settings live.
        qputenv("XDG_CONFIG_HOME", m_configHome.toUtf8());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session: run under scripts/test.sh, which starts gnome-keyring.");
        const auto probe = ms::SecretStore::probeKeychain();
        QVERIFY2(probe.ok,
                 qPrintable(u"A D-Bus session is there but the keychain does not answer: "_s +
                            probe.error));
        m_signingCertificate =
            writeFile(m_dir.filePath(u"signing.crt"_s),
                      certificatePem(m_signingKey, u"Test SuperOffice"_s, -1, 365));
    }

    void fullRunWithTheKeychain()
    {
        SetupWizard wizard;
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // 1. Environment and application id.
        auto *environment = wizard.environmentPage();
        QCOMPARE(wizard.currentId(), int(SetupWizard::EnvironmentPageId));
        QVERIFY(!canGoOn(wizard));
        typeInto(environment->applicationIdEdit(), u"my app"_s);
        QVERIFY(!canGoOn(wizard));
        QVERIFY(environment->message()->text().contains(u"no spaces"_s));
        typeInto(environment->applicationIdEdit(), u"mirrorscope-wizard-test"_s);
        environment->environmentBox()->setCurrentIndex(0);
        QVERIFY(canGoOn(wizard));
        QVERIFY(screenshot(wizard, u"1-environment"_s));
        next(wizard);

        // 2. SuperOffice certificate: a wrong file, an expired one, the known one, a rotated one.
        auto *certificate = wizard.superOfficeCertificatePage();
        QCOMPARE(wizard.currentId(), int(SetupWizard::SuperOfficeCertificatePageId));
        QVERIFY(!canGoOn(wizard));
        choosePath(certificate->pathEdit(), fixture(u"app-private-key.xml"_s));
        QCOMPARE(certificate->message()->kind(), Kind::Refused);
        QVERIFY2(certificate->message()->text().contains(u"not a certificate"_s),
                 qPrintable(certificate->message()->text()));
        QVERIFY(!canGoOn(wizard));
        const QString expired = writeFile(m_dir.filePath(u"expired.crt"_s),
                                          certificatePem(m_signingKey, u"Expired"_s, -400, -3));
        choosePath(certificate->pathEdit(), expired);
        QCOMPARE(certificate->message()->kind(), Kind::Refused);
        QVERIFY2(certificate->message()->text().contains(u"This certificate expired on"_s),
                 qPrintable(certificate->message()->text()));
        QVERIFY(!canGoOn(wizard));
        choosePath(certificate->pathEdit(),
                   fixture(u"SuperOfficeFederatedLogin.development.crt"_s));
        QCOMPARE(certificate->message()->kind(), Kind::Accepted);
        QCOMPARE(certificate->thumbprintLabel()->text(),
                 u"16B7FB8C3F9AB06885A800C64E64C97C4AB5E98C"_s);
        QVERIFY(canGoOn(wizard));
        QVERIFY(screenshot(wizard, u"2-superoffice-certificate"_s));
        // The run goes on with a certificate whose key the test holds, so that a second process
        // can be called as SuperOffice would.
        choosePath(certificate->pathEdit(), m_signingCertificate);
        QCOMPARE(certificate->message()->kind(), Kind::Warning);
        QVERIFY(certificate->message()->text().contains(
            u"is not the known one of SOD (development)"_s));
        QVERIFY(canGoOn(wizard));
        next(wizard);

        // 3. Application key: a wrong file, a key that does not match the registered one, the right
        // one.
        auto *key = wizard.applicationKeyPage();
        QCOMPARE(wizard.currentId(), int(SetupWizard::ApplicationKeyPageId));
        QTRY_VERIFY_WITH_TIMEOUT(!key->storage()->isProbing(), 20000);
        QVERIFY(key->storage()->keychainAnswered());
        QVERIFY(key->storage()->keychainButton()->isChecked());
        QVERIFY(!canGoOn(wizard));
        choosePath(key->keyPath(), fixture(u"DevNet.crt"_s));
        QCOMPARE(key->keyMessage()->kind(), Kind::Refused);
        QVERIFY2(key->keyMessage()->text().contains(u"This is a certificate, not a private key"_s),
                 qPrintable(key->keyMessage()->text()));
        QVERIFY(!canGoOn(wizard));
        const QString otherKey = writeFile(m_dir.filePath(u"other-key.pem"_s),
                                           ms::RsaPrivateKey::generate(2048).toPem());
        choosePath(key->keyPath(), otherKey);
        QCOMPARE(key->keyMessage()->kind(), Kind::Accepted);
        choosePath(key->registeredKeyPath(), fixture(u"app-public-key.xml"_s));
        QCOMPARE(key->registeredMessage()->kind(), Kind::Refused);
        QVERIFY2(key->registeredMessage()->text().contains(
                     u"does not belong to the registered public key"_s),
                 qPrintable(key->registeredMessage()->text()));
        QVERIFY(!canGoOn(wizard));
        choosePath(key->keyPath(), fixture(u"app-private-key.xml"_s));
        QCOMPARE(key->keyMessage()->kind(), Kind::Accepted);
        QCOMPARE(key->registeredMessage()->kind(), Kind::Accepted);
        QVERIFY(key->publicKeyView()->toPlainText().contains(
            QString::fromLatin1(m_appKey.publicKey().modulusBase64())));
        const QString savedPublic = m_dir.filePath(u"public.xml"_s);
        QVERIFY(key->savePublicKey(savedPublic));
        QCOMPARE(ms::RsaPublicKey::fromText(readAll(savedPublic)), m_appKey.publicKey());
        QVERIFY(canGoOn(wizard));
        QVERIFY(screenshot(wizard, u"3-application-key"_s));
        next(wizard);

        // 4. Endpoint TLS: look at a generated certificate and a mismatched import, then plain
        // HTTP.
        auto *tls = wizard.endpointTlsPage();
        QCOMPARE(wizard.currentId(), int(SetupWizard::EndpointTlsPageId));
        QVERIFY(canGoOn(wizard));
        typeInto(tls->listenEdit(), u"127.0.0.1:99999"_s);
        QVERIFY(!canGoOn(wizard));
        typeInto(tls->listenEdit(), u"127.0.0.1:8443"_s);
        tls->generateButton()->click();
        QVERIFY(tls->isGenerating());
        QVERIFY(!canGoOn(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!tls->isGenerating(), 30000);
        QVERIFY(canGoOn(wizard));
        QCOMPARE(tls->fingerprintLabel()->text().remove(u' '),
                 wizard.state().tls().sha256Fingerprint());
        QVERIFY(screenshot(wizard, u"4-endpoint-tls"_s));
        tls->importButton()->click();
        QVERIFY(!canGoOn(wizard));
        const QString tlsCertificate =
            writeFile(m_dir.filePath(u"tls.crt"_s), wizard.state().tls().certificatePem());
        choosePath(tls->certificatePath(), m_signingCertificate);
        choosePath(tls->keyPath(), otherKey);
        QCOMPARE(tls->message()->kind(), Kind::Refused);
        QVERIFY(tls->message()->text().contains(u"does not belong to the certificate"_s));
        QVERIFY(!canGoOn(wizard));
        Q_UNUSED(tlsCertificate);
        tls->plainButton()->click();
        QVERIFY(canGoOn(wizard));
        next(wizard);

        // 5. Self-test.
        auto *selfTest = wizard.selfTestPage();
        QCOMPARE(wizard.currentId(), int(SetupWizard::SelfTestPageId));
        QVERIFY(!canGoOn(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!selfTest->isRunning(), 60000);
        QCOMPARE(selfTest->stepList()->count(), 3);
        QVERIFY2(selfTest->report().passed(false),
                 qPrintable(selfTest->stepList()->item(selfTest->stepList()->count() - 1)->text()));
        QVERIFY(canGoOn(wizard));
        QVERIFY(screenshot(wizard, u"5-self-test"_s));
        next(wizard);

        // 6. Summary, then save.
        auto *summary = wizard.summaryPage();
        QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryPageId));
        QVERIFY(summary->summary()->text().contains(u"mirrorscope-wizard-test"_s));
        QVERIFY(summary->summary()->text().contains(u"in the OS keychain"_s));
        QVERIFY(screenshot(wizard, u"6-summary"_s));
        QSignalSpy accepted(&wizard, &QDialog::accepted);
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 30000);
        QVERIFY(summary->isSaved());

        ms::AppSettings settings;
        QCOMPARE(settings.environment(), u"development"_s);
        QCOMPARE(settings.applicationId(), u"mirrorscope-wizard-test"_s);
        QCOMPARE(settings.applicationKeyRef(), u"keychain:application-key"_s);
        QCOMPARE(settings.applicationKeyFingerprint(), m_appKey.publicKey().fingerprint());
        QCOMPARE(settings.listenAddress(), u"127.0.0.1:8443"_s);
        QVERIFY(settings.tlsCertificate().isEmpty());
        QVERIFY(settings.setupCompleted());
        QCOMPARE(settings.superOfficeCertificates().size(), 1);
        QCOMPARE(ms::Certificate::fromFile(settings.superOfficeCertificates().first()),
                 ms::Certificate::fromFile(m_signingCertificate));
        const auto stored = ms::SecretStore::read(settings.applicationKeyRef());
        QVERIFY2(stored.ok, qPrintable(stored.error));
        QCOMPARE(ms::RsaPrivateKey::fromText(stored.data).publicKey(), m_appKey.publicKey());
    }

    void noKeyMaterialInTheConfigurationDirectory()
    {
        const QStringList hits = filesContaining(m_configHome, keyMaterialNeedles(m_appKey));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
        QVERIFY(QFileInfo::exists(m_configHome + u"/MirrorScope/MirrorScope.conf"_s));
    }

    void aSecondProcessLoadsTheKeyFromTheKeychain()
    {
        const auto show = runMirrorscope(m_configHome, {u"keys"_s, u"show"_s});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(
            show.out.contains(u"in the OS keychain (service MirrorScope, entry application-key)"_s),
            qPrintable(show.out));
        QVERIFY(show.out.contains(m_appKey.publicKey().fingerprint()));

        ServeChild serve(m_configHome, m_dir.filePath(u"data"_s));
        QVERIFY2(serve.url().isValid(), qPrintable(serve.line()));
        const QString problem = authenticateRoundTrip(
            serve.url(), m_signingKey, u"mirrorscope-wizard-test"_s, m_appKey.publicKey());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void generatingAKeyKeepsNextDisabledUntilItIsThere()
    {
        SetupWizard wizard;
        wizard.show();
        typeInto(wizard.environmentPage()->applicationIdEdit(), u"app"_s);
        next(wizard);
        choosePath(wizard.superOfficeCertificatePage()->pathEdit(), m_signingCertificate);
        next(wizard);
        auto *key = wizard.applicationKeyPage();
        QTRY_VERIFY_WITH_TIMEOUT(!key->storage()->isProbing(), 20000);
        key->generateButton()->click();
        key->generateKey();
        QVERIFY(key->isGenerating());
        QVERIFY(!canGoOn(wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!key->isGenerating(), 30000);
        QVERIFY(canGoOn(wizard));
        QCOMPARE(key->keyMessage()->kind(), Kind::Accepted);
        QVERIFY(key->keyMessage()->text().contains(u"developer portal"_s));
        QCOMPARE(ms::RsaPublicKey::fromText(key->publicKeyView()->toPlainText().toUtf8()),
                 wizard.state().applicationKey().publicKey());
        QCOMPARE(wizard.state().applicationKey().bits(), 2048);
        wizard.reject();
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
