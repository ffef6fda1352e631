#include "eventfilterproxymodel.h"

#include "eventlogmodel.h"
#include "modelroles.h"

namespace ms {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void EventFilterProxyModel::setTenant(const QString &tenant)
{
    if (tenant == m_tenant)
        return;
    m_tenant = tenant;
    invalidateFilter();
}

void EventFilterProxyModel::setMinimumSeverity(Severity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateFilter();
}

void EventFilterProxyModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const auto cell = [&](int column, int role) {
        return model->index(sourceRow, column, sourceParent).data(role);
    };
    if (!m_tenant.isEmpty() && cell(EventLogModel::Tenant, TenantRole).toString() != m_tenant)
        return false;
    if (cell(EventLogModel::Severity, SeverityRole).toInt() < int(m_minimumSeverity))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString message = cell(EventLogModel::Message, Qt::DisplayRole).toString();
    const QString details = cell(EventLogModel::Message, DetailsRole).toString();
    const QString operation = cell(EventLogModel::Operation, Qt::DisplayRole).toString();
    return message.contains(m_text, Qt::CaseInsensitive) ||
           details.contains(m_text, Qt::CaseInsensitive) ||
           operation.contains(m_text, Qt::CaseInsensitive);
}

} // namespace ms
