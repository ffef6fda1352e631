#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"
#include "service/common/error.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <openssl/encoder.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
// openssl pkey -pubin -in app-public-key.pem -outform DER | sha256sum
const QString kAppKeyFingerprint =
    u"a0ce660ea47a5bfda8dd93b61832718b4d586bc89b1c8d973fd3ccfb55c0d4ef"_s;

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(MIRRORSCOPE_FIXTURES_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

// Re-encodes with OpenSSL's own encoder, independent of the code under test.
QByteArray encodeWithOpenSsl(EVP_PKEY *key, int selection, const char *structure)
{
    std::unique_ptr<OSSL_ENCODER_CTX, decltype(&OSSL_ENCODER_CTX_free)> ctx(
        OSSL_ENCODER_CTX_new_for_pkey(key, selection, "PEM", structure, nullptr),
        OSSL_ENCODER_CTX_free);
    unsigned char *data = nullptr;
    size_t length = 0;
    if (!ctx || OSSL_ENCODER_to_data(ctx.get(), &data, &length) != 1)
        qFatal("OpenSSL encoder failed");
    QByteArray result(reinterpret_cast<const char *>(data), qsizetype(length));
    OPENSSL_free(data);
    return result;
}

// The fixture as a person might paste it: declaration, wrapper, indentation, wrapped numbers.
QByteArray prettyPrinted(const QByteArray &xml)
{
    QString text = QString::fromLatin1(xml.trimmed());
    text.replace(u"><"_s, u">\n    <"_s);
    static const QRegularExpression longBase64(u">([A-Za-z0-9+/=]{64,})<"_s);
    QString wrapped;
    qsizetype last = 0;
    for (const auto &m : longBase64.globalMatch(text)) {
        wrapped += text.mid(last, m.capturedStart(1) - last);
        const QString number = m.captured(1);
        for (qsizetype i = 0; i < number.size(); i += 64)
            wrapped += u"\n        "_s + number.mid(i, 64);
        wrapped += u"\n    "_s;
        last = m.capturedEnd(1);
    }
    wrapped += text.mid(last);
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<RSAKeyPair>\r\n  " + wrapped.toLatin1() +
           "\r\n</RSAKeyPair>\r\n";
}
} // namespace

class TestKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void xmlAndPemAreTheSameKey()
    {
        const auto fromXml = ms::RsaPrivateKey::fromText(fixture("app-private-key.xml"));
        const auto fromPem = ms::RsaPrivateKey::fromText(fixture("app-private-key.pem"));
        QCOMPARE(fromXml.bits(), 2048);
        QCOMPARE(fromXml.publicKey().fingerprint(), kAppKeyFingerprint);
        QCOMPARE(fromPem.publicKey().fingerprint(), kAppKeyFingerprint);
        QCOMPARE(ms::RsaPublicKey::fromText(fixture("app-public-key.xml")).fingerprint(),
                 kAppKeyFingerprint);
        QCOMPARE(ms::RsaPublicKey::fromText(fixture("app-public-key.pem")).fingerprint(),
                 kAppKeyFingerprint);
        // PKCS#1 v1.5 signatures are deterministic: the same key gives the same bytes.
        QCOMPARE(fromXml.sign("data"), fromPem.sign("data"));
    }

    void xmlVariants_data()
    {
        const QByteArray xml = fixture("app-private-key.xml").trimmed();
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("plain") << xml;
        QTest::newRow("RSAKeyPair") << "<RSAKeyPair>" + xml + "</RSAKeyPair>";
        QTest::newRow("pretty-printed") << prettyPrinted(xml);
        QTest::newRow("surrounding blank lines") << "\n\n  " + xml + "\n\t\n";
    }
    void xmlVariants()
    {
        QFETCH(QByteArray, text);
        const auto key = ms::RsaPrivateKey::fromText(text);
        QCOMPARE(key.publicKey().fingerprint(), kAppKeyFingerprint);
    }

    void pkcs1AndPkcs8Pem()
    {
        const auto reference = ms::RsaPrivateKey::fromText(fixture("app-private-key.pem"));
        const QByteArray pkcs1 =
            encodeWithOpenSsl(reference.handle(), EVP_PKEY_KEYPAIR, "type-specific");
        QVERIFY(pkcs1.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        const QByteArray pkcs8 =
            encodeWithOpenSsl(reference.handle(), EVP_PKEY_KEYPAIR, "PrivateKeyInfo");
        QVERIFY(pkcs8.startsWith("-----BEGIN PRIVATE KEY-----"));
        QCOMPARE(ms::RsaPrivateKey::fromText(pkcs1).publicKey().fingerprint(), kAppKeyFingerprint);
        QCOMPARE(ms::RsaPrivateKey::fromText(pkcs8).publicKey().fingerprint(), kAppKeyFingerprint);

        const QByteArray rsaPublic =
            encodeWithOpenSsl(reference.handle(), EVP_PKEY_PUBLIC_KEY, "type-specific");
        QVERIFY(rsaPublic.startsWith("-----BEGIN RSA PUBLIC KEY-----"));
        QCOMPARE(ms::RsaPublicKey::fromText(rsaPublic).fingerprint(), kAppKeyFingerprint);
    }

    void signaturesCrossFormats()
    {
        const QByteArray data = "9AB41493762B0C5B6E0F1AB35F032B95.202112160740";
        const auto xmlKey = ms::RsaPrivateKey::fromText(fixture("app-private-key.xml"));
        const auto pemKey = ms::RsaPrivateKey::fromText(fixture("app-private-key.pem"));
        const auto pemPublic = ms::RsaPublicKey::fromText(fixture("app-public-key.pem"));
        const auto xmlPublic = ms::RsaPublicKey::fromText(fixture("app-public-key.xml"));

        const QByteArray byXml = xmlKey.sign(data);
        QCOMPARE(byXml.size(), 256);
        QVERIFY(pemPublic.verify(data, byXml));
        QVERIFY(xmlPublic.verify(data, pemKey.sign(data)));

        QVERIFY(!pemPublic.verify(data + "x", byXml));
        QByteArray flipped = byXml;
        flipped[10] = char(flipped[10] ^ 1);
        QVERIFY(!pemPublic.verify(data, flipped));
        const auto devNet = ms::RsaPublicKey::fromText(fixture("DevNet.crt"));
        QVERIFY(!devNet.verify(data, byXml));
    }

    void publicKeyRoundTrips()
    {
        const auto key = ms::RsaPublicKey::fromText(fixture("app-public-key.pem"));
        QCOMPARE(key.toRsaXml().toLatin1(), fixture("app-public-key.xml").trimmed());
        QCOMPARE(key.toPem().trimmed(), fixture("app-public-key.pem").trimmed());
        QCOMPARE(ms::RsaPublicKey::fromText(key.toRsaXml().toLatin1()), key);
        QCOMPARE(ms::RsaPublicKey::fromText(key.toPem()), key);
        QVERIFY(fixture("app-public-key.xml")
                    .contains("<Modulus>" + key.modulusBase64() + "</Modulus>"));
    }

    void privateKeyRoundTrips()
    {
        const auto key = ms::RsaPrivateKey::fromText(fixture("app-private-key.xml"));
        const QString xml = key.toRsaXml();
        // .NET pads D to the modulus length (256 bytes -> 344 base64 characters); the fixture's
        // D has a leading zero byte dropped, so the output differs from it exactly there.
        static const QRegularExpression d(u"<D>([^<]*)</D>"_s);
        QCOMPARE(d.match(xml).captured(1).size(), 344);
        QVERIFY(xml.startsWith(u"<RSAKeyValue><Modulus>"_s));
        QVERIFY(xml.contains(u"</InverseQ><D>"_s));
        const auto fromXml = ms::RsaPrivateKey::fromText(xml.toLatin1());
        QCOMPARE(fromXml.sign("x"), key.sign("x"));
        QCOMPARE(fromXml.toRsaXml(), xml);

        const QByteArray pem = key.toPem();
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        QCOMPARE(pem.trimmed(), fixture("app-private-key.pem").trimmed());
        QCOMPARE(ms::RsaPrivateKey::fromText(pem).sign("x"), key.sign("x"));
    }

    void clearErrors_data()
    {
        const QByteArray xml = fixture("app-private-key.xml").trimmed();
        const QByteArray pem = fixture("app-private-key.pem");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated XML") << xml.left(xml.size() / 2) << u"incomplete"_s;
        QTest::newRow("XML missing a number")
            << QByteArray(xml).replace(
                   xml.mid(xml.indexOf("<DQ>"), xml.indexOf("</DQ>") + 5 - xml.indexOf("<DQ>")), "")
            << u"lacks <DQ>"_s;
        QTest::newRow("XML with a damaged number")
            << QByteArray(xml).replace("<Exponent>AQAB</Exponent>", "<Exponent>AQ!B</Exponent>")
            << u"<Exponent> is not valid base64"_s;
        QTest::newRow("XML with a wrong number")
            << QByteArray(xml).replace("<Exponent>AQAB</Exponent>", "<Exponent>Aw==</Exponent>")
            << u"inconsistent"_s;
        QTest::newRow("public XML") << fixture("app-public-key.xml") << u"public key"_s;
        QTest::newRow("truncated PEM") << pem.left(pem.size() / 2) << u"cannot be read"_s;
        QTest::newRow("PEM body cut") << pem.left(pem.size() / 2) + "\n-----END PRIVATE KEY-----\n"
                                      << u"cannot be read"_s;
        QTest::newRow("certificate")
            << fixture("DevNet.crt") << u"certificate, not a private key"_s;
        QTest::newRow("public PEM") << fixture("app-public-key.pem") << u"no private key"_s;
        QByteArray random(300, '\0');
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("random bytes") << random << u"not an RSA private key"_s;
        QTest::newRow("empty") << QByteArray("  \n") << u"No private key"_s;
    }
    void clearErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        try {
            ms::RsaPrivateKey::fromText(text);
            QFAIL("accepted");
        } catch (const ms::Error &e) {
            QCOMPARE(e.kind(), ms::Error::Kind::Client);
            QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
            // Never echo key material.
            QVERIFY(!e.message().contains(u"tEl7n3fB4R2S"_s));
            QVERIFY(!e.message().contains(u"MIIEvAIBADAN"_s));
        }
    }

    void publicKeyErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("private PEM") << fixture("app-private-key.pem") << u"private key"_s;
        QTest::newRow("truncated PEM")
            << fixture("app-public-key.pem").left(200) << u"cannot be read"_s;
        QTest::newRow("garbage") << QByteArray("hello") << u"not an RSA public key"_s;
        QTest::newRow("DER garbage")
            << QByteArray("\x30\x03\x01\x01\x00", 5) << u"not an RSA public key"_s;
    }
    void publicKeyErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, reason);
        try {
            ms::RsaPublicKey::fromText(text);
            QFAIL("accepted");
        } catch (const ms::Error &e) {
            QVERIFY2(e.message().contains(reason), qPrintable(e.message()));
        }
    }

    void publicKeyFromCertificate()
    {
        const auto fromText = ms::RsaPublicKey::fromText(fixture("DevNet.crt"));
        const auto fromCert = ms::Certificate::fromData(fixture("DevNet.crt")).publicKey();
        QVERIFY(!fromText.isNull());
        QCOMPARE(fromText, fromCert);
        QCOMPARE(fromText.fingerprint(),
                 u"fb041515033054d4cb22c55ef4c701800e59a603d1ec82476371cc9d3d4d4217"_s);
        const auto fromDer =
            ms::RsaPublicKey::fromText(ms::Certificate::fromData(fixture("DevNet.crt")).toDer());
        QCOMPARE(fromDer, fromText);
        QVERIFY(!(fromText == ms::RsaPublicKey::fromText(fixture("app-public-key.pem"))));
    }

    void publicKeyOfPrivateKeyHoldsNoSecret()
    {
        const auto key = ms::RsaPrivateKey::fromText(fixture("app-private-key.pem"));
        const auto pub = key.publicKey();
        QVERIFY(pub.handle() != key.handle());
        BIGNUM *d = nullptr;
        QCOMPARE(EVP_PKEY_get_bn_param(pub.handle(), "d", &d), 0);
        BN_free(d);
    }

    void generate()
    {
        const auto key = ms::RsaPrivateKey::generate();
        QCOMPARE(key.bits(), 2048);
        QVERIFY(key.publicKey().verify("abc", key.sign("abc")));
        QVERIFY(!key.publicKey().verify("abd", key.sign("abc")));
        QCOMPARE(ms::RsaPrivateKey::fromText(key.toRsaXml().toLatin1()).sign("abc"),
                 key.sign("abc"));
        QVERIFY(key.publicKey().fingerprint() != kAppKeyFingerprint);
        QVERIFY_THROWS_EXCEPTION(ms::Error, ms::RsaPrivateKey::generate(512));
    }

    void copiesShareTheKey()
    {
        const auto key = ms::RsaPrivateKey::fromText(fixture("app-private-key.pem"));
        ms::RsaPrivateKey copy = key;
        QCOMPARE(copy.handle(), key.handle());
        ms::RsaPrivateKey moved = std::move(copy);
        QVERIFY(copy.isNull());
        QCOMPARE(moved.sign("a"), key.sign("a"));
        QVERIFY(ms::RsaPublicKey().isNull());
        QVERIFY(!ms::RsaPublicKey().verify("a", "b"));
    }
};

QTEST_APPLESS_MAIN(TestKeys)
#include "tst_keys.moc"
