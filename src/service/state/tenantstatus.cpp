#include "tenantstatus.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

TenantStatus::State TenantStatus::stateAt(const QDateTime &now, int receivingWindowSecs) const
{
    if (paused)
        return State::Paused;
    const bool cycleOpen = cycleStartedAt.isValid() &&
                           (!lastCompletedAt.isValid() || cycleStartedAt > lastCompletedAt);
    const bool failedSinceCompleted =
        lastFailureAt.isValid() && (!lastCompletedAt.isValid() || lastFailureAt > lastCompletedAt);
    if (cycleOpen && !failedSinceCompleted && lastCallAt.isValid() &&
        lastCallAt.secsTo(now) <= receivingWindowSecs)
        return State::Receiving;
    if (failedSinceCompleted)
        return State::Error;
    if (!lastCompletedAt.isValid())
        return State::NeverCompleted;
    return State::Ok;
}

QString tenantStateName(TenantStatus::State state)
{
    switch (state) {
    case TenantStatus::State::NeverCompleted:
        return u"never completed"_s;
    case TenantStatus::State::Receiving:
        return u"receiving"_s;
    case TenantStatus::State::Ok:
        return u"OK"_s;
    case TenantStatus::State::Error:
        return u"error"_s;
    case TenantStatus::State::Paused:
        return u"paused"_s;
    }
    return {};
}

} // namespace ms
