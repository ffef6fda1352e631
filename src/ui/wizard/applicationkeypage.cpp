#include "applicationkeypage.h"

#include "applicationkeycheck.h"
#include "asynctask.h"
#include "filepathedit.h"
#include "keystoragechooser.h"
#include "messagelabel.h"
#include "wizardstate.h"

#include "service/common/error.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
struct Generated
{
    RsaPrivateKey key;
    QString error;
};
} // namespace

ApplicationKeyPage::ApplicationKeyPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent), m_state(state),
      m_import(new QRadioButton(tr("&Import the private key SuperOffice issued (RSA XML or PEM)"),
                                this)),
      m_generate(new QRadioButton(tr("&Generate a new 2048-bit key pair"), this)),
      m_keyPath(new FilePathEdit(FilePathEdit::Mode::Open, tr("Application private key"),
                                 tr("Keys (*.xml *.pem *.key);;All files (*)"), this)),
      m_generateNow(new QPushButton(tr("Generate"), this)), m_keyMessage(new MessageLabel(this)),
      m_publicKey(new QPlainTextEdit(this)), m_copy(new QPushButton(tr("&Copy"), this)),
      m_save(new QPushButton(tr("&Save\u2026"), this)),
      m_registeredPath(new FilePathEdit(FilePathEdit::Mode::Open, tr("Registered public key"),
                                        tr("Keys (*.xml *.pem *.crt);;All files (*)"), this)),
      m_registeredMessage(new MessageLabel(this)), m_storage(new KeyStorageChooser(state, this))
{
    setTitle(tr("Application key"));
    setSubTitle(tr("The endpoint proves to SuperOffice that it speaks for your application by "
                   "signing with the application's private key."));
    auto *sources = new QButtonGroup(this);
    sources->addButton(m_import);
    sources->addButton(m_generate);
    m_import->setChecked(true);
    m_generateNow->setEnabled(false);
    m_publicKey->setReadOnly(true);
    m_publicKey->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_publicKey->setPlaceholderText(tr("The public key appears here as RSA XML."));
    m_publicKey->setFixedHeight(m_publicKey->fontMetrics().lineSpacing() * 4 + 12);
    m_copy->setEnabled(false);
    m_save->setEnabled(false);

    auto *keyPathRow = new QHBoxLayout;
    keyPathRow->setContentsMargins(20, 0, 0, 0);
    keyPathRow->addWidget(m_keyPath);
    auto *generateRow = new QHBoxLayout;
    generateRow->addWidget(m_generate, 1);
    generateRow->addWidget(m_generateNow);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_save);
    buttons->addStretch();
    auto *publicKeyRow = new QHBoxLayout;
    publicKeyRow->addWidget(m_publicKey, 1);
    publicKeyRow->addLayout(buttons);
    auto *registered = new QFormLayout;
    registered->addRow(tr("Registered public key (optional):"), m_registeredPath);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_import);
    layout->addLayout(keyPathRow);
    layout->addLayout(generateRow);
    layout->addWidget(m_keyMessage);
    layout->addWidget(new QLabel(tr("Public key, to register for your application in the developer "
                                    "portal (RSA XML):"),
                                 this));
    layout->addLayout(publicKeyRow);
    layout->addLayout(registered);
    layout->addWidget(m_registeredMessage);
    layout->addWidget(m_storage);
    layout->addStretch();

    connect(m_import, &QRadioButton::toggled, this, [this](bool on) {
        m_keyPath->setEnabled(on);
        m_generateNow->setEnabled(!on);
    });
    connect(m_keyPath, &FilePathEdit::pathChosen, this, &ApplicationKeyPage::importKey);
    connect(m_generateNow, &QPushButton::clicked, this, &ApplicationKeyPage::generateKey);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_publicKey->toPlainText()); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the public key"),
                                                          u"application-public-key.xml"_s,
                                                          tr("RSA XML (*.xml);;PEM (*.pem)"));
        if (!path.isEmpty())
            savePublicKey(path);
    });
    connect(m_registeredPath, &FilePathEdit::pathChosen, this,
            &ApplicationKeyPage::loadRegisteredPublicKey);
    connect(m_storage, &KeyStorageChooser::changed, this, &ApplicationKeyPage::completeChanged);
}

void ApplicationKeyPage::initializePage()
{
    if (!m_probed) {
        m_probed = true;
        m_storage->probe();
    }
}

