#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace ms {

/// What the endpoint knows of a tenant besides its mirror: pause flag and cycle history.
struct TenantStatus
{
    enum class State { NeverCompleted, Receiving, Ok, Error, Paused };

    QString tenant;
    bool paused = false;
    QDateTime firstSeen;
    QDateTime lastCallAt;
    QString lastOperation;
    QDateTime cycleStartedAt;  ///< the last successful Authenticate
    QDateTime lastCompletedAt; ///< the last ReplicationCompleted
    QDateTime lastFailureAt;
    QString lastFailure;

    /// A cycle counts as receiving while its calls keep coming (within receivingWindowSecs).
    State stateAt(const QDateTime &now, int receivingWindowSecs = 60) const;
};

QString tenantStateName(TenantStatus::State state);

} // namespace ms

Q_DECLARE_METATYPE(ms::TenantStatus)
