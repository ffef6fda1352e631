#include "wizardtestsupport.h"

#include "ui/wizard/applicationkeycheck.h"
#include "ui/wizard/certificatecheck.h"
#include "ui/wizard/environment.h"
#include "ui/wizard/tlsmaterial.h"

#include "service/auth/rsapublickey.h"
#include "service/common/error.h"

#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace wizardtest;
using ms::ui::Environment;
using Kind = ms::ui::Verdict::Kind;

Q_DECLARE_METATYPE(ms::ui::Environment)

class TestWizardChecks : public QObject
{
    Q_OBJECT
private:
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    ms::RsaPrivateKey m_key = ms::RsaPrivateKey::generate(2048);

private Q_SLOTS:
    void environmentKeysRoundTrip()
    {
        for (Environment environment : ms::ui::allEnvironments()) {
            QCOMPARE(ms::ui::environmentFromKey(ms::ui::environmentKey(environment)), environment);
            QCOMPARE(ms::ui::knownThumbprint(environment).size(), 40);
        }
        QVERIFY(!ms::ui::environmentFromKey(u"Production"_s).has_value());
        QCOMPARE(ms::ui::knownThumbprint(Environment::Production),
                 u"60B61583DBB2B7EEC46FD01EC0056E62451D61F3"_s);
    }

    void theKnownDevelopmentCertificateIsAcceptedForDevelopment()
    {
        const auto certificate =
            ms::Certificate::fromFile(fixture(u"SuperOfficeFederatedLogin.development.crt"_s));
        const auto verdict =
            ms::ui::checkSuperOfficeCertificate(certificate, Environment::Development, m_now);
        QCOMPARE(verdict.kind, Kind::Accepted);
        QVERIFY(verdict.message.contains(u"SOD (development)"_s));
    }

    void anotherEnvironmentsCertificateIsNamedInTheWarning()
    {
        const auto certificate =
            ms::Certificate::fromFile(fixture(u"SuperOfficeFederatedLogin.development.crt"_s));
        const auto verdict =
            ms::ui::checkSuperOfficeCertificate(certificate, Environment::Production, m_now);
        QCOMPARE(verdict.kind, Kind::Warning);
        QVERIFY2(verdict.message.contains(
                     u"certificate for SOD (development), but you chose Production"_s),
                 qPrintable(verdict.message));
    }

    void theStageAndProductionFixturesMatchTheirThumbprints()
    {
        // Expired fixtures are refused before the thumbprint matters; only check those still valid.
        for (auto [file, environment] :
             {std::pair{u"SuperOfficeFederatedLogin.stage.crt"_s, Environment::Stage},
              std::pair{u"SuperOfficeFederatedLogin.production.crt"_s, Environment::Production}}) {
            const auto certificate = ms::Certificate::fromFile(fixture(file));
            QCOMPARE(certificate.sha1Thumbprint(), ms::ui::knownThumbprint(environment));
            const auto verdict =
                ms::ui::checkSuperOfficeCertificate(certificate, environment, m_now);
            QCOMPARE(verdict.kind, certificate.isExpiredAt(m_now) ? Kind::Refused : Kind::Accepted);
        }
    }

    void anUnknownThumbprintWarnsWithBothThumbprints()
    {
        const auto certificate =
            ms::Certificate::fromData(certificatePem(m_key, u"Rotated"_s, -1, 365));
        const auto verdict =
            ms::ui::checkSuperOfficeCertificate(certificate, Environment::Stage, m_now);
        QCOMPARE(verdict.kind, Kind::Warning);
        QVERIFY(verdict.message.contains(certificate.sha1Thumbprint()));
        QVERIFY(verdict.message.contains(ms::ui::knownThumbprint(Environment::Stage)));
    }

    void anExpiredCertificateIsRefusedWithItsDate()
    {
        const auto generated = ms::Certificate::fromData(certificatePem(m_key, u"Old"_s, -400, -2));
        auto verdict =
            ms::ui::checkSuperOfficeCertificate(generated, Environment::Development, m_now);
        QCOMPARE(verdict.kind, Kind::Refused);
        QVERIFY2(verdict.message.startsWith(u"This certificate expired on "_s),
                 qPrintable(verdict.message));

        // DevNet.crt (the known-answer vector's certificate) ran out in December 2022.
        const auto devnet = ms::Certificate::fromFile(fixture(u"DevNet.crt"_s));
        verdict = ms::ui::checkSuperOfficeCertificate(devnet, Environment::Development, m_now);
        QCOMPARE(verdict.kind, Kind::Refused);
        QVERIFY(verdict.message.contains(u"expired"_s));
    }

    void aCertificateNotYetValidIsRefused()
    {
        const auto certificate =
            ms::Certificate::fromData(certificatePem(m_key, u"Future"_s, 10, 400));
        const auto verdict =
            ms::ui::checkSuperOfficeCertificate(certificate, Environment::Development, m_now);
        QCOMPARE(verdict.kind, Kind::Refused);
        QVERIFY(verdict.message.contains(u"valid only from"_s));
    }

    void applicationIds()
    {
        QCOMPARE(ms::ui::checkApplicationId(u"0123abc"_s).kind, Kind::Accepted);
        QCOMPARE(ms::ui::checkApplicationId(u"  "_s).kind, Kind::Refused);
        const auto spaced = ms::ui::checkApplicationId(u"0123 abc"_s);
        QCOMPARE(spaced.kind, Kind::Refused);
        QVERIFY(spaced.message.contains(u"no spaces"_s));
    }

