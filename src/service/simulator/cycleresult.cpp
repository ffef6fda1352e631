#include "cycleresult.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

QString CycleResult::describe() const
{
    switch (outcome) {
    case Outcome::Completed:
        return u"completed"_s;
    case Outcome::DoNotReplicate:
        return u"skipped: the endpoint answered doNotReplicate"_s;
    case Outcome::Failed:
        break;
    }
    return u"failed: "_s + error;
}

} // namespace ms
