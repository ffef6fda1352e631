#pragma once

#include "service/common/protocoltypes.h"

#include <QList>
#include <QString>

// How the task turns the source's change log into what it sends: each changed row once,
// in its final state, with its first operation (PROTOCOL.md, RowData).
namespace ms {

/// One line of the source's change log: which row (its key as a JSON array) changed how.
struct ChangeLogEntry
{
    qint64 lsn = 0;
    RowOperation operation = RowOperation::Insert;
    QString keyJson;
};

/// A row that changed after some LSN: its first operation and the LSN of its final state.
struct NetChange
{
    QString keyJson;
    RowOperation firstOperation = RowOperation::Insert;
    qint64 lastLsn = 0;
    bool operator==(const NetChange &) const = default;
};

/// Folds log entries (in any order) to one NetChange per key, oldest final state first.
QList<NetChange> netChanges(QList<ChangeLogEntry> entries);

/// The operation to send for a net change, given whether the row exists now.
/// A row that is gone goes as Delete whatever came first (an Insert of nothing is impossible,
/// and a Delete of a missing key is a no-op for the mirror); a row deleted and then inserted
/// again exists, so it goes as Insert (which replaces), never as a Delete of live data.
RowOperation wireOperation(RowOperation firstOperation, bool rowExistsNow);

} // namespace ms
