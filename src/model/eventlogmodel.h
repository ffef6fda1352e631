#pragma once

#include "service/state/event.h"

#include <QAbstractTableModel>

namespace ms {

class EventLog;

/// The event log, oldest first (row 0) and newest last: a snapshot of the newest entries, then
/// batches appended from the endpoint's eventLogged signals; beyond the cap the oldest rows are
/// removed. GUI thread only.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)
public:
    enum Column { Time, Tenant, Severity, Operation, Message, ColumnCount };
    static constexpr int DefaultCap = 10000;
    /// The severity as shown to a person, translated (severityName() stays English for logs).
    static QString severityTitle(ms::Severity severity);

    /// log must outlive the model; nothing is read before reload().
    explicit EventLogModel(EventLog &log, int cap = DefaultCap, QObject *parent = nullptr);

    /// Replaces the rows with the log's newest cap entries (synchronous: an indexed read).
    void reload();
    /// Appends events (in any order; sorted by id, ids already shown are skipped) and trims.
    void appendEvents(const QList<Event> &events);
    int cap() const { return m_cap; }
    /// row in [0, rowCount()).
    const Event &event(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    EventLog &m_log;
    int m_cap;
    QList<Event> m_events;
};

} // namespace ms
