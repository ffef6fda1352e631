#pragma once

#include "service/state/event.h"

#include <QSortFilterProxyModel>

namespace ms {

/// Filters EventLogModel rows by tenant (empty = all), minimum severity and a case-insensitive
/// text found in the message, details or operation. GUI thread only.
class EventFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventFilterProxyModel)
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setTenant(const QString &tenant);
    void setMinimumSeverity(Severity severity);
    void setText(const QString &text);
    QString tenant() const { return m_tenant; }
    Severity minimumSeverity() const { return m_minimumSeverity; }
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_tenant;
    Severity m_minimumSeverity = Severity::Information;
    QString m_text;
};

} // namespace ms
