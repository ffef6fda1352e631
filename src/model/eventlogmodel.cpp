#include "eventlogmodel.h"

#include "eventmessagetranslator.h"
#include "modelroles.h"
#include "service/state/eventlog.h"

#include <QLocale>

#include <algorithm>

namespace ms {

EventLogModel::EventLogModel(EventLog &log, int cap, QObject *parent)
    : QAbstractTableModel(parent), m_log(log), m_cap(std::max(1, cap))
{}

void EventLogModel::reload()
{
    EventQuery query;
    query.limit = m_cap;
    QList<Event> events = m_log.query(query); // newest first
    std::reverse(events.begin(), events.end());
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

void EventLogModel::appendEvents(const QList<Event> &events)
{
    QList<Event> fresh;
    const qint64 newest = m_events.isEmpty() ? 0 : m_events.constLast().id;
    for (const Event &event : events) {
        if (event.id > newest)
            fresh.append(event);
    }
    if (fresh.isEmpty())
        return;
    std::sort(fresh.begin(), fresh.end(),
              [](const Event &a, const Event &b) { return a.id < b.id; });
    fresh.erase(std::unique(fresh.begin(), fresh.end(),
                            [](const Event &a, const Event &b) { return a.id == b.id; }),
                fresh.end());
    if (fresh.size() > m_cap)
        fresh.remove(0, fresh.size() - m_cap);
    // Trim first so that the model never holds more than cap rows, even for a moment.
    const qsizetype excess = m_events.size() + fresh.size() - m_cap;
    if (excess > 0) {
        beginRemoveRows({}, 0, int(excess - 1));
        m_events.remove(0, excess);
        endRemoveRows();
    }
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_events.append(fresh);
    endInsertRows();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::severityTitle(ms::Severity severity)
{
    switch (severity) {
    case ms::Severity::Information:
        return tr("Information");
    case ms::Severity::Warning:
        return tr("Warning");
    case ms::Severity::Error:
        return tr("Error");
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Time:
            return QLocale().toString(event.time.toLocalTime(), u"yyyy-MM-dd HH:mm:ss");
        case Tenant:
            return event.tenant;
        case Severity:
            return severityTitle(event.severity);
        case Operation:
            return event.operation;
        case Message:
            return EventMessageTranslator::translate(event);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Message && !event.details.isEmpty() ? event.details : QString();
    case SortRole:
        switch (Column(index.column())) {
        case Time:
            return event.id; // ids follow time, and stay ordered within one second
        case Severity:
            return int(event.severity);
        default:
            return data(index, Qt::DisplayRole);
        }
    case SeverityRole:
        return int(event.severity);
    case TenantRole:
        return event.tenant;
    case DetailsRole:
        return event.details;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Tenant:
        return tr("Tenant");
    case Severity:
        return tr("Severity");
    case Operation:
        return tr("Operation");
    case Message:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ms
