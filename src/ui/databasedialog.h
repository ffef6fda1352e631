#pragma once

#include "service/store/databasetarget.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace ms::ui {

/// "Mirror database…": where the mirrors live, the same `database` setting serve reads: the
/// embedded SQLite files in the data directory, a PostgreSQL server or (experimental) a SQL Server
/// by URL. The password goes
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
    static DatabaseTarget::Kind savedKind(const QString &spec);
    DatabaseTarget::Kind chosenKind() const;
    void updateEnabled();

    QRadioButton *m_sqlite;
    QRadioButton *m_postgres;
    QRadioButton *m_sqlServer;
    QLineEdit *m_url;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace ms::ui