bool ApplicationKeyPage::isComplete() const
{
    return !m_generating && !m_state.applicationKey().isNull() && m_keyVerdict.usable() &&
           m_registeredVerdict.usable() && m_storage->isComplete();
}

void ApplicationKeyPage::importKey(const QString &path)
{
    ++m_generation; // a generation still running is no longer wanted
    m_generating = false;
    m_keyPath->setPath(path);
    m_state.setApplicationKey({});
    if (path.isEmpty()) {
        m_keyVerdict = {Verdict::Kind::Refused, {}};
        keyChanged();
        return;
    }
    try {
        m_state.setApplicationKey(loadPrivateKeyFile(path));
        m_keyVerdict = checkApplicationKey(m_state.applicationKey());
    } catch (const ms::Error &e) {
        m_keyVerdict = {Verdict::Kind::Refused, e.message()};
    }
    keyChanged();
}

void ApplicationKeyPage::generateKey()
{
    const int generation = ++m_generation;
    m_generating = true;
    m_generate->setChecked(true);
    m_state.setApplicationKey({});
    m_keyMessage->showProgress(tr("Generating a 2048-bit RSA key pair\u2026"));
    keyChanged();
    runAsync(
        this,
        []() -> Generated {
            try {
                return {RsaPrivateKey::generate(2048), {}};
            } catch (const ms::Error &e) {
                return {{}, e.message()};
            }
        },
        [this, generation](const Generated &generated) {
            if (generation != m_generation)
                return;
            m_generating = false;
            m_state.setApplicationKey(generated.key);
            m_keyVerdict = generated.key.isNull() ? Verdict{Verdict::Kind::Refused, generated.error}
                                                  : checkApplicationKey(generated.key);
            if (m_keyVerdict.usable()) {
                m_keyVerdict.message +=
                    u' ' + tr("Register the public key below for your application "
                              "in the developer portal.");
            }
            keyChanged();
        });
}

void ApplicationKeyPage::loadRegisteredPublicKey(const QString &path)
{
    m_registeredPath->setPath(path);
    m_state.setRegisteredPublicKey({});
    m_registeredVerdict = {Verdict::Kind::Accepted, {}};
    if (!path.isEmpty()) {
        try {
            m_state.setRegisteredPublicKey(loadPublicKeyFile(path));
        } catch (const ms::Error &e) {
            m_registeredVerdict = {Verdict::Kind::Refused, e.message()};
        }
    }
    recheckRegistered();
    Q_EMIT completeChanged();
}

bool ApplicationKeyPage::savePublicKey(const QString &path)
{
    const RsaPublicKey key = m_state.applicationKey().publicKey();
    const QByteArray text =
        path.endsWith(u".pem"_s, Qt::CaseInsensitive) ? key.toPem() : key.toRsaXml().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        m_keyMessage->showVerdict(
            {Verdict::Kind::Refused,
             tr("Cannot save the public key to %1: %2").arg(path, file.errorString())});
        return false;
    }
    m_keyMessage->showVerdict(
        {m_keyVerdict.kind,
         m_keyVerdict.message + u' ' + tr("The public key is saved in %1.").arg(path)});
    return true;
}

void ApplicationKeyPage::keyChanged()
{
    const RsaPrivateKey key = m_state.applicationKey();
    if (!m_generating)
        m_keyMessage->showVerdict(m_keyVerdict);
    m_publicKey->setPlainText(key.isNull() ? QString() : key.publicKey().toRsaXml());
    m_copy->setEnabled(!key.isNull());
    m_save->setEnabled(!key.isNull());
    recheckRegistered();
    Q_EMIT completeChanged();
}

void ApplicationKeyPage::recheckRegistered()
{
    const RsaPublicKey registered = m_state.registeredPublicKey();
    if (!registered.isNull() && !m_state.applicationKey().isNull())
        m_registeredVerdict = checkRegisteredPublicKey(m_state.applicationKey(), registered);
    if (m_registeredPath->path().isEmpty())
        m_registeredMessage->clearMessage();
    else if (!registered.isNull() && m_state.applicationKey().isNull())
        m_registeredMessage->showProgress(
            tr("Loaded; it is compared with the private key once that is there."));
    else
        m_registeredMessage->showVerdict(m_registeredVerdict);
}

} // namespace ms::ui
