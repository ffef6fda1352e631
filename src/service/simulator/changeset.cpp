#include "changeset.h"

#include <QHash>

#include <algorithm>

namespace ms {

QList<NetChange> netChanges(QList<ChangeLogEntry> entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const ChangeLogEntry &a, const ChangeLogEntry &b) { return a.lsn < b.lsn; });
    QList<NetChange> changes;
    QHash<QString, qsizetype> byKey;
    for (const ChangeLogEntry &entry : entries) {
        const auto it = byKey.constFind(entry.keyJson);
        if (it == byKey.constEnd()) {
            byKey.insert(entry.keyJson, changes.size());
            changes.append(NetChange{entry.keyJson, entry.operation, entry.lsn});
        } else {
            changes[*it].lastLsn = entry.lsn;
        }
    }
    // Oldest first means by the version of the state that is sent: the last change's LSN.
    std::sort(changes.begin(), changes.end(),
              [](const NetChange &a, const NetChange &b) { return a.lastLsn < b.lastLsn; });
    return changes;
}

RowOperation wireOperation(RowOperation firstOperation, bool rowExistsNow)
{
    if (!rowExistsNow)
        return RowOperation::Delete;
    if (firstOperation == RowOperation::Delete)
        return RowOperation::Insert;
    return firstOperation;
}

} // namespace ms
