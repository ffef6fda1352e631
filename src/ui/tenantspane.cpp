#include "tenantspane.h"

#include "model/modelroles.h"
#include "model/tenantlistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

TenantsPane::TenantsPane(TenantListModel &model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)), m_problem(new QLabel(this))
{
    setObjectName(u"tenantsPane"_s);
    m_proxy->setSourceModel(&model);
    m_proxy->setSortRole(SortRole);
    m_view->setObjectName(u"tenantsView"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TenantListModel::Tenant, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    auto *title = new QLabel(tr("<b>Tenants</b>"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    m_problem->setObjectName(u"tenantsProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(u"QLabel { color: #8a1c1c; background: #fdecea; padding: 4px; }"_s);
    m_problem->hide();
    layout->addWidget(m_problem);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TenantsPane::onCurrentChanged);
    connect(&model, &TenantListModel::refreshed, this, &TenantsPane::restoreSelection);
    // A handful of rows: fitting the columns to all of them is cheap.
    connect(&model, &TenantListModel::refreshed, m_view, &QTableView::resizeColumnsToContents);
    connect(&model, &QAbstractItemModel::modelReset, this, &TenantsPane::restoreSelection);
    connect(&model, &QAbstractItemModel::rowsInserted, this, &TenantsPane::restoreSelection);
}

void TenantsPane::showProblem(const QString &message)
{
    m_problem->setText(message.isEmpty() ? QString()
                                         : tr("The mirrors cannot be read: %1").arg(message));
    m_problem->setVisible(!message.isEmpty());
}

QString TenantsPane::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void TenantsPane::selectTenant(const QString &tenant)
{
    m_current = tenant;
    restoreSelection();
}

void TenantsPane::onCurrentChanged()
{
    if (m_restoring)
        return;
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QString tenant =
        current.isValid() ? m_model.tenant(m_proxy->mapToSource(current).row()) : QString();
    if (tenant.isEmpty() || tenant == m_emitted)
        return;
    m_current = m_emitted = tenant;
    Q_EMIT currentTenantChanged(tenant);
}

void TenantsPane::restoreSelection()
{
    if (m_model.rowCount() == 0)
        return;
    int row = m_current.isEmpty() ? -1 : m_model.rowOf(m_current);
    // No choice yet (or the choice was cleared): the first tenant in the shown order.
    if (row < 0 && m_current.isEmpty())
        row = m_proxy->mapToSource(m_proxy->index(0, 0)).row();
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model.index(row, 0));
    if (m_view->selectionModel()->currentIndex().row() != index.row() ||
        !m_view->selectionModel()->isRowSelected(index.row(), {})) {
        m_restoring = true;
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        m_restoring = false;
    }
    m_current = m_model.tenant(row);
    if (m_current != m_emitted) {
        m_emitted = m_current;
        Q_EMIT currentTenantChanged(m_current);
    }
}

} // namespace ms::ui
