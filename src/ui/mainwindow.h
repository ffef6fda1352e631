#pragma once

#include "adminactions.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QSplitter;
class QTabWidget;
class QTimer;

namespace ms {
class EventLogModel;
class QueryResultModel;
class TableContentsModel;
class TableListModel;
class TenantListModel;
class ThroughputMonitor;
struct CallRecord;
struct Event;
} // namespace ms

namespace ms::ui {

class Confirmer;
class DemoCycle;
class EndpointController;
class EndpointStatusBar;
class EventLogPane;
class QueryPane;
class TableContentsPane;
class TablesPane;
class TenantsPane;
class WindowActions;

/// Assembles the panes, actions, status bar and models over one EndpointController; owns
/// no logic of its own beyond wiring. GUI thread; endpoint must outlive the window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// confirmer: null = message boxes over this window; otherwise it must outlive the window.
    explicit MainWindow(EndpointController &endpoint, Confirmer *confirmer = nullptr,
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts the endpoint from the saved settings (the demo identity when there are none).
    bool startEndpoint();
    /// Reads tenants, tables and the event log again.
    void refresh();
    /// Starts the demo cycle (and the endpoint first, if stopped); false when it cannot start.
    bool runDemoCycle();
    /// Opens the certificate wizard; restarts the endpoint with the new setup when finished.
    void openSetupWizard();
    /// File > Mirror database…: saves the `database` setting for the next start.
    void openDatabaseDialog();
    /// Says in the status bar and the tenants pane that the mirrors cannot be read.
    void showDatabaseProblem(const QString &message);
    /// Restores and saves geometry, docks, splitters, last tenant, query text and row limit.
    void restoreWindowSettings();
    void saveWindowSettings() const;

    WindowActions &actions() const { return *m_actions; }
    TenantsPane *tenantsPane() const { return m_tenantsPane; }
    TablesPane *tablesPane() const { return m_tablesPane; }
    TableContentsPane *contentsPane() const { return m_contentsPane; }
    QueryPane *queryPane() const { return m_queryPane; }
    EventLogPane *eventLogPane() const { return m_eventLogPane; }
    EndpointStatusBar *endpointStatusBar() const { return m_statusBar; }
    QTabWidget *tabs() const { return m_tabs; }
    QDockWidget *eventDock() const { return m_eventDock; }
    AdminActions &adminActions() const { return *m_admin; }
    DemoCycle &demoCycle() const { return *m_demo; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPanes();
    void connectActions();
    void onTenantChanged(const QString &tenant);
    void onCalls(const QList<ms::CallRecord> &calls);
    void onEvents(const QList<ms::Event> &events);
    void onAdminFinished(AdminActions::Kind kind, const QString &tenant, bool ok,
                         const QString &message);
    void runAdmin(AdminActions::Kind kind, bool selectedTablesOnly);
    void updateActions();
    void showAbout();
    void chooseLanguage(QAction *action);

    EndpointController &m_endpoint;
    std::unique_ptr<Confirmer> m_ownConfirmer;
    Confirmer *m_confirmer;
    TenantListModel *m_tenants;
    TableListModel *m_tables;
    TableContentsModel *m_contents;
    QueryResultModel *m_query;
    EventLogModel *m_events;
    ThroughputMonitor *m_throughput;
    WindowActions *m_actions;
    AdminActions *m_admin;
    DemoCycle *m_demo;
    TenantsPane *m_tenantsPane = nullptr;
    TablesPane *m_tablesPane = nullptr;
    TableContentsPane *m_contentsPane = nullptr;
    QueryPane *m_queryPane = nullptr;
    EventLogPane *m_eventLogPane = nullptr;
    EndpointStatusBar *m_statusBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    QDockWidget *m_eventDock = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    /// Coalesces "the current tenant received data" into one table refresh.
    QTimer *m_tablesRefresh;
    /// Coalesces "a tenant's state changed" into one tenant list refresh.
    QTimer *m_tenantsRefresh;
};

} // namespace ms::ui
