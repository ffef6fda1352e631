#include "keystoragechooser.h"

#include "filepathedit.h"
#include "messagelabel.h"
#include "wizardstate.h"

#include "service/settings/secretstore.h"

#include <QButtonGroup>
#include <QDir>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

KeyStorageChooser::KeyStorageChooser(WizardState &state, QWidget *parent)
    : QGroupBox(tr("Where to keep the private keys"), parent), m_state(state),
      m_keychain(new QRadioButton(tr("In the OS &keychain (recommended)"), this)),
      m_file(new QRadioButton(tr("In a key &file I choose (readable only by me, permissions 0600)"),
                              this)),
      m_path(new FilePathEdit(FilePathEdit::Mode::Save, tr("Application key file"),
                              tr("PEM files (*.pem);;All files (*)"), this)),
      m_probeAgain(new QPushButton(tr("Ask the keychain again"), this)),
      m_status(new MessageLabel(this))
{
    auto *group = new QButtonGroup(this);
    group->addButton(m_keychain);
    group->addButton(m_file);
    m_path->lineEdit()->setPlaceholderText(QDir::homePath() +
                                           u"/.mirrorscope-application-key.pem"_s);
    m_path->setEnabled(false);
    m_probeAgain->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_keychain);
    layout->addWidget(m_file);
    layout->addWidget(m_path);
    layout->addWidget(m_status);
    layout->addWidget(m_probeAgain, 0, Qt::AlignLeft);

    connect(m_keychain, &QRadioButton::toggled, this, &KeyStorageChooser::updateState);
    connect(m_file, &QRadioButton::toggled, this, &KeyStorageChooser::updateState);
    connect(m_path->lineEdit(), &QLineEdit::textChanged, this, &KeyStorageChooser::updateState);
    connect(m_probeAgain, &QPushButton::clicked, this, &KeyStorageChooser::probe);
}

void KeyStorageChooser::probe()
{
    const int generation = ++m_generation;
    m_probing = true;
    m_keychain->setEnabled(false);
    m_probeAgain->setVisible(false);
    m_status->showProgress(tr("Asking the OS keychain whether it answers\u2026"));
    updateState();
    // QtKeychain's jobs belong to the thread that first used them, and the rest of the
    // application uses SecretStore on the GUI thread: so this runs there too, in SecretStore's
    // local event loop (the window keeps painting), after this call has returned.
    QTimer::singleShot(0, this, [this, generation] {
        const QPointer<KeyStorageChooser> self(this);
        const SecretStore::Result result = SecretStore::probeKeychain();
        if (!self || generation != m_generation)
            return;
        m_probing = false;
        m_keychainOk = result.ok;
        m_keychain->setEnabled(result.ok);
        if (result.ok) {
            m_status->showVerdict({Verdict::Kind::Accepted, tr("The OS keychain answers.")});
            if (!m_file->isChecked())
                m_keychain->setChecked(true);
        } else {
            if (m_keychain->isChecked()) {
                // Leave nothing chosen rather than switch to a file unasked.
                m_keychain->setAutoExclusive(false);
                m_keychain->setChecked(false);
                m_keychain->setAutoExclusive(true);
            }
            m_status->showVerdict(
                {Verdict::Kind::Refused,
                 tr("No keychain service answered (%1). MirrorScope keeps private keys only in the "
                    "OS keychain, or in a file you choose. Start a keychain service (GNOME "
                    "Keyring, "
                    "KWallet) and ask again, or choose a key file.")
                     .arg(result.error)});
            m_probeAgain->setVisible(true);
        }
        updateState();
    });
}

bool KeyStorageChooser::isComplete() const
{
    if (m_probing)
        return false;
    if (m_keychain->isChecked())
        return m_keychainOk;
    return m_file->isChecked() && !m_path->path().isEmpty();
}

void KeyStorageChooser::updateState()
{
    m_path->setEnabled(m_file->isChecked());
    if (m_keychain->isChecked() && m_keychainOk)
        m_state.setKeyStorage(KeyStorage::Keychain);
    else if (m_file->isChecked())
        m_state.setKeyStorage(KeyStorage::File);
    else
        m_state.setKeyStorage(KeyStorage::Undecided);
    m_state.setApplicationKeyFile(m_file->isChecked() ? m_path->path() : QString());
    Q_EMIT changed();
}

} // namespace ms::ui
