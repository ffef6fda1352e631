#include "keyscommand.h"

#include "commandsupport.h"

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/common/error.h"
#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

namespace {
constexpr auto kAppKeyEntry = "application-key";

QString storeApplicationKey(const RsaPrivateKey &key, const QString &keyFile)
{
    const QString ref = keyFile.isEmpty() ? SecretStore::keychainRef(QLatin1StringView(kAppKeyEntry))
                                          : SecretStore::fileRef(QFileInfo(keyFile).absoluteFilePath());
    const SecretStore::Result stored = SecretStore::write(ref, key.toPem());
    if (!stored.ok) {
        throw serverError(keyFile.isEmpty()
                              ? u"%1 Start a keychain service (e.g. gnome-keyring) or choose a key "
                                "file explicitly with --key-file PATH (kept with 0600 permissions)."_s.arg(stored.error)
                              : stored.error);
    }
    AppSettings settings;
    settings.setApplicationKeyRef(ref);
    settings.setApplicationKeyFingerprint(key.publicKey().fingerprint());
    return ref;
}

int importAppKey(const QCommandLineParser &parser)
{
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.size() != 1)
        return fail(u"keys import-app-key"_s, u"name exactly one key file (RSA XML or PEM)"_s, 2);
    QFile file(files.first());
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"keys import-app-key"_s, u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
    const RsaPrivateKey key = RsaPrivateKey::fromText(file.readAll());
    const QString ref = storeApplicationKey(key, parser.value(u"key-file"_s));
    printOut(u"Imported the application key (fingerprint %1); it is stored %2.\n"_s.arg(
        key.publicKey().fingerprint(), SecretStore::describe(ref)));
    return 0;
}

int generateAppKey(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"public-out"_s))
        return fail(u"keys generate-app-key"_s, u"--public-out FILE is required"_s, 2);
    const RsaPrivateKey key = RsaPrivateKey::generate(2048);
    const QString publicPath = parser.value(u"public-out"_s);
    const bool pem = publicPath.endsWith(u".pem"_s, Qt::CaseInsensitive);
    QFile out(publicPath);
    const QByteArray publicText = pem ? key.publicKey().toPem() : key.publicKey().toRsaXml().toUtf8();
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(publicText) != publicText.size())
        return fail(u"keys generate-app-key"_s, u"cannot write %1: %2"_s.arg(publicPath, out.errorString()));
    const QString ref = storeApplicationKey(key, parser.value(u"key-file"_s));
    printOut(u"Generated a 2048-bit application key (fingerprint %1), stored %2.\nPublic key (%3) "
             "written to %4: register it for your application in SuperOffice's developer portal.\n"_s
                 .arg(key.publicKey().fingerprint(), SecretStore::describe(ref),
                      pem ? u"PEM"_s : u"RSA XML"_s, publicPath));
    return 0;
}

int show()
{
    AppSettings settings;
    QString text;
    text += u"Environment:          %1\n"_s.arg(settings.environment());
    text += u"Application id:       %1\n"_s.arg(settings.applicationId().isEmpty() ? u"(not set)"_s
                                                                                  : settings.applicationId());
    const QStringList certs = settings.superOfficeCertificates();
    if (certs.isEmpty())
        text += u"SuperOffice certs:    (none)\n"_s;
    for (const QString &path : certs) {
        try {
            const Certificate cert = Certificate::fromFile(path);
            text += u"SuperOffice cert:     %1\n  thumbprint %2, valid until %3\n"_s.arg(
                path, cert.sha1Thumbprint(), cert.notAfter().toString(Qt::ISODate));
        } catch (const ms::Error &e) {
            text += u"SuperOffice cert:     %1\n  unreadable: %2\n"_s.arg(path, e.message());
        }
    }
    const QString keyRef = settings.applicationKeyRef();
    text += u"Application key:      %1\n"_s.arg(keyRef.isEmpty() ? u"(not set)"_s : SecretStore::describe(keyRef));
    if (!keyRef.isEmpty())
        text += u"  public key SHA-256 %1\n"_s.arg(settings.applicationKeyFingerprint());
    const QString tlsCert = settings.tlsCertificate();
    if (tlsCert.isEmpty()) {
        text += u"Endpoint TLS:         plain HTTP\n"_s;
    } else {
        try {
            const Certificate cert = Certificate::fromFile(tlsCert);
            text += u"Endpoint TLS:         %1\n  SHA-256 %2\n  key %3\n"_s.arg(
                tlsCert, cert.sha256Fingerprint(), SecretStore::describe(settings.tlsKeyRef()));
        } catch (const ms::Error &e) {
            text += u"Endpoint TLS:         %1\n  unreadable: %2\n"_s.arg(tlsCert, e.message());
        }
    }
    printOut(text);
    return 0;
}
} // namespace

int runKeysCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"import-app-key FILE | generate-app-key --public-out FILE | show"_s);
    parser.addOptions({
        {u"public-out"_s, u"generate-app-key: where to write the public key (.pem for PEM, else RSA XML)."_s,
         u"FILE"_s},
        {u"key-file"_s, u"Keep the private key in this file (0600) instead of the OS keychain."_s, u"PATH"_s},
    });
    parser.addPositionalArgument(u"action"_s, u"import-app-key, generate-app-key or show"_s);
    parser.addHelpOption();
    QStringList args = arguments;
    args.removeAt(1);
    if (!parser.parse(args))
        return fail(u"keys"_s, parser.errorText(), 2);
    if (parser.isSet(u"help"_s)) {
        printOut(parser.helpText());
        return 0;
    }
    const QString action = parser.positionalArguments().value(0);
    try {
        if (action == u"import-app-key")
            return importAppKey(parser);
        if (action == u"generate-app-key")
            return generateAppKey(parser);
        if (action == u"show")
            return show();
    } catch (const ms::Error &e) {
        return fail(u"keys "_s + action, e.message());
    }
    return fail(u"keys"_s, u"unknown action '%1': use import-app-key, generate-app-key or show"_s.arg(action), 2);
}

} // namespace ms::cli
