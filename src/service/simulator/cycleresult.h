#pragma once

#include "service/common/protocoltypes.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ms {

/// What one cycle did to one table.
struct TableCycleOutcome
{
    QString tableName;
    SchemaChange schemaChange = SchemaChange::None; ///< as the endpoint answered TableSchema
    qint64 answeredLsn = -1;                        ///< the mirror's LSN before the cycle
    bool repopulated = false;                       ///< Wipe and every row, not just changes
    qint64 inserted = 0;                            ///< rows sent per operation
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 sentLsn = -1; ///< the LSN the table's last batch carried
};

/// The result of one Mirroring Task cycle. A plain value: safe to pass between threads.
struct CycleResult
{
    enum class Outcome {
        Completed,      ///< ReplicationCompleted was accepted
        DoNotReplicate, ///< the endpoint asked to skip this tenant (paused): a polite stop
        Failed,         ///< see error
    };
    Outcome outcome = Outcome::Failed;
    QString error; ///< why the cycle failed, for a person (names the call)
    QList<TableCycleOutcome> tables;
    qint64 calls = 0;
    qint64 bytesSent = 0;
    qint64 rowsSent = 0;
    double seconds = 0;

    bool failed() const { return outcome == Outcome::Failed; }
    /// "completed", "skipped (doNotReplicate)" or "failed: <error>".
    QString describe() const;
};

} // namespace ms

Q_DECLARE_METATYPE(ms::CycleResult)
