#include "windowactions.h"

#include "uiresources.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
QAction *make(QObject *parent, const QString &objectName, const QString &iconName,
              const QString &text, const QString &toolTip, const QKeySequence &shortcut = {})
{
    auto *action = new QAction(iconName.isEmpty() ? QIcon() : icon(iconName), text, parent);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setToolTip(
        shortcut.isEmpty()
            ? toolTip
            : u"%1 (%2)"_s.arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    return action;
}
} // namespace

WindowActions::WindowActions(QObject *parent) : QObject(parent)
{
    setup = make(this, u"actionSetup"_s, u"setup"_s, tr("Set up &certificates…"),
                 tr("Set up the application key, SuperOffice's certificates and TLS"));
    database = make(this, u"actionDatabase"_s, u"setup"_s, tr("Mirror &database…"),
                    tr("Choose where the mirrors live: SQLite files or a PostgreSQL server"));
    quit = make(this, u"actionQuit"_s, u"quit"_s, tr("&Quit"), tr("Stop the endpoint and quit"),
                QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    startEndpoint = make(this, u"actionStartEndpoint"_s, u"start"_s, tr("&Start endpoint"),
                         tr("Listen for the Mirroring Task's calls"), Qt::CTRL | Qt::Key_L);
    stopEndpoint = make(this, u"actionStopEndpoint"_s, u"stop"_s, tr("S&top endpoint"),
                        tr("Stop listening"), Qt::CTRL | Qt::SHIFT | Qt::Key_L);
    copyUrl = make(this, u"actionCopyUrl"_s, u"copy"_s, tr("&Copy endpoint URL"),
                   tr("Copy the URL to register in SuperOffice"), Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    demoCycle = make(this, u"actionDemoCycle"_s, u"demo"_s, tr("Run &demo cycle"),
                     tr("Mirror a generated demo tenant through the running endpoint"),
                     Qt::CTRL | Qt::Key_D);
    refresh = make(this, u"actionRefresh"_s, u"refresh"_s, tr("&Refresh"),
                   tr("Read tenants, tables and the event log again"), QKeySequence::Refresh);
    if (refresh->shortcut().isEmpty())
        refresh->setShortcut(Qt::Key_F5);
    invalidate =
        make(this, u"actionInvalidate"_s, u"invalidate"_s, tr("&Invalidate tables"),
             tr("Delete the selected tables' rows and set their LSN to -1"), Qt::CTRL | Qt::Key_I);
    invalidateAll = make(this, u"actionInvalidateAll"_s, QString(), tr("Invalidate &all tables"),
                         tr("Delete every table's rows and set every LSN to -1"),
                         Qt::CTRL | Qt::SHIFT | Qt::Key_I);
    repopulate = make(this, u"actionRepopulate"_s, u"repopulate"_s, tr("Re&populate tables"),
                      tr("Drop the selected tables and their metadata (the hard reset)"),
                      Qt::CTRL | Qt::Key_R);
    repopulateAll = make(this, u"actionRepopulateAll"_s, QString(), tr("Repopulate a&ll tables"),
                         tr("Drop every table and its metadata (the hard reset)"),
                         Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    pause = make(this, u"actionPause"_s, u"pause"_s, tr("&Pause tenant"),
                 tr("Answer doNotReplicate to the tenant"), Qt::CTRL | Qt::Key_P);
    resume = make(this, u"actionResume"_s, u"resume"_s, tr("Res&ume tenant"),
                  tr("Mirror the tenant again"), Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    deleteMirror =
        make(this, u"actionDeleteMirror"_s, u"delete"_s, tr("&Delete mirror…"),
             tr("Delete the tenant's mirror and forget its state"), Qt::CTRL | Qt::Key_Delete);
    exportCsv =
        make(this, u"actionExportCsv"_s, u"export"_s, tr("&Export table as CSV…"),
             tr("Export the shown rows (order and filters) to a CSV file"), Qt::CTRL | Qt::Key_E);
    about = make(this, u"actionAbout"_s, QString(), tr("&About MirrorScope"),
                 tr("Version and licence"));
    about->setMenuRole(QAction::AboutRole);

    languages = new QActionGroup(this);
    languages->setExclusive(true);
    const QList<std::pair<QString, QString>> choices = {
        {QString(), tr("System language")},
        {u"en"_s, u"English"_s},
        {u"nb"_s, u"Norsk bokmål"_s},
        {u"de"_s, u"Deutsch"_s},
    };
    for (const auto &[code, name] : choices) {
        QAction *action = languages->addAction(name);
        action->setObjectName(u"actionLanguage_"_s + (code.isEmpty() ? u"system"_s : code));
        action->setData(code);
        action->setCheckable(true);
    }
}

void WindowActions::populate(QMenuBar *menuBar, QToolBar *toolBar, QAction *eventLogToggle,
                             QAction *runQuery)
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(exportCsv);
    file->addSeparator();
    file->addAction(setup);
    file->addAction(database);
    QMenu *language = file->addMenu(tr("&Language"));
    language->addActions(languages->actions());
    language->addSeparator();
    language->addAction(tr("Takes effect at the next start"))->setEnabled(false);
    file->addSeparator();
    file->addAction(quit);

    QMenu *endpoint = menuBar->addMenu(tr("&Endpoint"));
    endpoint->addAction(startEndpoint);
    endpoint->addAction(stopEndpoint);
    endpoint->addAction(copyUrl);
    endpoint->addSeparator();
    endpoint->addAction(demoCycle);

    QMenu *tenant = menuBar->addMenu(tr("&Tenant"));
    tenant->addAction(refresh);
    tenant->addSeparator();
    tenant->addAction(invalidate);
    tenant->addAction(invalidateAll);
    tenant->addAction(repopulate);
    tenant->addAction(repopulateAll);
    tenant->addSeparator();
    tenant->addAction(pause);
    tenant->addAction(resume);
    tenant->addSeparator();
    tenant->addAction(deleteMirror);
    tenant->addSeparator();
    tenant->addAction(runQuery);

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(eventLogToggle);
    view->addAction(toolBar->toggleViewAction());

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(about);

    toolBar->addAction(startEndpoint);
    toolBar->addAction(stopEndpoint);
    toolBar->addAction(demoCycle);
    toolBar->addSeparator();
    toolBar->addAction(refresh);
    toolBar->addAction(invalidate);
    toolBar->addAction(repopulate);
    toolBar->addAction(pause);
    toolBar->addAction(resume);
    toolBar->addAction(deleteMirror);
    toolBar->addSeparator();
    toolBar->addAction(exportCsv);
}

} // namespace ms::ui
