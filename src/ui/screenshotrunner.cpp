#include "screenshotrunner.h"

#include "databasedialog.h"
#include "democycle.h"
#include "endpointstatusbar.h"
#include "eventlogpane.h"
#include "mainwindow.h"
#include "querypane.h"
#include "tablecontentspane.h"
#include "tablespane.h"
#include "tenantspane.h"

#include "service/common/logging.h"

#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPixmap>
#include <QRadioButton>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

ScreenshotRunner::ScreenshotRunner(MainWindow &window, const QString &directory, QObject *parent)
    : QObject(parent), m_window(window), m_directory(directory)
{}

void ScreenshotRunner::start()
{
    QDir().mkpath(m_directory);
    m_window.resize(1360, 860);
    connect(&m_window.demoCycle(), &DemoCycle::finished, this, &ScreenshotRunner::onDemoFinished);
    QTimer::singleShot(DemoTimeoutMs, this, [this] { fail(u"the demo cycle did not finish"_s); });
    if (!m_window.runDemoCycle())
        fail(u"the demo cycle did not start"_s);
}

void ScreenshotRunner::after(int ms, void (ScreenshotRunner::*step)())
{
    QTimer::singleShot(ms, this, [this, step] {
        if (!m_finished)
            (this->*step)();
    });
}

void ScreenshotRunner::onDemoFinished(bool ok, const QString &message)
{
    if (!ok) {
        fail(u"demo cycle: "_s + message);
        return;
    }
    m_window.tenantsPane()->selectTenant(DemoCycle::DemoTenant);
    after(SettleMs, &ScreenshotRunner::showTable);
}

void ScreenshotRunner::showTable()
{
    m_window.tablesPane()->selectTable(u"contact"_s);
    after(SettleMs, &ScreenshotRunner::grabBrowsing);
}

void ScreenshotRunner::grabBrowsing()
{
    QTableView *contents = m_window.contentsPane()->view();
    contents->selectionModel()->select(contents->model()->index(1, 1),
                                       QItemSelectionModel::ClearAndSelect);
    save(&m_window, u"mainwindow"_s);
    save(m_window.tenantsPane(), u"tenants"_s);
    save(m_window.tablesPane(), u"tables"_s);
    save(m_window.contentsPane(), u"table-contents"_s);
    save(m_window.endpointStatusBar(), u"statusbar"_s);
    m_window.tabs()->setCurrentWidget(m_window.queryPane());
    m_window.queryPane()->setQueryText(u"select contact_id, name, department, orgnr, registered\n"
                                       "from contact where name like 'A%' order by name"_s);
    m_window.queryPane()->run();
    after(SettleMs, &ScreenshotRunner::grabQuery);
}

void ScreenshotRunner::grabQuery()
{
    save(m_window.queryPane(), u"query"_s);
    QTableView *events = m_window.eventLogPane()->view();
    const int last = events->model()->rowCount() - 1;
    if (last >= 0)
        events->selectionModel()->setCurrentIndex(events->model()->index(last, 0),
                                                  QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
    after(300, &ScreenshotRunner::grabEvents);
}

void ScreenshotRunner::grabEvents()
{
    save(m_window.eventLogPane(), u"event-log"_s);
    grabDatabaseDialog();
    m_window.tabs()->setCurrentWidget(m_window.contentsPane());
    m_finished = true;
    Q_EMIT done(m_ok);
}

void ScreenshotRunner::grabDatabaseDialog()
{
    // Shown filled in, never accepted: the screenshot must not change the saved setting.
    DatabaseDialog dialog(&m_window);
    if (auto *sqlServer = dialog.findChild<QRadioButton *>(u"databaseSqlServer"_s))
        sqlServer->setChecked(true);
    if (auto *url = dialog.findChild<QLineEdit *>(u"databaseUrl"_s))
        url->setText(u"mssql://mirror@sql.example.com:1433/"_s);
    dialog.show();
    save(&dialog, u"database-dialog"_s);
}

bool ScreenshotRunner::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(m_directory).filePath(name + u".png"_s);
    if (!widget->grab().save(path)) {
        m_ok = false;
        std::fprintf(stderr, "screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::fprintf(stdout, "screenshots: %s\n", qPrintable(path));
    return true;
}

void ScreenshotRunner::fail(const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    std::fprintf(stderr, "screenshots: %s\n", qPrintable(why));
    Q_EMIT done(false);
}

} // namespace ms::ui
