#include "serveoptions.h"

#include "commandsupport.h"
#include "credentials.h"

#include "service/common/error.h"
#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

void addServeOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {u"listen"_s,
         u"Address and port to listen on; port 0 picks a free one (default 127.0.0.1:8080)."_s,
         u"HOST:PORT"_s},
        {u"data-dir"_s, u"Directory of the mirrors and the event log."_s, u"DIR"_s},
        {u"app-id"_s, u"The application id (client_id) tokens must name in aud."_s, u"ID"_s},
        {u"superoffice-cert"_s, u"A trusted SuperOffice certificate (repeat during a rotation)."_s,
         u"PATH"_s},
        {u"app-key"_s, u"The application private key (RSA XML or PEM)."_s, u"PATH"_s},
        {u"tls-cert"_s, u"Serve HTTPS with this PEM certificate (chain)."_s, u"PEM"_s},
        {u"tls-key"_s, u"The PEM private key of --tls-cert."_s, u"PEM"_s},
        {u"max-body"_s, u"Largest request body accepted (default 67108864)."_s, u"BYTES"_s},
    });
    parser.addOption(databaseOption());
}

std::pair<QHostAddress, quint16> parseListenAddress(const QString &hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    if (colon <= 0)
        throw clientError(u"--listen wants HOST:PORT, got \"%1\""_s.arg(hostPort));
    QString host = hostPort.left(colon);
    bool ok = false;
    const uint port = hostPort.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        throw clientError(u"--listen: \"%1\" is not a port number"_s.arg(hostPort.mid(colon + 1)));
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host == u"localhost")
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        throw clientError(u"--listen: \"%1\" is not an IP address"_s.arg(host));
    return {address, quint16(port)};
}

ServeOptions resolveServeOptions(const QCommandLineParser &parser)
{
    AppSettings settings;
    ServeOptions options;
    options.dataDir = dataDirectory(parser);
    options.database = databaseTarget(parser, options.dataDir);

    options.listenText =
        parser.isSet(u"listen"_s) ? parser.value(u"listen"_s) : settings.listenAddress();
    const auto [address, port] = parseListenAddress(options.listenText);
    options.http.address = address;
    options.http.port = port;
    if (parser.isSet(u"max-body"_s)) {
        bool ok = false;
        options.http.maxBodySize = parser.value(u"max-body"_s).toLongLong(&ok);
        if (!ok || options.http.maxBodySize <= 0)
            throw clientError(u"--max-body wants a positive number of bytes"_s);
    }

    options.endpoint.applicationId =
        parser.isSet(u"app-id"_s) ? parser.value(u"app-id"_s) : settings.applicationId();
    if (options.endpoint.applicationId.isEmpty())
        throw clientError(u"no application id: pass --app-id or run the setup wizard"_s);

    const QStringList certPaths = parser.isSet(u"superoffice-cert"_s)
                                      ? parser.values(u"superoffice-cert"_s)
                                      : settings.superOfficeCertificates();
    if (certPaths.isEmpty())
        throw clientError(
            u"no SuperOffice certificate: pass --superoffice-cert or run the setup wizard"_s);
    for (const QString &path : certPaths)
        options.endpoint.trustedCertificates.append(Certificate::fromFile(path));

    QByteArray keyText;
    if (parser.isSet(u"app-key"_s))
        keyText = readCredentialFile(parser.value(u"app-key"_s), u"application key"_s);
    else if (!settings.applicationKeyRef().isEmpty())
        keyText = readSecret(settings.applicationKeyRef(), u"application key"_s);
    else
        throw clientError(u"no application key: pass --app-key or run the setup wizard"_s);
    options.endpoint.applicationKey = RsaPrivateKey::fromText(keyText);

    if (parser.isSet(u"tls-cert"_s) != parser.isSet(u"tls-key"_s))
        throw clientError(u"--tls-cert and --tls-key go together"_s);
    if (parser.isSet(u"tls-cert"_s)) {
        options.http.tls = serverTlsConfiguration(
            readCredentialFile(parser.value(u"tls-cert"_s), u"TLS certificate"_s),
            readCredentialFile(parser.value(u"tls-key"_s), u"TLS key"_s));
    } else if (!settings.tlsCertificate().isEmpty()) {
        options.http.tls = serverTlsConfiguration(
            readCredentialFile(settings.tlsCertificate(), u"TLS certificate"_s),
            readSecret(settings.tlsKeyRef(), u"TLS key"_s));
    }
    return options;
}

} // namespace ms::cli
