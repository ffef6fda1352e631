#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace ms {
class QueryResultModel;
}

namespace ms::ui {

/// An SQL editor on a read-only connection to the tenant's mirror: Ctrl+Enter runs, results
/// in a grid, errors inline in red under the editor, a row limit and the time taken.
/// GUI thread; the model must outlive the pane.
class QueryPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryPane)
public:
    explicit QueryPane(QueryResultModel &model, QWidget *parent = nullptr);

    void setTenant(const QString &tenant);
    QString tenant() const { return m_tenant; }
    void run();
    /// Ctrl+Enter; for the window's menu.
    QAction *runAction() const { return m_runAction; }

    QString queryText() const;
    void setQueryText(const QString &text);
    int rowLimit() const;
    void setRowLimit(int limit);

    QPlainTextEdit *editor() const { return m_editor; }
    QTableView *view() const { return m_view; }
    QLabel *errorLabel() const { return m_error; }

private:
    void onFinished();
    void onRunningChanged(bool running);

    QueryResultModel &m_model;
    QString m_tenant;
    QAction *m_runAction;
    QPlainTextEdit *m_editor;
    QPushButton *m_runButton;
    QSpinBox *m_rowLimit;
    QLabel *m_error;
    QLabel *m_status;
    QTableView *m_view;
};

} // namespace ms::ui
