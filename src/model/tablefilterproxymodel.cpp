#include "tablefilterproxymodel.h"

#include "modelroles.h"

namespace ms {

TableFilterProxyModel::TableFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // SortRole carries numbers and times as such: "9" sorts before "10".
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TableFilterProxyModel::setNameFilter(const QString &text)
{
    if (text == m_nameFilter)
        return;
    m_nameFilter = text;
    invalidateFilter();
}

bool TableFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_nameFilter.isEmpty())
        return true;
    const QModelIndex name = sourceModel()->index(sourceRow, 0, sourceParent);
    return name.data(Qt::DisplayRole).toString().contains(m_nameFilter, Qt::CaseInsensitive);
}

} // namespace ms
