#pragma once

// One call of the Mirroring Task as the crash-consistency test tracks it, and what applying it
// does to a mirror (PROTOCOL.md): the model the killed mirror is compared with.

#include "mirrorimage.h"

#include <QByteArray>

namespace crashtest {

struct SentCall
{
    ms::SoapOperation operation = ms::SoapOperation::Authenticate;
    QStringList schemaTables;    ///< TableSchema: the tables it names
    QString wipedTable;          ///< Wipe
    QList<ms::RowBatch> batches; ///< RowData

    qint64 rowCount() const;
    /// "RowData #12 (2 batches, 57 rows)", for the test's log and failure messages.
    QString describe(qint64 number) const;
};

/// Parses the envelope the task is about to send; throws ms::Error on a malformed one.
SentCall parseCall(ms::SoapOperation operation, const QByteArray &envelope);

/// Applies the call to `image` as the endpoint does when it commits it: TableSchema creates the
/// tables it names (empty, LSN -1) and drops those it lacks, Wipe empties a table (LSN -1), and
/// RowData upserts or deletes by key and records each batch's LSN. The rows an Insert or Update
/// stores are the source's (`source`: its state during the cycle), which is what the task sent.
/// Throws ms::Error when the call names a row or table the model cannot account for.
void applyCall(MirrorImage &image, const SentCall &call, const MirrorImage &source,
               const QHash<QString, ms::TableSchema> &schemas);

/// The keys of `table` that the call's batches insert, update or delete.
QStringList keysSentFor(const SentCall &call, const QString &table,
                        const QHash<QString, ms::TableSchema> &schemas);

} // namespace crashtest
