#include "environmentpage.h"

#include "certificatecheck.h"
#include "messagelabel.h"
#include "wizardstate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace ms::ui {

EnvironmentPage::EnvironmentPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent), m_state(state), m_environment(new QComboBox(this)),
      m_applicationId(new QLineEdit(this)), m_message(new MessageLabel(this))
{
    setTitle(tr("Environment and application"));
    setSubTitle(tr("Which SuperOffice environment sends the mirroring calls, and which "
                   "application they are for."));
    for (Environment environment : allEnvironments())
        m_environment->addItem(environmentTitle(environment), int(environment));
    auto *hint = new QLabel(tr("The application id (client_id) is on your application's page in "
                               "the SuperOffice developer portal (dev.superoffice.com, My apps)."),
                            this);
    hint->setWordWrap(true);
    m_applicationId->setPlaceholderText(tr("e.g. 0123456789abcdef0123456789abcdef"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("&Application id:"), m_applicationId);
    form->addRow(QString(), hint);
    form->addRow(QString(), m_message);

    connect(m_environment, &QComboBox::currentIndexChanged, this,
            [this] { m_state.setEnvironment(Environment(m_environment->currentData().toInt())); });
    connect(m_applicationId, &QLineEdit::textChanged, this, &EnvironmentPage::applicationIdChanged);
}

void EnvironmentPage::initializePage()
{
    m_environment->setCurrentIndex(m_environment->findData(int(m_state.environment())));
    m_applicationId->setText(m_state.applicationId());
    applicationIdChanged();
}

bool EnvironmentPage::isComplete() const
{
    return checkApplicationId(m_applicationId->text()).usable();
}

void EnvironmentPage::applicationIdChanged()
{
    const Verdict verdict = checkApplicationId(m_applicationId->text());
    // An empty field at the start is not an error yet: say what is needed without red.
    if (m_applicationId->text().isEmpty())
        m_message->clearMessage();
    else if (!verdict.usable())
        m_message->showVerdict(verdict);
    else
        m_message->clearMessage();
    m_state.setApplicationId(m_applicationId->text());
    Q_EMIT completeChanged();
}

} // namespace ms::ui
