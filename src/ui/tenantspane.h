#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace ms {
class TenantListModel;
}

namespace ms::ui {

/// The list of tenants (status, last cycle, outcome, tables, rows), sortable. Keeps the
/// selected tenant across refreshes. GUI thread; the model must outlive the pane.
class TenantsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantsPane)
public:
    explicit TenantsPane(TenantListModel &model, QWidget *parent = nullptr);

    QString currentTenant() const { return m_current; }
    /// Selects the tenant once it is listed (also after the next refresh); empty = the first.
    /// currentTenantChanged follows when the selection changes the shown tenant.
    void selectTenant(const QString &tenant);
    QTableView *view() const { return m_view; }
    /// A line above the list saying why the tenants cannot be read (the mirror database is
    /// unreachable, ...); empty hides it.
    void showProblem(const QString &message);
    QString problem() const;

Q_SIGNALS:
    void currentTenantChanged(const QString &tenant);

private:
    void onCurrentChanged();
    void restoreSelection();

    TenantListModel &m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_problem;
    QString m_current; ///< the chosen tenant, even while it is not listed (yet)
    QString m_emitted; ///< the tenant last announced by currentTenantChanged
    bool m_restoring = false;
};

} // namespace ms::ui
