#include "endpointsetup.h"

#include "service/cli/credentials.h"
#include "service/cli/serveoptions.h"
#include "service/common/error.h"
#include "service/settings/appsettings.h"
#include "service/settings/secretstore.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {

EndpointSetup withListen(const QString &listenText)
{
    EndpointSetup setup;
    setup.listenText = listenText;
    const auto [address, port] = cli::parseListenAddress(listenText);
    setup.http.address = address;
    setup.http.port = port;
    return setup;
}

} // namespace

EndpointSetup demoEndpointSetup(const QString &listenText)
{
    // One key per session: generating takes a moment, and the demo cycle must see the same key
    // across endpoint restarts.
    static const RsaPrivateKey sessionKey = RsaPrivateKey::generate(2048);
    EndpointSetup setup = withListen(listenText);
    setup.endpoint.applicationId = u"mirrorscope-demo"_s;
    setup.endpoint.applicationKey = sessionKey;
    setup.demoIdentity = true;
    return setup;
}

EndpointSetup loadEndpointSetup(AppSettings &settings, QString *warning)
{
    const QString listen = settings.listenAddress();
    if (!settings.setupCompleted())
        return demoEndpointSetup(listen);
    try {
        EndpointSetup setup = withListen(listen);
        setup.endpoint.applicationId = settings.applicationId();
        if (setup.endpoint.applicationId.isEmpty())
            throw clientError(u"no application id is saved"_s);
        const QStringList certificates = settings.superOfficeCertificates();
        for (const QString &path : certificates)
            setup.endpoint.trustedCertificates.append(Certificate::fromFile(path));
        if (settings.applicationKeyRef().isEmpty())
            throw clientError(u"no application key is saved"_s);
        setup.endpoint.applicationKey = RsaPrivateKey::fromText(
            cli::readSecret(settings.applicationKeyRef(), u"application key"_s));
        if (!settings.tlsCertificate().isEmpty()) {
            setup.http.tls = cli::serverTlsConfiguration(
                cli::readCredentialFile(settings.tlsCertificate(), u"TLS certificate"_s),
                cli::readSecret(settings.tlsKeyRef(), u"TLS key"_s));
        }
        return setup;
    } catch (const Error &e) {
        if (warning)
            *warning = e.message();
        return demoEndpointSetup(listen);
    }
}

} // namespace ms::ui
