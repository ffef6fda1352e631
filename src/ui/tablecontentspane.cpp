#include "tablecontentspane.h"

#include "filterheaderview.h"
#include "uiresources.h"

#include "model/csvexporter.h"
#include "model/tablecontentsmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

TableContentsPane::TableContentsPane(TableContentsModel &model, MirrorBackend &backend,
                                     QWidget *parent)
    : QWidget(parent), m_model(model), m_exporter(new CsvExporter(backend, this)),
      m_title(new QLabel(this)), m_status(new QLabel(this)),
      m_exportButton(new QPushButton(icon(u"export"_s), tr("Export CSV…"), this)),
      m_copyButton(new QPushButton(icon(u"copy"_s), tr("Copy"), this)),
      m_view(new QTableView(this)), m_header(new FilterHeaderView(m_view))
{
    setObjectName(u"tableContentsPane"_s);
    m_view->setObjectName(u"contentsView"_s);
    m_view->setHorizontalHeader(m_header);
    m_view->setModel(&model);
    m_view->setSortingEnabled(true);
    m_header->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_exportButton->setObjectName(u"exportCsvButton"_s);
    m_copyButton->setToolTip(tr("Copy the selected cells with their column names (Ctrl+C)"));
    m_status->setObjectName(u"contentsStatus"_s);

    auto *copy = new QAction(tr("Copy cells with headers"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(copy);
    connect(copy, &QAction::triggered, this, &TableContentsPane::copySelection);
    connect(m_copyButton, &QPushButton::clicked, this, &TableContentsPane::copySelection);
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportCsv(); });

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_copyButton);
    top->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view);
    layout->addWidget(m_status);

    connect(m_header, &FilterHeaderView::filterChanged, &model, &TableContentsModel::setFilter);
    connect(m_view->horizontalScrollBar(), &QScrollBar::valueChanged, m_header,
            &FilterHeaderView::placeEditors);
    connect(&model, &TableContentsModel::rowCountKnown, this, &TableContentsPane::updateStatus);
    connect(&model, &TableContentsModel::errorOccurred, this, &TableContentsPane::updateStatus);
    connect(&model, &QAbstractItemModel::dataChanged, this, &TableContentsPane::fitColumns);
    connect(m_exporter, &CsvExporter::finished, this, &TableContentsPane::onExportFinished);
    showTable({}, {});
}

TableContentsPane::~TableContentsPane() = default;

void TableContentsPane::showTable(const QString &tenant, const TableSchema &schema)
{
    m_model.setTable(tenant, schema);
    m_header->setFilterCount(m_model.columnCount());
    m_header->setSortIndicator(-1, Qt::AscendingOrder);
    m_columnsFitted = false;
    for (int column = 0; column < m_model.columnCount(); ++column) {
        const int label =
            fontMetrics().horizontalAdvance(m_model.headerData(column, Qt::Horizontal).toString());
        m_view->setColumnWidth(column, qBound(90, label + 36, 260));
    }
    const bool hasTable = !schema.tableName.isEmpty() && !tenant.isEmpty();
    m_title->setText(
        hasTable
            ? tr("<b>%1</b> in %2").arg(schema.tableName.toHtmlEscaped(), tenant.toHtmlEscaped())
            : tr("<b>Table contents</b> — select a table"));
    m_exportButton->setEnabled(hasTable);
    m_copyButton->setEnabled(hasTable);
    updateStatus();
}

void TableContentsPane::fitColumns()
{
    // Once per table, when the first rows are in: fit to what is visible, never to all rows.
    if (m_columnsFitted || m_model.rowCount() == 0)
        return;
    m_columnsFitted = true;
    m_header->setResizeContentsPrecision(40);
    for (int column = 0; column < m_model.columnCount(); ++column) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, qBound(70, m_view->columnWidth(column) + 8, 320));
    }
}

void TableContentsPane::updateStatus()
{
    if (!m_model.lastError().isEmpty()) {
        m_status->setStyleSheet(u"color: #c0392b"_s);
        m_status->setText(m_model.lastError());
        return;
    }
    m_status->setStyleSheet({});
    if (m_model.schema().tableName.isEmpty())
        m_status->clear();
    else if (!m_model.isCountKnown())
        m_status->setText(tr("Counting rows…"));
    else
        m_status->setText(tr("%n row(s)", nullptr, m_model.rowCount()) +
                          (m_model.pageQuery().filters.isEmpty() ? QString() : tr(" (filtered)")));
}

void TableContentsPane::copySelection()
{
    const QModelIndexList indexes = m_view->selectionModel()->selectedIndexes();
    if (indexes.isEmpty())
        return;
    QApplication::clipboard()->setText(m_model.copyText(indexes));
}

bool TableContentsPane::isExporting() const
{
    return m_exporter->isRunning();
}

void TableContentsPane::exportCsv(const QString &path)
{
    if (m_model.schema().tableName.isEmpty() || m_exporter->isRunning())
        return;
    QString target = path;
    if (target.isEmpty()) {
        const QString suggested =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' +
            m_model.schema().tableName + u".csv"_s;
        target = QFileDialog::getSaveFileName(
            this, tr("Export %1 as CSV").arg(m_model.schema().tableName), suggested,
            tr("CSV files (*.csv)"));
        if (target.isEmpty())
            return;
    }
    const qint64 total = m_model.isCountKnown() ? m_model.rowCount() : -1;
    if (!m_exporter->start(m_model.pageQuery(), target, total))
        return;
    m_progress = new QProgressDialog(tr("Exporting %1…").arg(m_model.schema().tableName),
                                     tr("Cancel"), 0, total > 0 ? 1000 : 0, this);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setWindowTitle(tr("Export CSV"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_exporter, &CsvExporter::cancel);
    connect(m_exporter, &CsvExporter::progress, m_progress, [this](qint64 done, qint64 all) {
        if (!m_progress)
            return;
        if (all > 0)
            m_progress->setValue(int(qMin<qint64>(1000, done * 1000 / all)));
        m_progress->setLabelText(tr("Exporting %1… %2 rows written")
                                     .arg(m_model.schema().tableName, QLocale().toString(done)));
    });
    m_exportButton->setEnabled(false);
}

void TableContentsPane::onExportFinished(bool ok, const QString &path, const QString &error)
{
    if (m_progress) {
        m_progress->disconnect(m_exporter);
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    m_exportButton->setEnabled(!m_model.schema().tableName.isEmpty());
    if (ok) {
        m_status->setStyleSheet({});
        m_status->setText(tr("Exported to %1").arg(path));
    } else {
        m_status->setStyleSheet(u"color: #c0392b"_s);
        m_status->setText(tr("Export failed: %1").arg(error));
    }
    Q_EMIT exportFinished(ok, path, error);
}

} // namespace ms::ui
