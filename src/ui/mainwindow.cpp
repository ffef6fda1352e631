#include "mainwindow.h"

#include "confirmer.h"
#include "databasedialog.h"
#include "democycle.h"
#include "endpointcontroller.h"
#include "endpointsetup.h"
#include "endpointstatusbar.h"
#include "eventlogpane.h"
#include "querypane.h"
#include "tablecontentspane.h"
#include "tablespane.h"
#include "tenantspane.h"
#include "uiresources.h"
#include "windowactions.h"
#include "windowsettings.h"
#include "wizard/setupwizard.h"

#include "model/eventlogmodel.h"
#include "model/queryresultmodel.h"
#include "model/tablecontentsmodel.h"
#include "model/tablelistmodel.h"
#include "model/tenantlistmodel.h"
#include "model/throughputmonitor.h"
#include "service/common/error.h"
#include "service/settings/appsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
// Calls that change what a mirror holds; the tables pane reloads after them.
bool changesMirror(const CallRecord &call)
{
    return call.ok && (call.operation == u"RowData" || call.operation == u"TableSchema" ||
                       call.operation == u"Wipe" || call.operation == u"ReplicationCompleted");
}
constexpr int TablesRefreshMs = 400;
constexpr int TenantsRefreshMs = 1000;
} // namespace

MainWindow::MainWindow(EndpointController &endpoint, Confirmer *confirmer, QWidget *parent)
    : QMainWindow(parent), m_endpoint(endpoint),
      m_ownConfirmer(confirmer ? nullptr : std::make_unique<MessageBoxConfirmer>(this)),
      m_confirmer(confirmer ? confirmer : m_ownConfirmer.get()),
      m_tenants(new TenantListModel(endpoint.registry(), endpoint.backend(), this)),
      m_tables(new TableListModel(endpoint.backend(), this)),
      m_contents(new TableContentsModel(endpoint.backend(), this)),
      m_query(new QueryResultModel(endpoint.backend(), this)),
      m_events(new EventLogModel(endpoint.events(), EventLogModel::DefaultCap, this)),
      m_throughput(new ThroughputMonitor(this)), m_actions(new WindowActions(this)),
      m_admin(new AdminActions(endpoint, *m_confirmer, this)),
      m_demo(new DemoCycle(endpoint, this)), m_tablesRefresh(new QTimer(this)),
      m_tenantsRefresh(new QTimer(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("MirrorScope"));
    setWindowIcon(appIcon());
    buildPanes();
    connectActions();

    m_tablesRefresh->setSingleShot(true);
    m_tablesRefresh->setInterval(TablesRefreshMs);
    connect(m_tablesRefresh, &QTimer::timeout, m_tables, &TableListModel::refresh);
    m_tenantsRefresh->setSingleShot(true);
    m_tenantsRefresh->setInterval(TenantsRefreshMs);
    connect(m_tenantsRefresh, &QTimer::timeout, m_tenants, &TenantListModel::refresh);

    connect(&endpoint, &EndpointController::callsArrived, this, &MainWindow::onCalls);
    connect(&endpoint, &EndpointController::eventsArrived, this, &MainWindow::onEvents);
    connect(&endpoint, &EndpointController::runningChanged, this, &MainWindow::updateActions);
    connect(m_tenants, &TenantListModel::refreshed, this, [this] {
        QStringList tenants;
        for (int row = 0; row < m_tenants->rowCount(); ++row)
            tenants.append(m_tenants->tenant(row));
        m_eventLogPane->setTenants(tenants);
        updateActions();
    });
    // A database that cannot be reached (a server down, a wrong password) is said plainly; the
    // window keeps running and the next refresh tries again.
    connect(m_tenants, &TenantListModel::errorOccurred, this, &MainWindow::showDatabaseProblem);
    connect(m_tenants, &TenantListModel::refreshed, m_tenantsPane,
            [this] { m_tenantsPane->showProblem({}); });
    connect(m_admin, &AdminActions::finished, this, &MainWindow::onAdminFinished);
    connect(m_demo, &DemoCycle::progress, m_statusBar, &EndpointStatusBar::showProgress);
    connect(m_demo, &DemoCycle::finished, this, [this](bool ok, const QString &message) {
        m_statusBar->hideProgress();
        m_statusBar->showNotice(message, 15000);
        if (ok)
            m_tenantsPane->selectTenant(DemoCycle::DemoTenant);
        refresh();
        updateActions();
    });

    m_events->reload();
    m_tenants->refresh();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanes()
{
    m_tenantsPane = new TenantsPane(*m_tenants, this);
    m_tablesPane = new TablesPane(*m_tables, this);
    m_contentsPane = new TableContentsPane(*m_contents, m_endpoint.backend(), this);
    m_queryPane = new QueryPane(*m_query, this);
    m_eventLogPane = new EventLogPane(*m_events, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"contentTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_contentsPane, icon(u"tenant"_s), tr("Table contents"));
    m_tabs->addTab(m_queryPane, icon(u"run-query"_s), tr("Query"));

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(u"rightSplitter"_s);
    m_rightSplitter->addWidget(m_tablesPane);
    m_rightSplitter->addWidget(m_tabs);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    m_rightSplitter->setSizes({260, 400});

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(u"mainSplitter"_s);
    m_mainSplitter->addWidget(m_tenantsPane);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({470, 900});
    setCentralWidget(m_mainSplitter);

    m_eventDock = new QDockWidget(tr("Event log"), this);
    m_eventDock->setObjectName(u"eventDock"_s);
    m_eventDock->setWidget(m_eventLogPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventDock);
    m_eventDock->toggleViewAction()->setShortcut(Qt::CTRL | Qt::ALT | Qt::Key_L);

    m_statusBar = new EndpointStatusBar(m_endpoint, *m_throughput, this);
    setStatusBar(m_statusBar);

    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize({20, 20});
    m_actions->populate(menuBar(), toolBar, m_eventDock->toggleViewAction(),
                        m_queryPane->runAction());
    resize(1280, 820);
}

void MainWindow::connectActions()
{
    WindowActions &a = *m_actions;
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.setup, &QAction::triggered, this, &MainWindow::openSetupWizard);
    connect(a.database, &QAction::triggered, this, &MainWindow::openDatabaseDialog);
    connect(a.startEndpoint, &QAction::triggered, this, &MainWindow::startEndpoint);
    connect(a.stopEndpoint, &QAction::triggered, &m_endpoint, &EndpointController::stop);
    connect(a.copyUrl, &QAction::triggered, this, [this] {
        if (m_endpoint.isRunning())
            QApplication::clipboard()->setText(m_endpoint.url().toString());
    });
    connect(a.demoCycle, &QAction::triggered, this, &MainWindow::runDemoCycle);
    connect(a.refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(a.invalidate, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Invalidate, true); });
    connect(a.invalidateAll, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Invalidate, false); });
    connect(a.repopulate, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Repopulate, true); });
    connect(a.repopulateAll, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Repopulate, false); });
    connect(a.pause, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Pause, false); });
    connect(a.resume, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Resume, false); });
    connect(a.deleteMirror, &QAction::triggered, this,
            [this] { runAdmin(AdminActions::Kind::Delete, false); });
    connect(a.exportCsv, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_contentsPane);
        m_contentsPane->exportCsv();
    });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.languages, &QActionGroup::triggered, this, &MainWindow::chooseLanguage);
    const QString language = AppSettings().language();
    for (QAction *action : a.languages->actions())
        action->setChecked(action->data().toString() == language);

    connect(m_tenantsPane, &TenantsPane::currentTenantChanged, this, &MainWindow::onTenantChanged);
    connect(m_tablesPane, &TablesPane::currentTableChanged, this,
            [this](const TableSchema &schema) {
                m_contentsPane->showTable(m_tables->tenant(), schema);
                updateActions();
            });
    connect(m_tablesPane->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
}

