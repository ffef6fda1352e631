#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/common/error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::Literals::StringLiterals;

namespace {
QString fixturePath(const QString &name)
{
    return QStringLiteral(MIRRORSCOPE_FIXTURES_DIR "/") + name;
}

QByteArray fixture(const QString &name)
{
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// DER straight from OpenSSL, independent of Certificate::toDer.
QByteArray pemToDer(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    unsigned char *der = nullptr;
    const int length = cert ? i2d_X509(cert, &der) : -1;
    X509_free(cert);
    if (length <= 0)
        qFatal("OpenSSL could not convert the fixture to DER");
    QByteArray result(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return result;
}

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}
} // namespace

class TestCertificate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void load_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("thumbprint");
        QTest::addColumn<QString>("commonName");
        QTest::newRow("DevNet") << u"DevNet.crt"_s << u"B0AD4C0BFD8913B8040F3E8AD16A91F585222C33"_s
                                << u"DX"_s;
        QTest::newRow("development") << u"SuperOfficeFederatedLogin.development.crt"_s
                                     << u"16B7FB8C3F9AB06885A800C64E64C97C4AB5E98C"_s
                                     << u"SuperOffice Online Development Federated Login"_s;
        QTest::newRow("stage") << u"SuperOfficeFederatedLogin.stage.crt"_s
                               << u"484903A7732B928C7980A39D38E947EA119F1089"_s
                               << u"SuperOffice Online Stage Federated Login"_s;
        QTest::newRow("production") << u"SuperOfficeFederatedLogin.production.crt"_s
                                    << u"60B61583DBB2B7EEC46FD01EC0056E62451D61F3"_s
                                    << u"SuperOffice Online Production Federated Login"_s;
    }
    void load()
    {
        QFETCH(QString, file);
        QFETCH(QString, thumbprint);
        QFETCH(QString, commonName);
        const QByteArray pem = fixture(file);
        const auto fromPem = ms::Certificate::fromData(pem);
        const auto fromDer = ms::Certificate::fromData(pemToDer(pem));
        const auto fromFile = ms::Certificate::fromFile(fixturePath(file));
        QCOMPARE(fromPem.sha1Thumbprint(), thumbprint);
        QCOMPARE(fromDer.sha1Thumbprint(), thumbprint);
        QCOMPARE(fromFile.sha1Thumbprint(), thumbprint);
        QCOMPARE(fromPem.commonName(), commonName);
        QVERIFY(
            fromPem.subject().startsWith(u"emailAddress=sdk@superoffice.com,CN="_s + commonName));
        QCOMPARE(fromDer, fromPem);
        QCOMPARE(fromPem.toDer(), pemToDer(pem));
        QCOMPARE(ms::Certificate::fromData(fromPem.toPem()), fromPem);
        QCOMPARE(fromPem.publicKey().bits(), 2048);
        QCOMPARE(fromPem.sha256Fingerprint().size(), 64);
    }

    void devNetDetails()
    {
        const auto cert = ms::Certificate::fromData(fixture(u"DevNet.crt"_s));
        QCOMPARE(cert.notBefore(), utc("2021-12-13T20:33:02"));
        QCOMPARE(cert.notAfter(), utc("2022-12-13T20:33:02"));
        QCOMPARE(cert.notAfter().timeSpec(), Qt::UTC);
        QVERIFY(!cert.isExpiredAt(utc("2021-12-16T07:40:00")));
        QVERIFY(cert.isExpiredAt(utc("2022-12-13T20:33:03")));
        QVERIFY(!cert.isValidAt(utc("2021-12-13T20:33:01")));
        QVERIFY(cert.isValidAt(utc("2021-12-13T20:33:02")));
        // openssl x509 -in DevNet.crt -noout -fingerprint -sha256
        QCOMPARE(
            cert.sha256Fingerprint(),
            u"628071888056 8CEBC071D33312C1704CB671CFD4E2B31614112A7964BD8A4CCD"_s.remove(u' '));
        QCOMPARE(cert.issuer(), cert.subject()); // DevNet's certificate is self-signed
        QVERIFY(cert.subject().contains(u"O=SuperOffice DevNet"_s));
    }

    void errors()
    {
        try {
            ms::Certificate::fromFile(u"/nonexistent/dir/superoffice.crt"_s);
            QFAIL("accepted a missing file");
        } catch (const ms::Error &e) {
            QVERIFY2(e.message().contains(u"/nonexistent/dir/superoffice.crt"_s),
                     qPrintable(e.message()));
        }
        QTemporaryDir dir;
        const QString damaged = dir.filePath(u"damaged.crt"_s);
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fixture(u"DevNet.crt"_s).left(600) + "\n-----END CERTIFICATE-----\n");
        file.close();
        try {
            ms::Certificate::fromFile(damaged);
            QFAIL("accepted a damaged file");
        } catch (const ms::Error &e) {
            QVERIFY2(e.message().startsWith(damaged + u": "_s), qPrintable(e.message()));
            QVERIFY(e.message().contains(u"cannot be read"_s));
        }
        auto messageOf = [](const QByteArray &data) {
            try {
                ms::Certificate::fromData(data);
            } catch (const ms::Error &e) {
                return e.message();
            }
            return QString();
        };
        QVERIFY(messageOf(fixture(u"DevNet.key"_s)).contains(u"private key, not a certificate"_s));
        QVERIFY(messageOf("garbage").contains(u"not a certificate"_s));
        QVERIFY(messageOf("").contains(u"empty"_s));
        QVERIFY(messageOf(pemToDer(fixture(u"DevNet.crt"_s)).left(300))
                    .contains(u"not a certificate"_s));
    }

    void createSelfSigned()
    {
        const auto key = ms::RsaPrivateKey::fromText(fixture(u"app-private-key.pem"_s));
        const QStringList dns{u"localhost"_s, u"mirror.example.com"_s};
        const QStringList ips{u"127.0.0.1"_s, u"2001:db8::1"_s, u"::1"_s};
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const auto made =
            ms::Certificate::createSelfSigned(key, u"mirror.example.com"_s, dns, ips, 30);
        const auto cert = ms::Certificate::fromData(made.toPem());
        QCOMPARE(cert.commonName(), u"mirror.example.com"_s);
        QCOMPARE(cert.subject(), u"CN=mirror.example.com"_s);
        QCOMPARE(cert.issuer(), cert.subject());
        QCOMPARE(cert.dnsNames(), dns);
        QCOMPARE(cert.ipAddresses(), ips);
        QCOMPARE(cert.publicKey(), key.publicKey());
        QVERIFY(cert.isValidAt(before));
        QVERIFY(qAbs(cert.notAfter().secsTo(before.addDays(30))) < 120);
        QVERIFY(cert.isExpiredAt(before.addDays(31)));
        QCOMPARE(X509_verify(cert.handle(), key.publicKey().handle()), 1); // truly self-signed
        QCOMPARE(X509_get_version(cert.handle()), long(X509_VERSION_3));
        QVERIFY(made.sha1Thumbprint() !=
                ms::Certificate::createSelfSigned(key, u"mirror.example.com"_s, dns, ips, 30)
                    .sha1Thumbprint()); // fresh serial each time

        QVERIFY_THROWS_EXCEPTION(
            ms::Error, ms::Certificate::createSelfSigned(key, u"h"_s, {}, {u"300.1.1.1"_s}, 30));
        QVERIFY_THROWS_EXCEPTION(
            ms::Error, ms::Certificate::createSelfSigned(key, u"h"_s, {}, {u"fe80::1%eth0"_s}, 30));
        QVERIFY_THROWS_EXCEPTION(ms::Error,
                                 ms::Certificate::createSelfSigned(key, u" "_s, {}, {}, 30));
        QVERIFY_THROWS_EXCEPTION(ms::Error,
                                 ms::Certificate::createSelfSigned(key, u"h"_s, {}, {}, 0));
        QVERIFY_THROWS_EXCEPTION(
            ms::Error, ms::Certificate::createSelfSigned(ms::RsaPrivateKey(), u"h"_s, {}, {}, 1));
    }

    void withoutAltNames()
    {
        const auto key = ms::RsaPrivateKey::fromText(fixture(u"app-private-key.pem"_s));
        const auto cert = ms::Certificate::createSelfSigned(key, u"only-cn"_s, {}, {}, 1);
        QVERIFY(cert.dnsNames().isEmpty());
        QVERIFY(cert.ipAddresses().isEmpty());
        QVERIFY(ms::Certificate().isNull());
        QVERIFY(ms::Certificate().sha1Thumbprint().isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestCertificate)
#include "tst_certificate.moc"
