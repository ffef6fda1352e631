#pragma once

#include "service/common/protocoltypes.h"

#include <QWidget>

class QLabel;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace ms {
class CsvExporter;
class MirrorBackend;
class TableContentsModel;
} // namespace ms

namespace ms::ui {

class FilterHeaderView;

/// The selected table's rows: lazy model, a debounced filter per column, sort by header click,
/// NULL shown in grey italics, Ctrl+C copies the selected cells with headers, CSV export with a
/// cancellable progress dialog. GUI thread; model and backend must outlive the pane.
class TableContentsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableContentsPane)
public:
    TableContentsPane(TableContentsModel &model, MirrorBackend &backend, QWidget *parent = nullptr);
    ~TableContentsPane() override;

    /// Shows the table (empty schema: nothing).
    void showTable(const QString &tenant, const TableSchema &schema);
    void copySelection();
    /// Exports what is shown (order and filters) to path; an empty path asks for one.
    /// Progress in a dialog; exportFinished follows.
    void exportCsv(const QString &path = {});
    bool isExporting() const;

    QTableView *view() const { return m_view; }
    FilterHeaderView *filterHeader() const { return m_header; }

Q_SIGNALS:
    void exportFinished(bool ok, const QString &path, const QString &error);

private:
    void updateStatus();
    void onExportFinished(bool ok, const QString &path, const QString &error);
    void fitColumns();

    TableContentsModel &m_model;
    CsvExporter *m_exporter;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_exportButton;
    QPushButton *m_copyButton;
    QTableView *m_view;
    FilterHeaderView *m_header;
    QProgressDialog *m_progress = nullptr;
    bool m_columnsFitted = false;
};

} // namespace ms::ui