bool MainWindow::startEndpoint()
{
    AppSettings settings;
    QString warning;
    EndpointSetup setup;
    try {
        setup = loadEndpointSetup(settings, &warning);
    } catch (const Error &e) {
        m_endpoint.logEvent({}, Severity::Error, u"Endpoint"_s,
                            eventmessage::endpointSetupInvalid(e.message()));
        m_statusBar->showNotice(tr("The endpoint cannot start: %1").arg(e.message()));
        return false;
    }
    if (!warning.isEmpty()) {
        m_endpoint.logEvent({}, Severity::Warning, u"Endpoint"_s,
                            eventmessage::endpointSetupFallback(), warning);
    }
    const bool ok = m_endpoint.start(setup); // a failure is in the event log already
    updateActions();
    return ok;
}

void MainWindow::refresh()
{
    m_tenants->refresh();
    m_tables->refresh();
    m_events->reload();
}

bool MainWindow::runDemoCycle()
{
    if (m_demo->isRunning())
        return false;
    if (!m_endpoint.isRunning() && !startEndpoint()) {
        m_confirmer->reportFailure(
            tr("Run demo cycle"),
            tr("The endpoint is not running: %1").arg(m_endpoint.lastError()));
        return false;
    }
    const bool started = m_demo->start();
    updateActions();
    return started;
}

void MainWindow::openSetupWizard()
{
    WindowSettings().setSetupOffered(true);
    SetupWizard wizard(this);
    if (wizard.exec() == QDialog::Accepted)
        startEndpoint();
}

void MainWindow::openDatabaseDialog()
{
    DatabaseDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_statusBar->showNotice(tr("The mirror database changes at the next start."), 15000);
}

void MainWindow::showDatabaseProblem(const QString &message)
{
    m_tenantsPane->showProblem(message);
    m_statusBar->showNotice(tr("The mirror database cannot be read: %1").arg(message));
}

void MainWindow::onTenantChanged(const QString &tenant)
{
    m_tables->setTenant(tenant);
    m_contentsPane->showTable({}, {});
    m_queryPane->setTenant(tenant);
    updateActions();
}

