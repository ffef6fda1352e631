#pragma once

namespace ms::ui {

/// Runs the window: QApplication, translation, icon, first-start setup, MainWindow. Main thread.
/// A hidden option `--demo-screenshots DIR` runs a demo cycle and saves a PNG of each pane.
int runApplication(int argc, char **argv);

} // namespace ms::ui
