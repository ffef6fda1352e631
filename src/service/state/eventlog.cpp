#include "eventlog.h"

#include "service/common/error.h"
#include "service/common/logging.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr auto kSchema = R"(
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    tenant TEXT NOT NULL,
    severity INTEGER NOT NULL,
    operation TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    arguments TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS events_tenant ON events(tenant, id);
CREATE INDEX IF NOT EXISTS events_time ON events(time);
)";

// Trimming costs a count; doing it every few hundred appends keeps the bound loose but cheap.
constexpr qint64 kTrimInterval = 256;

QString argumentsToJson(const QStringList &arguments)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact));
}

QStringList argumentsFromJson(const QString &json)
{
    QStringList arguments;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        arguments.append(value.toString());
    return arguments;
}
} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Information:
        return u"Information"_s;
    case Severity::Warning:
        return u"Warning"_s;
    case Severity::Error:
        return u"Error"_s;
    }
    return {};
}

std::optional<Severity> severityFromName(QStringView name)
{
    for (Severity s : {Severity::Information, Severity::Warning, Severity::Error}) {
        if (name.compare(severityName(s), Qt::CaseInsensitive) == 0 ||
            (name.size() >= 4 && severityName(s).startsWith(name, Qt::CaseInsensitive)))
            return s;
    }
    return std::nullopt;
}

QString EventLog::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"mirrorscope-events.sqlite3"_s);
}

EventLog::EventLog(const QString &dataDir, qint64 maxEntries) : m_maxEntries(maxEntries)
{
    if (!QDir().mkpath(dataDir))
        throw serverError(u"Cannot create the data directory %1"_s.arg(dataDir));
    m_db = state::SqliteHandle::open(filePath(dataDir));
    m_db.exec(kSchema);
    addMessageCodeColumns();
}

void EventLog::addMessageCodeColumns()
{
    bool hasCode = false;
    {
        state::Statement columns(m_db, "SELECT name FROM pragma_table_info('events')");
        while (columns.step())
            hasCode = hasCode || columns.textAt(0) == u"code";
    }
    if (!hasCode) {
        m_db.exec("ALTER TABLE events ADD COLUMN code TEXT NOT NULL DEFAULT '';"
                  "ALTER TABLE events ADD COLUMN arguments TEXT NOT NULL DEFAULT '[]';");
    }
}

Event EventLog::append(Event event)
{
    if (!event.time.isValid())
        event.time = QDateTime::currentDateTimeUtc();
    QMutexLocker lock(&m_mutex);
    try {
        state::Statement insert(m_db, "INSERT INTO events(time, tenant, severity, operation, "
                                      "message, details, code, arguments) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, event.time.toMSecsSinceEpoch());
        insert.bind(2, event.tenant);
        insert.bind(3, qint64(event.severity));
        insert.bind(4, event.operation);
        insert.bind(5, event.message);
        insert.bind(6, event.details);
        insert.bind(7, event.code);
        insert.bind(8, argumentsToJson(event.arguments));
        insert.step();
        event.id = sqlite3_last_insert_rowid(m_db.get());
        if (++m_appendsSinceTrim >= kTrimInterval)
            trimIfNeeded();
    } catch (const ms::Error &e) {
        qCWarning(lcState) << "Could not write to the event log:" << e.message();
    }
    return event;
}

Event EventLog::append(const QString &tenant, Severity severity, const QString &operation,
                       const EventMessage &message, const QString &details)
{
    return append(Event{0,
                        {},
                        tenant,
                        severity,
                        operation,
                        message.text,
                        details,
                        message.code,
                        message.arguments});
}

void EventLog::trimIfNeeded()
{
    m_appendsSinceTrim = 0;
    state::Statement trim(m_db, "DELETE FROM events WHERE id <= (SELECT max(id) FROM events) - ?");
    trim.bind(1, m_maxEntries);
    trim.step();
}

QList<Event> EventLog::query(const EventQuery &query) const
{
    QString sql =
        u"SELECT id, time, tenant, severity, operation, message, details, code, arguments "
        "FROM events "
        "WHERE severity >= ?1"_s;
    if (!query.tenant.isEmpty())
        sql += u" AND tenant = ?2"_s;
    if (query.since.isValid())
        sql += u" AND time >= ?3"_s;
    if (query.until.isValid())
        sql += u" AND time <= ?4"_s;
    if (!query.text.isEmpty())
        sql +=
            u" AND (instr(lower(message), lower(?5)) > 0 OR instr(lower(details), lower(?5)) > 0)"_s;
    if (query.beforeId > 0)
        sql += u" AND id < ?6"_s;
    sql += u" ORDER BY id DESC LIMIT ?7"_s;

    QMutexLocker lock(&m_mutex);
    QList<Event> events;
    state::Statement select(m_db, sql.toUtf8().constData());
    select.bind(1, qint64(query.minimumSeverity));
    if (!query.tenant.isEmpty())
        select.bind(2, query.tenant);
    if (query.since.isValid())
        select.bind(3, query.since.toMSecsSinceEpoch());
    if (query.until.isValid())
        select.bind(4, query.until.toMSecsSinceEpoch());
    if (!query.text.isEmpty())
        select.bind(5, query.text);
    if (query.beforeId > 0)
        select.bind(6, query.beforeId);
    select.bind(7, qint64(query.limit));
    while (select.step()) {
        Event e;
        e.id = select.int64At(0);
        e.time = QDateTime::fromMSecsSinceEpoch(select.int64At(1), Qt::UTC);
        e.tenant = select.textAt(2);
        e.severity = Severity(std::clamp<qint64>(select.int64At(3), 0, 2));
        e.operation = select.textAt(4);
        e.message = select.textAt(5);
        e.details = select.textAt(6);
        e.code = select.textAt(7);
        e.arguments = argumentsFromJson(select.textAt(8));
        events.append(std::move(e));
    }
    return events;
}

qint64 EventLog::count() const
{
    QMutexLocker lock(&m_mutex);
    state::Statement select(m_db, "SELECT count(*) FROM events");
    select.step();
    return select.int64At(0);
}

} // namespace ms
