#include "certificatecheck.h"

#include "service/common/error.h"

#include <QCoreApplication>
#include <QLocale>

namespace ms::ui {

namespace {
// Translated in the context ms::ui::CertificateCheck; the macro lets lupdate see that context (a
// free CertificateCheckText::tr() wrapper filed its strings under the namespace, where the running
// program never looked).
class CertificateCheckText
{
    Q_DECLARE_TR_FUNCTIONS(ms::ui::CertificateCheck)
};

QString dateText(const QDateTime &time)
{
    return QLocale().toString(time.toUTC(), QLocale::ShortFormat) + QStringLiteral(" UTC");
}
} // namespace

Verdict checkSuperOfficeCertificate(const Certificate &certificate, Environment environment,
                                    const QDateTime &now)
{
    using Kind = Verdict::Kind;
    if (certificate.isNull())
        return {Kind::Refused, CertificateCheckText::tr("No certificate is loaded.")};
    if (certificate.isExpiredAt(now)) {
        return {Kind::Refused,
                CertificateCheckText::tr(
                    "This certificate expired on %1. Tokens signed by SuperOffice today cannot be "
                    "checked with it: download the current certificate of %2.")
                    .arg(dateText(certificate.notAfter()), environmentTitle(environment))};
    }
    if (certificate.notBefore() > now) {
        return {Kind::Refused, CertificateCheckText::tr(
                                   "This certificate is valid only from %1; check the computer's "
                                   "clock or use the current certificate.")
                                   .arg(dateText(certificate.notBefore()))};
    }
    try {
        (void)certificate.publicKey();
    } catch (const ms::Error &e) {
        return {Kind::Refused, e.message()};
    }
    const QString thumbprint = certificate.sha1Thumbprint();
    if (thumbprint == knownThumbprint(environment)) {
        return {Kind::Accepted,
                CertificateCheckText::tr("This is SuperOffice's known certificate for %1.")
                    .arg(environmentTitle(environment))};
    }
    for (Environment other : allEnvironments()) {
        if (thumbprint == knownThumbprint(other)) {
            return {Kind::Warning,
                    CertificateCheckText::tr(
                        "This is SuperOffice's certificate for %1, but you chose %2 on the first "
                        "page: tokens from %2 will be refused. Go back and change the environment, "
                        "or import the certificate of %2.")
                        .arg(environmentTitle(other), environmentTitle(environment))};
        }
    }
    return {Kind::Warning,
            CertificateCheckText::tr(
                "The thumbprint %1 is not the known one of %2 (%3). Use this certificate only if "
                "SuperOffice announced a new one.")
                .arg(thumbprint, environmentTitle(environment), knownThumbprint(environment))};
}

Verdict checkApplicationId(const QString &applicationId)
{
    using Kind = Verdict::Kind;
    if (applicationId.trimmed().isEmpty())
        return {Kind::Refused, CertificateCheckText::tr("Enter the application id (client_id).")};
    for (QChar c : applicationId) {
        if (c.isSpace()) {
            return {
                Kind::Refused,
                CertificateCheckText::tr(
                    "The application id has no spaces; copy it again from the developer portal.")};
        }
    }
    return {Kind::Accepted, {}};
}

} // namespace ms::ui
