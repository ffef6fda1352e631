#pragma once

#include "service/common/protocoltypes.h"

#include <QVariant>

namespace ms {

/// The <V> text of a stored source value (PROTOCOL.md, RowData): integers in decimal, doubles
/// as the shortest text that reads back to the same double, blobs in base64, text unchanged.
CellValue toWireValue(const QVariant &stored);

/// A short readable rendering of a stored value for difference reports.
QString describeValue(const QVariant &stored);

} // namespace ms
