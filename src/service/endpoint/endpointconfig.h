#pragma once

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace ms {

/// What the mirroring service needs to answer calls: who it is (application id and key) and
/// whom it trusts (SuperOffice's certificates).
struct EndpointConfig
{
    QString applicationId;
    QList<Certificate> trustedCertificates;
    RsaPrivateKey applicationKey;
    std::chrono::seconds clockSkew{300};
    std::function<QDateTime()> clock; ///< empty = QDateTime::currentDateTimeUtc
};

} // namespace ms
