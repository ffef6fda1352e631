#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace ms::ui {

class MainWindow;

/// The hidden `--demo-screenshots DIR` mode: runs a demo cycle, selects the demo tenant, a
/// table, a query and an event, and saves a PNG of the window and of each pane into DIR
/// (QWidget::grab). GUI thread; the window must outlive the runner.
class ScreenshotRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotRunner)
public:
    static constexpr int SettleMs = 1500;
    static constexpr int DemoTimeoutMs = 180000;

    ScreenshotRunner(MainWindow &window, const QString &directory, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    /// ok false: a step failed (the reason was printed to stderr).
    void done(bool ok);

private:
    void onDemoFinished(bool ok, const QString &message);
    void showTable();
    void grabBrowsing();
    void grabQuery();
    void grabEvents();
    void grabDatabaseDialog();
    bool save(QWidget *widget, const QString &name);
    void fail(const QString &why);
    void after(int ms, void (ScreenshotRunner::*step)());

    MainWindow &m_window;
    QString m_directory;
    bool m_ok = true;
    bool m_finished = false;
};

} // namespace ms::ui
