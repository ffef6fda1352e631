#pragma once

#include <QSortFilterProxyModel>

namespace ms {

/// Sorts TableListModel numerically (through ms::SortRole) and filters it by table name
/// (case-insensitive substring). GUI thread only.
class TableFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableFilterProxyModel)
public:
    explicit TableFilterProxyModel(QObject *parent = nullptr);
    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_nameFilter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_nameFilter;
};

} // namespace ms
