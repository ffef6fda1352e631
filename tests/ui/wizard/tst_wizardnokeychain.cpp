#include "processsupport.h"
#include "wizarddriver.h"
#include "wizardtestsupport.h"

#include "ui/wizard/applicationkeypage.h"
#include "ui/wizard/endpointtlspage.h"
#include "ui/wizard/environmentpage.h"
#include "ui/wizard/filepathedit.h"
#include "ui/wizard/keystoragechooser.h"
#include "ui/wizard/messagelabel.h"
#include "ui/wizard/selftestpage.h"
#include "ui/wizard/summarypage.h"
#include "ui/wizard/superofficecertificatepage.h"

#include "service/settings/appsettings.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace wizardtest;
using Kind = ms::ui::Verdict::Kind;
using ms::ui::SetupWizard;

// When no keychain service answers, the wizard says so and waits for the user to choose a key
// file; it never falls back by itself. Runs with a D-Bus address where nothing listens.
class TestWizardNoKeychain : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_configHome;
    QString m_noBus;
    const ms::RsaPrivateKey m_appKey =
        ms::RsaPrivateKey::fromText(readAll(fixture(u"app-private-key.xml"_s)));

private Q_SLOTS:
    void initTestCase()
    {
        m_configHome = m_dir.filePath(u"config"_s);
        qputenv("XDG_CONFIG_HOME", m_configHome.toUtf8());
        m_noBus = u"unix:path="_s + m_dir.filePath(u"no-such-bus"_s);
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_noBus.toUtf8());
    }

    void theUserMustChooseAKeyFileExplicitly()
    {
        SetupWizard wizard;
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        typeInto(wizard.environmentPage()->applicationIdEdit(), u"no-keychain-app"_s);
        next(wizard);
        choosePath(wizard.superOfficeCertificatePage()->pathEdit(),
                   fixture(u"SuperOfficeFederatedLogin.development.crt"_s));
        next(wizard);

        auto *key = wizard.applicationKeyPage();
        choosePath(key->keyPath(), fixture(u"app-private-key.xml"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!key->storage()->isProbing(), 30000);
        auto *storage = key->storage();
        QVERIFY(!storage->keychainAnswered());
        QCOMPARE(storage->status()->kind(), Kind::Refused);
        QVERIFY2(storage->status()->text().contains(u"No keychain service answered"_s),
                 qPrintable(storage->status()->text()));
        QVERIFY(storage->status()->text().contains(u"or choose a key file"_s));
        QVERIFY(!storage->keychainButton()->isEnabled());
        QVERIFY(!storage->keychainButton()->isChecked());
        QVERIFY(!storage->fileButton()->isChecked());
        QVERIFY(!canGoOn(wizard)); // nothing chosen: no silent fallback
        QVERIFY(screenshot(wizard, u"3b-no-keychain"_s));

        storage->fileButton()->click();
        QVERIFY(!canGoOn(wizard)); // a file, but which?
        const QString keyFile = m_dir.filePath(u"keys/application-key.pem"_s);
        QDir().mkpath(m_dir.filePath(u"keys"_s));
        choosePath(storage->filePath(), keyFile);
        QVERIFY(canGoOn(wizard));
        next(wizard);

        // HTTPS with a generated certificate: its key goes to a file next to the application key.
        auto *tls = wizard.endpointTlsPage();
        tls->generateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!tls->isGenerating(), 30000);
        QVERIFY(tls->tlsKeyFile()->isVisible());
        QCOMPARE(tls->tlsKeyFile()->path(), m_dir.filePath(u"keys/mirrorscope-tls-key.pem"_s));
        QVERIFY(canGoOn(wizard));
        next(wizard);

        auto *selfTest = wizard.selfTestPage();
        QTRY_VERIFY_WITH_TIMEOUT(!selfTest->isRunning(), 60000);
        QCOMPARE(selfTest->stepList()->count(), 4);
        QVERIFY2(selfTest->report().passed(true), qPrintable(selfTest->message()->text()));
        QVERIFY(screenshot(wizard, u"5b-self-test-tls"_s));
        next(wizard);

        QVERIFY(wizard.summaryPage()->summary()->text().contains(keyFile));
        QSignalSpy accepted(&wizard, &QDialog::accepted);
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 30000);

        ms::AppSettings settings;
        QCOMPARE(settings.applicationKeyRef(), u"file:"_s + keyFile);
        QCOMPARE(settings.tlsKeyRef(), u"file:"_s + tls->tlsKeyFile()->path());
        for (const QString &path : {keyFile, tls->tlsKeyFile()->path()}) {
            QCOMPARE(QFileInfo(path).permissions() &
                         (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther),
                     QFile::Permissions());
        }
        QCOMPARE(ms::RsaPrivateKey::fromText(readAll(keyFile)).publicKey(), m_appKey.publicKey());
        QCOMPARE(ms::Certificate::fromFile(settings.tlsCertificate()).sha256Fingerprint(),
                 wizard.state().tls().sha256Fingerprint());
        const QStringList hits = filesContaining(m_configHome, keyMaterialNeedles(m_appKey));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));

        const auto show = runMirrorscope(m_configHome, {u"keys"_s, u"show"_s}, m_noBus);
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains(u"in the file "_s + keyFile), qPrintable(show.out));
        QVERIFY(show.out.contains(u"plain HTTP"_s) == false);
    }
};

QTEST_MAIN(TestWizardNoKeychain)
#include "tst_wizardnokeychain.moc"
