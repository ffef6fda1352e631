#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace ms {

/// One served mirroring call, for the window's live view (status bar, throughput chart,
/// tenant list). Small and copyable: it crosses threads through queued signals.
struct CallRecord
{
    QDateTime time; ///< UTC, when the answer was ready
    QString tenant; ///< empty when the token was refused
    QString operation; ///< "RowData", ...; empty when the request could not be parsed
    bool ok = false;
    qint64 rows = 0; ///< rows received (RowData)
    qint64 bytes = 0; ///< request body size
    qint64 durationUs = 0;
    QString error; ///< the fault's reason, or the token's refusal
};

} // namespace ms

Q_DECLARE_METATYPE(ms::CallRecord)
