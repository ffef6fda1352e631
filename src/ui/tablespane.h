#pragma once

#include "service/common/protocoltypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace ms {
class TableFilterProxyModel;
class TableListModel;
} // namespace ms

namespace ms::ui {

/// The selected tenant's tables (LSN, schema hash, rows, last change, last cycle's counts),
/// sortable and filtered by name. GUI thread; the model must outlive the pane.
class TablesPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablesPane)
public:
    explicit TablesPane(TableListModel &model, QWidget *parent = nullptr);

    /// The selected tables' names (empty when none is selected).
    QStringList selectedTables() const;
    QString currentTable() const { return m_current; }
    /// Selects the table once it is listed.
    void selectTable(const QString &table);
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    /// The current table changed, or its schema did (after a refresh). Empty schema: none.
    void currentTableChanged(const ms::TableSchema &schema);

private:
    void onCurrentChanged();
    void onRefreshed();
    void updateTitle();

    TableListModel &m_model;
    TableFilterProxyModel *m_proxy;
    QLabel *m_title;
    QLineEdit *m_filter;
    QTableView *m_view;
    QString m_current;
    QString m_currentSchemaHash;
};

} // namespace ms::ui
