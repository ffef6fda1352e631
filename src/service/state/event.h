#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms {

enum class Severity { Information = 0, Warning = 1, Error = 2 };
QString severityName(Severity severity);
std::optional<Severity> severityFromName(QStringView name); // case-insensitive

/// One entry of the event log: small, copyable, safe to send through queued signals.
struct Event
{
    qint64 id = 0;  ///< assigned by the log; increasing
    QDateTime time; ///< UTC
    QString tenant; ///< empty when the call could not be tied to a tenant (bad token, bad XML)
    Severity severity = Severity::Information;
    QString operation; ///< "RowData", "Invalidate", "Token", ...
    QString message;   ///< one line for the list, in English (logs, --json, older readers)
    QString details;   ///< multi-line details for the detail view
    /// The message's code in the catalogue of eventmessage.h and its arguments, from which the
    /// window shows the message translated; empty in events written before codes existed.
    QString code;
    QStringList arguments;
};

struct EventQuery
{
    QString tenant; ///< empty = all tenants
    Severity minimumSeverity = Severity::Information;
    QDateTime since;     ///< invalid = no bound
    QDateTime until;     ///< invalid = no bound
    QString text;        ///< substring of message or details, case-insensitive; empty = any
    qint64 beforeId = 0; ///< > 0: only entries older than this id (paging backwards)
    int limit = 1000;
};

} // namespace ms

Q_DECLARE_METATYPE(ms::Event)
