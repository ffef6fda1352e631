#include "processsupport.h"
#include "wizardtestsupport.h"

#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace wizardtest;

// `mirrorscope keys` against the real Secret Service (scripts/test.sh): import, then a restart
// (another process) loads the key from the keychain, and the configuration holds no key.
class TestKeysCommand : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_configHome;
    const ms::RsaPrivateKey m_appKey =
        ms::RsaPrivateKey::fromText(readAll(fixture(u"app-private-key.xml"_s)));

private Q_SLOTS:
    void initTestCase()
    {
        m_configHome = m_dir.filePath(u"config"_s);
        qputenv("XDG_CONFIG_HOME", m_configHome.toUtf8());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session: run under scripts/test.sh, which starts gnome-keyring.");
        const auto probe = ms::SecretStore::probeKeychain();
        QVERIFY2(probe.ok,
                 qPrintable(u"A D-Bus session is there but the keychain does not answer: "_s +
                            probe.error));
    }

    void importPutsTheKeyInTheKeychain()
    {
        const auto imported = runMirrorscope(
            m_configHome, {u"keys"_s, u"import-app-key"_s, fixture(u"app-private-key.xml"_s)});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(u"stored in the OS keychain"_s), qPrintable(imported.out));
        QVERIFY(imported.out.contains(m_appKey.publicKey().fingerprint()));
    }

    void aRestartedProcessLoadsItFromTheKeychain()
    {
        const auto show = runMirrorscope(m_configHome, {u"keys"_s, u"show"_s});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(
            show.out.contains(
                u"Application key:      in the OS keychain (service MirrorScope, entry application-key)"_s),
            qPrintable(show.out));

        // serve gets no --app-key: it has only the saved reference.
        ServeChild serve(m_configHome, m_dir.filePath(u"data"_s),
                         {u"--app-id"_s, u"123123123123123123"_s, u"--superoffice-cert"_s,
                          fixture(u"DevNet.crt"_s)});
        QVERIFY2(serve.url().isValid(), qPrintable(serve.line()));
        const auto devnetKey = ms::RsaPrivateKey::fromText(readAll(fixture(u"DevNet.key"_s)));
        const QString problem = authenticateRoundTrip(
            serve.url(), devnetKey, u"123123123123123123"_s,
            ms::RsaPublicKey::fromText(readAll(fixture(u"app-public-key.pem"_s))));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void theConfigurationHoldsOnlyAReference()
    {
        QVERIFY(QFileInfo::exists(m_configHome + u"/MirrorScope/MirrorScope.conf"_s));
        const QStringList hits = filesContaining(m_configHome, keyMaterialNeedles(m_appKey));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
        QVERIFY(!filesContaining(m_configHome, {"keychain:application-key"}).isEmpty());
    }

    void generateWritesThePublicKeyAndKeepsThePrivateOne()
    {
        const QString publicPath = m_dir.filePath(u"new-public.xml"_s);
        const auto generated = runMirrorscope(
            m_configHome, {u"keys"_s, u"generate-app-key"_s, u"--public-out"_s, publicPath});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        const auto publicKey = ms::RsaPublicKey::fromText(readAll(publicPath));
        QVERIFY(readAll(publicPath).startsWith("<RSAKeyValue>"));
        const auto stored =
            ms::SecretStore::read(ms::SecretStore::keychainRef(u"application-key"_s));
        QVERIFY2(stored.ok, qPrintable(stored.error));
        const auto privateKey = ms::RsaPrivateKey::fromText(stored.data);
        QCOMPARE(privateKey.publicKey(), publicKey);
        QCOMPARE(privateKey.bits(), 2048);
        const QStringList hits = filesContaining(m_configHome, keyMaterialNeedles(privateKey));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
    }

    void withoutAKeychainTheCommandSaysSoAndNamesTheAlternative()
    {
        const QString noBus = u"unix:path="_s + m_dir.filePath(u"no-such-bus"_s);
        const QString otherConfig = m_dir.filePath(u"config-nokeychain"_s);
        const auto refused = runMirrorscope(
            otherConfig, {u"keys"_s, u"import-app-key"_s, fixture(u"app-private-key.xml"_s)},
            noBus);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(u"--key-file"_s), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(otherConfig + u"/MirrorScope/MirrorScope.conf"_s));

        const QString keyFile = m_dir.filePath(u"chosen-key.pem"_s);
        const auto chosen =
            runMirrorscope(otherConfig,
                           {u"keys"_s, u"import-app-key"_s, fixture(u"app-private-key.xml"_s),
                            u"--key-file"_s, keyFile},
                           noBus);
        QVERIFY2(chosen.exitCode == 0, qPrintable(chosen.err));
        QCOMPARE(QFileInfo(keyFile).permissions() & 0x0077, QFile::Permissions());
        QCOMPARE(ms::RsaPrivateKey::fromText(readAll(keyFile)).publicKey(), m_appKey.publicKey());
    }
};

QTEST_GUILESS_MAIN(TestKeysCommand)
#include "tst_keyscommand.moc"
