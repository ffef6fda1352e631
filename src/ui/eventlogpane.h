#pragma once

#include <QWidget>

class QComboBox;
class QIdentityProxyModel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace ms {
class EventFilterProxyModel;
class EventLogModel;
} // namespace ms

namespace ms::ui {

/// The event log: time, tenant, severity with an icon, operation, message; filters by tenant,
/// severity and text; the selected event's full details in a read-only view. Follows new
/// events while scrolled to the end. GUI thread; the model must outlive the pane.
class EventLogPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogPane)
public:
    explicit EventLogPane(EventLogModel &model, QWidget *parent = nullptr);

    /// The tenants offered by the tenant filter (the current choice is kept).
    void setTenants(const QStringList &tenants);
    void setTenantFilter(const QString &tenant);
    QTableView *view() const { return m_view; }
    QPlainTextEdit *detailsView() const { return m_details; }

private:
    void onCurrentChanged();
    void applySeverity();

    EventLogModel &m_model;
    EventFilterProxyModel *m_filter;
    QIdentityProxyModel *m_icons;
    QComboBox *m_tenant;
    QComboBox *m_severity;
    QLineEdit *m_text;
    QTableView *m_view;
    QPlainTextEdit *m_details;
};

} // namespace ms::ui
