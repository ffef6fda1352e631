#pragma once

#include "event.h"
#include "eventmessage.h"
#include "sqlitehandle.h"

#include <QList>
#include <QMutex>

namespace ms {

/// The persistent event log of a data directory (file mirrorscope-events.sqlite3), bounded to
/// maxEntries (the oldest are trimmed). Thread-safe: every method may be called from any thread.
class EventLog final
{
public:
    static constexpr qint64 DefaultMaxEntries = 200000;

    /// Opens or creates the log in dataDir; throws ms::Error(Server).
    explicit EventLog(const QString &dataDir, qint64 maxEntries = DefaultMaxEntries);
    Q_DISABLE_COPY_MOVE(EventLog)

    static QString filePath(const QString &dataDir);

    /// Stores the event (time defaults to now) and returns it with its id. Never throws: a
    /// failing log must not fail a mirroring call; the failure is logged instead.
    Event append(Event event);
    Event append(const QString &tenant, Severity severity, const QString &operation,
                 const EventMessage &message, const QString &details = {});

    /// Newest first.
    QList<Event> query(const EventQuery &query) const;
    qint64 count() const;

private:
    void trimIfNeeded();
    /// Logs written before message codes existed lack the code and arguments columns.
    void addMessageCodeColumns();

    mutable QMutex m_mutex;
    state::SqliteHandle m_db;
    qint64 m_maxEntries;
    qint64 m_appendsSinceTrim = 0;
};

} // namespace ms
