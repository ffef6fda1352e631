#include "eventscommand.h"

#include "commandsupport.h"

#include "service/common/error.h"
#include "service/state/eventlog.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ms::cli {

int runEventsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Prints the event log of a data directory."_s);
    parser.addOptions({
        {u"data-dir"_s, u"Directory of the mirrors and the event log."_s, u"DIR"_s},
        {u"tenant"_s, u"Only this tenant's events."_s, u"CTX"_s},
        {u"severity"_s, u"Minimum severity: information, warning or error."_s, u"S"_s},
        {u"limit"_s, u"At most this many of the newest events (default 1000)."_s, u"N"_s},
        {u"json"_s, u"A JSON array instead of text lines."_s},
    });
    int exitCode = 0;
    if (!parseCommand(parser, arguments, &exitCode))
        return exitCode;

    const QString dir = dataDirectory(parser);
    if (!QFileInfo::exists(EventLog::filePath(dir)))
        return fail(u"events"_s, u"no event log in %1"_s.arg(QDir::toNativeSeparators(dir)));

    EventQuery query;
    query.tenant = parser.value(u"tenant"_s);
    if (parser.isSet(u"severity"_s)) {
        const auto severity = severityFromName(parser.value(u"severity"_s));
        if (!severity)
            return fail(u"events"_s, u"--severity wants information, warning or error"_s, 2);
        query.minimumSeverity = *severity;
    }
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        query.limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || query.limit <= 0)
            return fail(u"events"_s, u"--limit wants a positive number"_s, 2);
    }

    try {
        const EventLog log(dir);
        QList<Event> events = log.query(query);
        std::reverse(events.begin(), events.end()); // oldest first reads like a log
        if (parser.isSet(u"json"_s)) {
            QJsonArray array;
            for (const Event &e : std::as_const(events)) {
                array.append(QJsonObject{
                    {u"id"_s, e.id},
                    {u"time"_s, e.time.toString(Qt::ISODateWithMs)},
                    {u"tenant"_s, e.tenant},
                    {u"severity"_s, severityName(e.severity)},
                    {u"operation"_s, e.operation},
                    {u"message"_s, e.message},
                    {u"details"_s, e.details},
                    // Scripts match on the stable code, not on the English wording.
                    {u"code"_s, e.code},
                    {u"arguments"_s, QJsonArray::fromStringList(e.arguments)},
                });
            }
            printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        } else {
            QString text;
            for (const Event &e : std::as_const(events)) {
                text += u"%1  %2  %3  %4  %5\n"_s.arg(
                    e.time.toString(Qt::ISODate), e.tenant.isEmpty() ? u"-"_s : e.tenant,
                    severityName(e.severity).leftJustified(11), e.operation, e.message);
            }
            printOut(text);
        }
    } catch (const ms::Error &e) {
        return fail(u"events"_s, e.message());
    }
    return 0;
}

} // namespace ms::cli
