#include "tablespane.h"

#include "model/tablefilterproxymodel.h"
#include "model/tablelistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

TablesPane::TablesPane(TableListModel &model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new TableFilterProxyModel(this)),
      m_title(new QLabel(this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this))
{
    setObjectName(u"tablesPane"_s);
    m_proxy->setSourceModel(&model);
    m_filter->setObjectName(u"tableFilter"_s);
    m_filter->setPlaceholderText(tr("Filter tables by name"));
    m_filter->setClearButtonEnabled(true);
    m_view->setObjectName(u"tablesView"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TableListModel::Table, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    updateTitle();

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TableFilterProxyModel::setNameFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TablesPane::onCurrentChanged);
    connect(&model, &TableListModel::refreshed, this, &TablesPane::onRefreshed);
    connect(&model, &TableListModel::refreshed, m_view, &QTableView::resizeColumnsToContents);
    connect(&model, &QAbstractItemModel::modelReset, this, &TablesPane::onRefreshed);
}

QStringList TablesPane::selectedTables() const
{
    QStringList tables;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        tables.append(m_model.summary(m_proxy->mapToSource(index).row()).table.tableName);
    tables.sort();
    return tables;
}

void TablesPane::selectTable(const QString &table)
{
    m_current = table;
    m_currentSchemaHash.clear();
    onRefreshed();
}

void TablesPane::onCurrentChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const TableSummary &summary = m_model.summary(m_proxy->mapToSource(current).row());
    if (summary.table.tableName == m_current && summary.table.schemaHash == m_currentSchemaHash)
        return;
    m_current = summary.table.tableName;
    m_currentSchemaHash = summary.table.schemaHash;
    Q_EMIT currentTableChanged(summary.table.schema);
}

void TablesPane::onRefreshed()
{
    updateTitle();
    const int row = m_current.isEmpty() ? -1 : m_model.rowOf(m_current);
    if (row < 0) {
        if (!m_current.isEmpty() && m_model.rowCount() > 0) {
            // The table is gone (dropped by a repopulate or the source).
            m_current.clear();
            m_currentSchemaHash.clear();
            Q_EMIT currentTableChanged({});
        }
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model.index(row, 0));
    if (index.isValid() && m_view->selectionModel()->currentIndex().row() != index.row()) {
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    }
    const TableSummary &summary = m_model.summary(row);
    if (summary.table.schemaHash != m_currentSchemaHash) {
        m_currentSchemaHash = summary.table.schemaHash;
        Q_EMIT currentTableChanged(summary.table.schema);
    }
}

void TablesPane::updateTitle()
{
    m_title->setText(m_model.tenant().isEmpty()
                         ? tr("<b>Tables</b>")
                         : tr("<b>Tables of %1</b> (%n table(s))", nullptr, m_model.rowCount())
                               .arg(m_model.tenant().toHtmlEscaped()));
}

} // namespace ms::ui
