#pragma once

#include "environment.h"

#include "service/auth/certificate.h"

#include <QDateTime>
#include <QString>

// Validation of the wizard's inputs as free functions, so that tests call them directly and the
// pages only show their verdicts. All functions: any thread.
namespace ms::ui {

struct Verdict
{
    enum class Kind { Accepted, Warning, Refused };
    Kind kind = Kind::Refused;
    QString message; ///< for a person: what was found and, when not Accepted, what to do

    bool usable() const { return kind != Kind::Refused; }
};

/// Refuses a certificate that is expired or not yet valid at now, or whose key is not RSA;
/// warns when its thumbprint is not the known one of environment (naming the environment whose
/// certificate it is, if it is another's).
Verdict checkSuperOfficeCertificate(const Certificate &certificate, Environment environment,
                                    const QDateTime &now);

/// The application id (client_id) as the developer portal shows it: not empty, no spaces.
Verdict checkApplicationId(const QString &applicationId);

} // namespace ms::ui
