#pragma once

// What a mirror holds, as the crash-consistency test compares it: per mirrored table (one with a
// metadata row) its recorded LSN and its rows, each value in its SQLite storage class.

#include "service/common/protocoltypes.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariant>

namespace ms {
class SourceDatabase;
}

namespace crashtest {

/// A row's values in schema column order: null QVariant, qint64, double, QString or QByteArray.
using Row = QList<QVariant>;

struct TableImage
{
    qint64 lsn = -1;
    QHash<QString, Row> rows; ///< by key text (see keyText)
};

struct MirrorImage
{
    QMap<QString, TableImage> tables;
};

/// The wire text of a row's key columns, joined: the same for a source row, a mirror row and the
/// key values of a RowData row, so the three can be matched.
QString keyText(const Row &row, const QList<qsizetype> &keyColumns);
QString keyText(const QList<ms::CellValue> &values, const QList<qsizetype> &keyColumns);
/// Positions of the primary key's columns in `columns`; throws ms::Error when one is missing.
QList<qsizetype> keyPositions(const ms::TableSchema &schema, const QStringList &columns);

/// Storage class and bytes equal (doubles compared as doubles, as the Verifier does).
bool sameRow(const Row &a, const Row &b);

/// Reads a mirror file without writing to it (SQLite read-only: a killed writer's WAL stays for
/// the next writer to recover). Tables not in `schemas` are read too, with the mirror's column
/// order, so that a stray table shows up as a difference. A missing file is an empty image.
MirrorImage readMirror(const QString &path, const QString &tenant,
                       const QHash<QString, ms::TableSchema> &schemas);

/// The source's current rows as a mirror would hold them, every table at the source's LSN.
MirrorImage readSource(ms::SourceDatabase &source);

/// Readable differences (at most `limit`); empty when the images are equal.
QStringList differences(const MirrorImage &expected, const MirrorImage &actual, int limit = 4);

} // namespace crashtest
