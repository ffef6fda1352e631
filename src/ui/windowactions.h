#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMenuBar;
class QToolBar;

namespace ms::ui {

/// The window's actions with their icons, shortcuts and tool tips, and the menus and tool bar
/// built from them. Only creates and lays out actions; MainWindow connects them.
/// GUI thread; owned by (and parented to) the window.
class WindowActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowActions)
public:
    explicit WindowActions(QObject *parent);

    /// Adds the menus (with the language submenu and the dock's toggle) and fills the tool bar.
    void populate(QMenuBar *menuBar, QToolBar *toolBar, QAction *eventLogToggle, QAction *runQuery);

    QAction *setup;
    QAction *database;
    QAction *quit;
    QAction *startEndpoint;
    QAction *stopEndpoint;
    QAction *copyUrl;
    QAction *demoCycle;
    QAction *refresh;
    QAction *invalidate;
    QAction *invalidateAll;
    QAction *repopulate;
    QAction *repopulateAll;
    QAction *pause;
    QAction *resume;
    QAction *deleteMirror;
    QAction *exportCsv;
    QAction *about;
    /// Checkable; data() is the language code ("" = the system's).
    QActionGroup *languages;
};

} // namespace ms::ui
