#include "databasedialog.h"

#include "databasesetting.h"
#include "service/common/error.h"
#include "service/store/databasetarget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

DatabaseDialog::DatabaseDialog(QWidget *parent)
    : QDialog(parent),
      m_sqlite(new QRadioButton(tr("Embedded SQLite files in the data directory"), this)),
      m_postgres(new QRadioButton(tr("A PostgreSQL server"), this)),
      m_sqlServer(new QRadioButton(tr("A SQL Server (experimental: not yet tested against a real "
                                      "server)"),
                                   this)),
      m_url(new QLineEdit(this)), m_password(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(u"databaseDialog"_s);
    setWindowTitle(tr("Mirror database"));
    m_sqlite->setObjectName(u"databaseSqlite"_s);
    m_postgres->setObjectName(u"databasePostgres"_s);
    m_sqlServer->setObjectName(u"databaseSqlServer"_s);
    const QString saved = DatabaseSetting::savedSpec();
    const DatabaseTarget::Kind kind = savedKind(saved);
    m_sqlite->setChecked(kind == DatabaseTarget::Kind::Sqlite);
    m_postgres->setChecked(kind == DatabaseTarget::Kind::Postgres);
    m_sqlServer->setChecked(kind == DatabaseTarget::Kind::SqlServer);
    m_url->setObjectName(u"databaseUrl"_s);
    m_url->setText(kind == DatabaseTarget::Kind::Sqlite ? QString() : saved);
    m_password->setObjectName(u"databasePassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(DatabaseSetting::hasSavedPassword()
                                       ? tr("(kept in the keychain; type to replace)")
                                       : tr("(none, or PGPASSWORD and ~/.pgpass for PostgreSQL)"));
    m_error->setObjectName(u"databaseError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020"_s);
    m_error->hide();

    auto *intro = new QLabel(
        tr("Where the endpoint writes the mirrors and the window reads them. Each tenant gets "
           "a schema Mirror_<tenant> in the PostgreSQL database, or a database Mirror_<tenant> "
           "on the SQL Server. The password is kept in the system keychain, never in the "
           "settings file. The change takes effect at the next start."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DatabaseDialog::reject);
    for (QRadioButton *choice : {m_sqlite, m_postgres, m_sqlServer})
        connect(choice, &QRadioButton::toggled, this, &DatabaseDialog::updateEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_sqlite);
    layout->addWidget(m_postgres);
    layout->addWidget(m_sqlServer);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    updateEnabled();
    resize(560, sizeHint().height());
}

DatabaseTarget::Kind DatabaseDialog::savedKind(const QString &spec)
{
    try {
        return DatabaseTarget::parse(spec, u"."_s).kind;
    } catch (const Error &) {
        return DatabaseTarget::Kind::Sqlite; // a broken saved value is shown as the default
    }
}

DatabaseTarget::Kind DatabaseDialog::chosenKind() const
{
    if (m_postgres->isChecked())
        return DatabaseTarget::Kind::Postgres;
    if (m_sqlServer->isChecked())
        return DatabaseTarget::Kind::SqlServer;
    return DatabaseTarget::Kind::Sqlite;
}

void DatabaseDialog::updateEnabled()
{
    const DatabaseTarget::Kind kind = chosenKind();
    const bool server = kind != DatabaseTarget::Kind::Sqlite;
    m_url->setEnabled(server);
    m_password->setEnabled(server);
    m_url->setPlaceholderText(kind == DatabaseTarget::Kind::SqlServer
                                  ? u"mssql://user@host:1433/"_s
                                  : u"postgresql://user@host:5432/database"_s);
}

void DatabaseDialog::accept()
{
    const DatabaseTarget::Kind kind = chosenKind();
    const QString spec = kind == DatabaseTarget::Kind::Sqlite ? QString() : m_url->text().trimmed();
    auto refuse = [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    };
    if (kind != DatabaseTarget::Kind::Sqlite && spec.isEmpty())
        return refuse(kind == DatabaseTarget::Kind::Postgres
                          ? tr("Type the PostgreSQL server's URL.")
                          : tr("Type the SQL Server's URL."));
    // A URL of the other server kind is a slip, not a choice: say so rather than save it.
    const DatabaseTarget::Kind typed = savedKind(spec);
    if (kind == DatabaseTarget::Kind::Postgres && typed == DatabaseTarget::Kind::SqlServer)
        return refuse(tr("This is a SQL Server URL; a PostgreSQL URL starts with postgresql://."));
    if (kind == DatabaseTarget::Kind::SqlServer && typed == DatabaseTarget::Kind::Postgres)
        return refuse(tr("This is a PostgreSQL URL; a SQL Server URL starts with mssql://."));
    QString error;
    if (!DatabaseSetting::save(spec, m_password->text(), &error))
        return refuse(error);
    QDialog::accept();
}

} // namespace ms::ui