    void theFixtureKeySignsAndVerifies()
    {
        const auto key = ms::ui::loadPrivateKeyFile(fixture(u"app-private-key.xml"_s));
        QCOMPARE(ms::ui::checkApplicationKey(key).kind, Kind::Accepted);
        const auto pem = ms::ui::loadPrivateKeyFile(fixture(u"app-private-key.pem"_s));
        QCOMPARE(pem.publicKey(), key.publicKey());
        QCOMPARE(ms::ui::checkApplicationKey(ms::RsaPrivateKey()).kind, Kind::Refused);
    }

    void aSmallKeyIsAWarning()
    {
        const auto verdict = ms::ui::checkApplicationKey(ms::RsaPrivateKey::generate(1024));
        QCOMPARE(verdict.kind, Kind::Warning);
        QVERIFY(verdict.message.contains(u"1024"_s));
    }

    void theRegisteredPublicKeyMustMatch()
    {
        const auto key = ms::ui::loadPrivateKeyFile(fixture(u"app-private-key.xml"_s));
        const auto registered = ms::ui::loadPublicKeyFile(fixture(u"app-public-key.xml"_s));
        QCOMPARE(ms::ui::checkRegisteredPublicKey(key, registered).kind, Kind::Accepted);
        const auto other = ms::ui::checkRegisteredPublicKey(m_key, registered);
        QCOMPARE(other.kind, Kind::Refused);
        QVERIFY2(other.message.startsWith(
                     u"This private key does not belong to the registered public key"_s),
                 qPrintable(other.message));
        QVERIFY(other.message.contains(registered.fingerprint()));
        QVERIFY(other.message.contains(m_key.publicKey().fingerprint()));
    }

    void aWrongFileNamesTheFileAndWhatItIs()
    {
        try {
            ms::ui::loadPrivateKeyFile(fixture(u"DevNet.crt"_s));
            QFAIL("a certificate loaded as a private key");
        } catch (const ms::Error &e) {
            QVERIFY2(e.message().startsWith(fixture(u"DevNet.crt"_s) +
                                            u": This is a certificate, not a private key"_s),
                     qPrintable(e.message()));
        }
        try {
            ms::ui::loadPrivateKeyFile(u"/nonexistent/key.xml"_s);
            QFAIL("a missing file loaded");
        } catch (const ms::Error &e) {
            QVERIFY2(e.message().startsWith(u"Cannot read /nonexistent/key.xml"_s),
                     qPrintable(e.message()));
        }
    }

    void aGeneratedTlsCertificateNamesLocalhostAndTheHost()
    {
        const auto material = ms::ui::generateSelfSignedTls(u"mirror-host.example"_s);
        QVERIFY(!material.isNull());
        const auto certificate = ms::Certificate::fromData(material.certificatePem());
        QCOMPARE(certificate.dnsNames(), (QStringList{u"localhost"_s, u"mirror-host.example"_s}));
        QCOMPARE(certificate.ipAddresses(), (QStringList{u"127.0.0.1"_s, u"::1"_s}));
        QCOMPARE(material.sha256Fingerprint(), certificate.sha256Fingerprint());
        QVERIFY(!material.serverConfiguration().privateKey().isNull());
        // A host name that is no DNS name is left out rather than failing the generation.
        const auto odd = ms::ui::generateSelfSignedTls(u"my_host"_s);
        QCOMPARE(ms::Certificate::fromData(odd.certificatePem()).dnsNames(),
                 QStringList{u"localhost"_s});
    }

    void aPemKeyThatIsNotTheCertificatesIsRefused()
    {
        const auto tls = ms::ui::generateSelfSignedTls(u"localhost"_s);
        QVERIFY(!ms::ui::tlsFromPem(tls.certificatePem(), tls.privateKeyPem).isNull());
        try {
            ms::ui::tlsFromPem(tls.certificatePem(), m_key.toPem());
            QFAIL("a mismatched key was accepted");
        } catch (const ms::Error &e) {
            QVERIFY2(
                e.message().startsWith(u"The private key does not belong to the certificate"_s),
                qPrintable(e.message()));
        }
        try {
            ms::ui::tlsFromPem(tls.certificatePem(),
                               "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED "
                               "PRIVATE KEY-----\n");
            QFAIL("an encrypted key was accepted");
        } catch (const ms::Error &e) {
            QVERIFY(e.message().contains(u"encrypted"_s));
        }
        try {
            ms::ui::tlsFromPem("not a certificate", tls.privateKeyPem);
            QFAIL("junk was accepted as a certificate");
        } catch (const ms::Error &e) {
            QVERIFY(e.message().contains(u"no PEM or DER certificate"_s));
        }
    }

    void pkcs12WithItsPassphrase()
    {
        const auto certificate =
            ms::Certificate::createSelfSigned(m_key, u"p12.example"_s, {u"p12.example"_s}, {}, 30);
        QTemporaryDir dir;
        const QString path =
            writeFile(dir.filePath(u"endpoint.p12"_s), pkcs12(certificate, m_key, "s3cret"));
        QVERIFY(ms::ui::isPkcs12Path(path));
        const auto material = ms::ui::loadTlsFiles(path, {}, u"s3cret"_s);
        QCOMPARE(material.sha256Fingerprint(), certificate.sha256Fingerprint());
        QCOMPARE(ms::RsaPrivateKey::fromText(material.privateKeyPem).publicKey(),
                 m_key.publicKey());
        try {
            ms::ui::loadTlsFiles(path, {}, u"wrong"_s);
            QFAIL("a wrong passphrase opened the bundle");
        } catch (const ms::Error &e) {
            QVERIFY(e.message().contains(u"passphrase is wrong"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestWizardChecks)
#include "tst_wizardchecks.moc"
