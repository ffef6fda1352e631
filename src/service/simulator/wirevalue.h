#pragma once

#include "simsqlite.h"

#include "service/common/protocoltypes.h"

#include <QVariant>

namespace ms {

class WireRowValues;

/// The <V> text of a stored source value (PROTOCOL.md, RowData): integers in decimal, doubles
/// as the shortest text that reads back to the same double, blobs in base64, text unchanged.
CellValue toWireValue(const QVariant &stored);
/// The same text for the statement's column, appended in UTF-8 without a QVariant or QString;
/// a text refers to the statement's row (see WireRowValues::appendTextView): the row must be
/// used before the statement steps on.
void appendWireValue(WireRowValues &row, const sim::SqliteStatement &statement, int column);

/// A short readable rendering of a stored value for difference reports.
QString describeValue(const QVariant &stored);

} // namespace ms
