#include "databasedialog.h"

#include "databasesetting.h"

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
      m_postgres(new QRadioButton(tr("A PostgreSQL server"), this)), m_url(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(u"databaseDialog"_s);
    setWindowTitle(tr("Mirror database"));
    const QString saved = DatabaseSetting::savedSpec();
    const bool postgres = saved.startsWith(u"postgres"_s);
    m_sqlite->setChecked(!postgres);
    m_postgres->setChecked(postgres);
    m_url->setObjectName(u"databaseUrl"_s);
    m_url->setText(postgres ? saved : QString());
    m_url->setPlaceholderText(u"postgresql://user@host:5432/database"_s);
    m_password->setObjectName(u"databasePassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(DatabaseSetting::hasSavedPassword()
                                       ? tr("(kept in the keychain; type to replace)")
                                       : tr("(none: PGPASSWORD or ~/.pgpass apply)"));
    m_error->setObjectName(u"databaseError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020"_s);
    m_error->hide();

    auto *intro = new QLabel(
        tr("Where the endpoint writes the mirrors and the window reads them. Each tenant gets "
           "a schema Mirror_<tenant> in the PostgreSQL database. The password is kept in the "
           "system keychain, never in the settings file. The change takes effect at the next "
           "start."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DatabaseDialog::reject);
    connect(m_postgres, &QRadioButton::toggled, this, &DatabaseDialog::updateEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_sqlite);
    layout->addWidget(m_postgres);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    updateEnabled();
    resize(560, sizeHint().height());
}

void DatabaseDialog::updateEnabled()
{
    m_url->setEnabled(m_postgres->isChecked());
    m_password->setEnabled(m_postgres->isChecked());
}

void DatabaseDialog::accept()
{
    if (m_postgres->isChecked() && m_url->text().trimmed().isEmpty()) {
        m_error->setText(tr("Type the PostgreSQL server's URL."));
        m_error->show();
        return;
    }
    const QString spec = m_postgres->isChecked() ? m_url->text() : QString();
    QString error;
    if (!DatabaseSetting::save(spec, m_password->text(), &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace ms::ui
