#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace ms::ui {

/// "Mirror database…": where the mirrors live, the same `database` setting serve reads: the
/// embedded SQLite files in the data directory, or a PostgreSQL server by URL. The password goes
/// to the OS keychain (DatabaseSetting), never into the settings file. Saved on OK; the window
/// and the endpoint use it from the next start. GUI thread.
class DatabaseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseDialog)
public:
    explicit DatabaseDialog(QWidget *parent = nullptr);

    void accept() override;

private:
    void updateEnabled();

    QRadioButton *m_sqlite;
    QRadioButton *m_postgres;
    QLineEdit *m_url;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace ms::ui
