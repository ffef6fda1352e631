#include "querypane.h"

#include "uiresources.h"

#include "model/queryresultmodel.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

QueryPane::QueryPane(QueryResultModel &model, QWidget *parent)
    : QWidget(parent), m_model(model),
      m_runAction(new QAction(icon(u"run-query"_s), tr("Run Query"), this)),
      m_editor(new QPlainTextEdit(this)), m_runButton(new QPushButton(this)),
      m_rowLimit(new QSpinBox(this)), m_error(new QLabel(this)), m_status(new QLabel(this)),
      m_view(new QTableView(this))
{
    setObjectName(u"queryPane"_s);
    m_runAction->setObjectName(u"actionRunQuery"_s);
    m_runAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_runAction->setToolTip(tr("Run the query on a read-only connection (Ctrl+Enter)"));
    addAction(m_runAction);
    connect(m_runAction, &QAction::triggered, this, &QueryPane::run);

    m_editor->setObjectName(u"queryEditor"_s);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("select * from contact"));
    m_editor->setTabChangesFocus(false);
    m_runButton->setObjectName(u"runQueryButton"_s);
    m_runButton->setText(tr("Run"));
    m_runButton->setIcon(m_runAction->icon());
    m_runButton->setToolTip(m_runAction->toolTip());
    connect(m_runButton, &QPushButton::clicked, this, &QueryPane::run);
    m_rowLimit->setObjectName(u"rowLimit"_s);
    m_rowLimit->setRange(1, 1000000);
    m_rowLimit->setGroupSeparatorShown(true);
    m_rowLimit->setValue(QueryResultModel::DefaultRowLimit);
    m_rowLimit->setToolTip(tr("The most rows the query shows"));
    m_error->setObjectName(u"queryError"_s);
    m_error->setStyleSheet(u"color: #c0392b"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_status->setObjectName(u"queryStatus"_s);
    m_view->setObjectName(u"queryResultView"_s);
    m_view->setModel(&model);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_runButton);
    controls->addWidget(new QLabel(tr("Row limit:"), this));
    controls->addWidget(m_rowLimit);
    controls->addStretch(1);
    controls->addWidget(m_status);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_editor);
    topLayout->addLayout(controls);
    topLayout->addWidget(m_error);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"querySplitter"_s);
    splitter->addWidget(top);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(&model, &QueryResultModel::finished, this, &QueryPane::onFinished);
    connect(&model, &QueryResultModel::runningChanged, this, &QueryPane::onRunningChanged);
    setTenant({});
}

void QueryPane::setTenant(const QString &tenant)
{
    m_tenant = tenant;
    m_runAction->setEnabled(!tenant.isEmpty());
    m_runButton->setEnabled(!tenant.isEmpty());
    m_status->setText(tenant.isEmpty()
                          ? tr("Select a tenant to query its mirror")
                          : tr("Read-only connection to the mirror of %1").arg(tenant));
}

QString QueryPane::queryText() const
{
    return m_editor->toPlainText();
}

void QueryPane::setQueryText(const QString &text)
{
    m_editor->setPlainText(text);
}

int QueryPane::rowLimit() const
{
    return m_rowLimit->value();
}

void QueryPane::setRowLimit(int limit)
{
    m_rowLimit->setValue(limit);
}

void QueryPane::run()
{
    const QString sql =
        m_editor->textCursor().hasSelection()
            ? m_editor->textCursor().selectedText().replace(QChar::ParagraphSeparator, u'\n')
            : m_editor->toPlainText();
    if (m_tenant.isEmpty() || sql.trimmed().isEmpty())
        return;
    m_error->hide();
    m_model.run(m_tenant, sql, m_rowLimit->value());
}

void QueryPane::onRunningChanged(bool running)
{
    m_runButton->setEnabled(!running && !m_tenant.isEmpty());
    if (running)
        m_status->setText(tr("Running…"));
}

void QueryPane::onFinished()
{
    const double ms = double(m_model.elapsed().count()) / 1000.0;
    const QString took = QLocale().toString(ms, 'f', ms < 10 ? 2 : 0);
    if (!m_model.error().isEmpty()) {
        m_error->setText(m_model.error());
        m_error->show();
        m_status->setText(tr("Failed after %1 ms").arg(took));
        return;
    }
    m_error->hide();
    const int rows = m_model.rowCount();
    m_status->setText(m_model.isTruncated()
                          ? tr("First %n row(s) (the row limit) in %1 ms", nullptr, rows).arg(took)
                          : tr("%n row(s) in %1 ms", nullptr, rows).arg(took));
    m_view->resizeColumnsToContents();
    for (int column = 0; column < m_model.columnCount(); ++column)
        m_view->setColumnWidth(column, qMin(m_view->columnWidth(column), 320));
}

} // namespace ms::ui