void MainWindow::onCalls(const QList<CallRecord> &calls)
{
    bool currentChanged = false;
    for (const CallRecord &call : calls) {
        m_tenants->noteCall(call);
        m_throughput->noteCall(call);
        if (changesMirror(call) && call.tenant == m_tables->tenant())
            currentChanged = true;
        // A new tenant, or the end of a cycle, changes the tenant list's rows.
        if (call.ok &&
            (m_tenants->rowOf(call.tenant) < 0 || call.operation == u"ReplicationCompleted"))
            m_tenantsRefresh->start();
    }
    if (currentChanged && !m_tablesRefresh->isActive())
        m_tablesRefresh->start();
}

void MainWindow::onEvents(const QList<Event> &events)
{
    m_events->appendEvents(events);
}

void MainWindow::runAdmin(AdminActions::Kind kind, bool selectedTablesOnly)
{
    const QString tenant = m_tenantsPane->currentTenant();
    if (tenant.isEmpty())
        return;
    const QStringList tables = selectedTablesOnly ? m_tablesPane->selectedTables() : QStringList();
    if (m_admin->run(kind, tenant, tables)) {
        m_statusBar->showProgress(tr("%1 of %2…").arg(AdminActions::title(kind), tenant), 0, 0);
        updateActions();
    }
}

void MainWindow::onAdminFinished(AdminActions::Kind kind, const QString &tenant, bool ok,
                                 const QString &message)
{
    m_statusBar->hideProgress();
    if (!ok) {
        m_confirmer->reportFailure(AdminActions::title(kind), message);
    } else {
        m_statusBar->showNotice(tr("%1 of %2 done").arg(AdminActions::title(kind), tenant), 10000);
    }
    if (ok && kind == AdminActions::Kind::Delete) {
        m_tenantsPane->selectTenant({});
        onTenantChanged({});
    }
    refresh();
    updateActions();
}

void MainWindow::updateActions()
{
    const WindowActions &a = *m_actions;
    const QString tenant = m_tenantsPane->currentTenant();
    const int row = tenant.isEmpty() ? -1 : m_tenants->rowOf(tenant);
    const bool hasTenant = row >= 0;
    const bool paused = hasTenant && m_tenants->summary(row).status.paused;
    const bool hasMirror = hasTenant && m_tenants->summary(row).hasMirror;
    const bool idle = !m_admin->isBusy();
    const bool running = m_endpoint.isRunning();
    a.startEndpoint->setEnabled(!running);
    a.stopEndpoint->setEnabled(running);
    a.copyUrl->setEnabled(running);
    a.demoCycle->setEnabled(!m_demo->isRunning() && DemoCycle::isAvailable());
    const bool hasSelection = !m_tablesPane->selectedTables().isEmpty();
    a.invalidate->setEnabled(idle && hasMirror && hasSelection);
    a.repopulate->setEnabled(idle && hasMirror && hasSelection);
    a.invalidateAll->setEnabled(idle && hasMirror);
    a.repopulateAll->setEnabled(idle && hasMirror);
    a.pause->setEnabled(idle && hasTenant && !paused);
    a.resume->setEnabled(idle && hasTenant && paused);
    a.deleteMirror->setEnabled(idle && hasMirror);
    a.exportCsv->setEnabled(!m_contents->schema().tableName.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About MirrorScope"),
        tr("<h3>MirrorScope %1</h3><p>A local endpoint for SuperOffice's "
           "Database Mirroring, with a window that shows what it receives.</p>"
           "<p>Data directory: %2</p>")
            .arg(QCoreApplication::applicationVersion(), m_endpoint.dataDir().toHtmlEscaped()));
}

void MainWindow::chooseLanguage(QAction *action)
{
    AppSettings().setLanguage(action->data().toString());
    m_statusBar->showNotice(tr("The language changes at the next start."), 10000);
}

void MainWindow::restoreWindowSettings()
{
    const WindowSettings settings;
    restoreGeometry(settings.geometry());
    restoreState(settings.windowState());
    m_mainSplitter->restoreState(settings.splitterState(m_mainSplitter->objectName()));
    m_rightSplitter->restoreState(settings.splitterState(m_rightSplitter->objectName()));
    m_queryPane->setQueryText(settings.queryText());
    m_queryPane->setRowLimit(settings.rowLimit(QueryResultModel::DefaultRowLimit));
    const QString tenant = settings.lastTenant();
    if (!tenant.isEmpty())
        m_tenantsPane->selectTenant(tenant);
}

void MainWindow::saveWindowSettings() const
{
    WindowSettings settings;
    settings.setGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setSplitterState(m_mainSplitter->objectName(), m_mainSplitter->saveState());
    settings.setSplitterState(m_rightSplitter->objectName(), m_rightSplitter->saveState());
    settings.setQueryText(m_queryPane->queryText());
    settings.setRowLimit(m_queryPane->rowLimit());
    settings.setLastTenant(m_tenantsPane->currentTenant());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowSettings();
    QMainWindow::closeEvent(event);
}

} // namespace ms::ui
