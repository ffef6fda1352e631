#include "eventlogpane.h"

#include "uiresources.h"

#include "model/eventfilterproxymodel.h"
#include "model/eventlogmodel.h"
#include "model/eventmessagetranslator.h"
#include "model/modelroles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
/// Maps the model's SeverityRole to an icon in the severity column.
class SeverityIconProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == EventLogModel::Severity) {
            const QVariant severity = QIdentityProxyModel::data(index, SeverityRole);
            if (severity.isValid())
                return severityIcon(static_cast<ms::Severity>(severity.toInt()));
        }
        return QIdentityProxyModel::data(index, role);
    }
};
} // namespace

EventLogPane::EventLogPane(EventLogModel &model, QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(new EventFilterProxyModel(this)),
      m_icons(new SeverityIconProxy(this)), m_tenant(new QComboBox(this)),
      m_severity(new QComboBox(this)), m_text(new QLineEdit(this)), m_view(new QTableView(this)),
      m_details(new QPlainTextEdit(this))
{
    setObjectName(u"eventLogPane"_s);
    m_filter->setSourceModel(&model);
    m_icons->setSourceModel(m_filter);

    m_tenant->setObjectName(u"eventTenantFilter"_s);
    m_tenant->addItem(tr("All tenants"), QString());
    m_tenant->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_severity->setObjectName(u"eventSeverityFilter"_s);
    m_severity->addItem(severityIcon(Severity::Information), tr("All severities"),
                        int(Severity::Information));
    m_severity->addItem(severityIcon(Severity::Warning), tr("Warnings and errors"),
                        int(Severity::Warning));
    m_severity->addItem(severityIcon(Severity::Error), tr("Errors only"), int(Severity::Error));
    m_text->setObjectName(u"eventTextFilter"_s);
    m_text->setPlaceholderText(tr("Search messages and details"));
    m_text->setClearButtonEnabled(true);

    m_view->setObjectName(u"eventView"_s);
    m_view->setModel(m_icons);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setColumnWidth(EventLogModel::Time,
                           fontMetrics().horizontalAdvance(u"2024-01-31 13:45:00.000"_s) + 16);
    m_view->setColumnWidth(EventLogModel::Tenant, 110);
    m_view->setColumnWidth(EventLogModel::Severity, 110);
    m_view->setColumnWidth(EventLogModel::Operation, 150);

    m_details->setObjectName(u"eventDetails"_s);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select an event to see its details"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Tenant:"), this));
    filters->addWidget(m_tenant);
    filters->addWidget(new QLabel(tr("Severity:"), this));
    filters->addWidget(m_severity);
    filters->addWidget(m_text, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"eventSplitter"_s);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(splitter);

    connect(m_tenant, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTenant(m_tenant->currentData().toString()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this, &EventLogPane::applySeverity);
    connect(m_text, &QLineEdit::textChanged, m_filter, &EventFilterProxyModel::setText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventLogPane::onCurrentChanged);
    // Follow the newest events while the user is at the end of the list.
    connect(m_icons, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        m_view->setProperty("followTail", bar->value() == bar->maximum());
    });
    connect(m_icons, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_view->property("followTail").toBool())
            m_view->scrollToBottom();
    });
}

void EventLogPane::setTenants(const QStringList &tenants)
{
    const QString current = m_tenant->currentData().toString();
    const QSignalBlocker block(m_tenant);
    while (m_tenant->count() > 1)
        m_tenant->removeItem(1);
    for (const QString &tenant : tenants)
        m_tenant->addItem(tenant, tenant);
    const int index = m_tenant->findData(current);
    m_tenant->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty())
        m_filter->setTenant({});
}

void EventLogPane::setTenantFilter(const QString &tenant)
{
    const int index = m_tenant->findData(tenant);
    if (index >= 0)
        m_tenant->setCurrentIndex(index);
}

void EventLogPane::applySeverity()
{
    m_filter->setMinimumSeverity(static_cast<Severity>(m_severity->currentData().toInt()));
}

void EventLogPane::onCurrentChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const QModelIndex source = m_filter->mapToSource(m_icons->mapToSource(current));
    const Event &event = m_model.event(source.row());
    QString text = tr("%1  %2  %3\nTenant: %4\nOperation: %5\n\n%6")
                       .arg(QLocale().toString(event.time.toLocalTime(), QLocale::LongFormat),
                            EventLogModel::severityTitle(event.severity), QString(),
                            event.tenant.isEmpty() ? tr("(none)") : event.tenant, event.operation,
                            EventMessageTranslator::translate(event));
    if (!event.details.isEmpty())
        text += u"\n\n"_s + event.details;
    m_details->setPlainText(text);
}

} // namespace ms::ui
