#include "endpointtlspage.h"

#include "asynctask.h"
#include "filepathedit.h"
#include "messagelabel.h"
#include "wizardstate.h"

#include "service/cli/serveoptions.h"
#include "service/common/error.h"

#include <QButtonGroup>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSysInfo>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
struct Generated
{
    TlsMaterial material;
    QString error;
};

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// Groups of four, so that a person can compare it with what a browser shows.
QString grouped(const QString &hex)
{
    QString text;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        text += hex.mid(i, 4) + u' ';
    return text.trimmed();
}
} // namespace

EndpointTlsPage::EndpointTlsPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent), m_state(state), m_listen(new QLineEdit(this)),
      m_listenMessage(new MessageLabel(this)),
      m_plain(new QRadioButton(tr("&Plain HTTP (behind a tunnel or a reverse proxy that adds TLS)"),
                               this)),
      m_generate(new QRadioButton(tr("&Generate a self-signed certificate"), this)),
      m_import(new QRadioButton(tr("&Import a certificate (PEM with its key, or PKCS#12)"), this)),
      m_generateHint(new QLabel(this)),
      m_certificatePath(new FilePathEdit(
          FilePathEdit::Mode::Open, tr("TLS certificate"),
          tr("Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)"), this)),
      m_keyPath(new FilePathEdit(FilePathEdit::Mode::Open, tr("TLS private key"),
                                 tr("PEM keys (*.pem *.key);;All files (*)"), this)),
      m_passphrase(new QLineEdit(this)), m_importFields(new QWidget(this)),
      m_names(valueLabel(this)), m_fingerprint(valueLabel(this)), m_message(new MessageLabel(this)),
      m_tlsKeyFileLabel(new QLabel(tr("TLS key &file (0600):"), this)),
      m_tlsKeyFile(new FilePathEdit(FilePathEdit::Mode::Save, tr("TLS key file"),
                                    tr("PEM files (*.pem);;All files (*)"), this))
{
    setTitle(tr("Endpoint address and TLS"));
    setSubTitle(tr("Where the endpoint listens, and whether it serves HTTPS itself. SuperOffice "
                   "calls an https URL; TLS may also come from a tunnel or reverse proxy."));
    auto *modes = new QButtonGroup(this);
    for (QRadioButton *button : {m_plain, m_generate, m_import})
        modes->addButton(button);
    m_plain->setChecked(true);
    m_generateHint->setWordWrap(true);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("only for PKCS#12"));
    m_tlsKeyFileLabel->setBuddy(m_tlsKeyFile->lineEdit());

    auto *importForm = new QFormLayout(m_importFields);
    importForm->setContentsMargins(20, 0, 0, 0);
    importForm->addRow(tr("&Certificate:"), m_certificatePath);
    importForm->addRow(tr("Private &key:"), m_keyPath);
    importForm->addRow(tr("Pass&phrase:"), m_passphrase);

    auto *listenForm = new QFormLayout;
    listenForm->addRow(tr("&Listen on:"), m_listen);
    listenForm->addRow(QString(), m_listenMessage);
    auto *details = new QFormLayout;
    details->addRow(tr("Names:"), m_names);
    details->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);
    details->addRow(m_tlsKeyFileLabel, m_tlsKeyFile);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(listenForm);
    layout->addWidget(m_plain);
    layout->addWidget(m_generate);
    auto *hintLayout = new QHBoxLayout;
    hintLayout->setContentsMargins(20, 0, 0, 0);
    hintLayout->addWidget(m_generateHint);
    layout->addLayout(hintLayout);
    layout->addWidget(m_import);
    layout->addWidget(m_importFields);
    layout->addLayout(details);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_listen, &QLineEdit::textChanged, this, &EndpointTlsPage::listenChanged);
    for (QRadioButton *button : {m_plain, m_generate, m_import})
        connect(button, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                modeChanged();
        });
    connect(m_certificatePath, &FilePathEdit::pathChosen, this, &EndpointTlsPage::importFiles);
    connect(m_keyPath, &FilePathEdit::pathChosen, this, &EndpointTlsPage::importFiles);
    connect(m_passphrase, &QLineEdit::editingFinished, this, &EndpointTlsPage::importFiles);
    connect(m_tlsKeyFile->lineEdit(), &QLineEdit::textChanged, this, [this](const QString &path) {
        m_state.setTlsKeyFile(path.trimmed());
        Q_EMIT completeChanged();
    });
}

void EndpointTlsPage::initializePage()
{
    m_listen->setText(m_state.listenAddress());
    const QString host = QSysInfo::machineHostName();
    m_generateHint->setText(
        tr("For \u201c%1\u201d and localhost, 127.0.0.1 and ::1 (subject alternative "
           "names), valid for 825 days. The task must be told to trust it.")
            .arg(host));
    if (m_state.keyStorage() == KeyStorage::File && m_tlsKeyFile->path().isEmpty()) {
        const QString dir = QFileInfo(m_state.applicationKeyFile()).absolutePath();
        m_tlsKeyFile->setPath(dir + u"/mirrorscope-tls-key.pem"_s);
        m_state.setTlsKeyFile(m_tlsKeyFile->path());
    }
    modeChanged();
}

bool EndpointTlsPage::isComplete() const
{
    if (!m_listenOk)
        return false;
    if (m_state.tlsMode() == TlsMode::PlainHttp)
        return true;
    if (m_generating || m_state.tls().isNull())
        return false;
    return m_state.keyStorage() != KeyStorage::File || !m_tlsKeyFile->path().isEmpty();
}

void EndpointTlsPage::importFiles()
{
    m_imported = {};
    m_importVerdict = {Verdict::Kind::Refused, {}};
    const QString certificate = m_certificatePath->path();
    const bool pkcs12 = isPkcs12Path(certificate);
    m_keyPath->setEnabled(!pkcs12);
    m_passphrase->setEnabled(pkcs12);
    if (!certificate.isEmpty() && (pkcs12 || !m_keyPath->path().isEmpty())) {
        try {
            m_imported = loadTlsFiles(certificate, m_keyPath->path(), m_passphrase->text());
            m_importVerdict = {Verdict::Kind::Accepted,
                               tr("The certificate and its private key belong together.")};
        } catch (const ms::Error &e) {
            m_importVerdict = {Verdict::Kind::Refused, e.message()};
        }
    }
    if (m_import->isChecked())
        modeChanged();
}

void EndpointTlsPage::modeChanged()
{
    const TlsMode mode = m_generate->isChecked() ? TlsMode::GeneratedSelfSigned
                         : m_import->isChecked() ? TlsMode::Imported
                                                 : TlsMode::PlainHttp;
    m_state.setTlsMode(mode);
    m_importFields->setEnabled(mode == TlsMode::Imported);
    m_generateHint->setEnabled(mode == TlsMode::GeneratedSelfSigned);
    const bool keyFile = mode != TlsMode::PlainHttp && m_state.keyStorage() == KeyStorage::File;
    m_tlsKeyFileLabel->setVisible(keyFile);
    m_tlsKeyFile->setVisible(keyFile);
    if (mode == TlsMode::GeneratedSelfSigned && m_generated.isNull() && !m_generating)
        startGeneration();
    m_state.setTls(mode == TlsMode::GeneratedSelfSigned ? m_generated
                   : mode == TlsMode::Imported          ? m_imported
                                                        : TlsMaterial());
    showMaterial();
}

void EndpointTlsPage::startGeneration()
{
    const int generation = ++m_generation;
    m_generating = true;
    const QString host = QSysInfo::machineHostName();
    runAsync(
        this,
        [host]() -> Generated {
            try {
                return {generateSelfSignedTls(host), {}};
            } catch (const ms::Error &e) {
                return {{}, e.message()};
            }
        },
        [this, generation](const Generated &generated) {
            if (generation != m_generation)
                return;
            m_generating = false;
            m_generated = generated.material;
            m_generateVerdict =
                generated.material.isNull()
                    ? Verdict{Verdict::Kind::Refused, generated.error}
                    : Verdict{Verdict::Kind::Accepted,
                              tr("A new key and self-signed certificate are ready.")};
            modeChanged();
        });
}

void EndpointTlsPage::listenChanged()
{
    try {
        cli::parseListenAddress(m_listen->text().trimmed());
        m_listenOk = true;
        m_listenMessage->clearMessage();
    } catch (const ms::Error &e) {
        m_listenOk = false;
        m_listenMessage->showVerdict({Verdict::Kind::Refused, e.message()});
    }
    m_state.setListenAddress(m_listen->text());
    Q_EMIT completeChanged();
}

void EndpointTlsPage::showMaterial()
{
    const TlsMaterial material = m_state.tls();
    if (material.isNull()) {
        m_names->clear();
        m_fingerprint->clear();
    } else {
        const QSslCertificate &leaf = material.chain.first();
        QStringList names;
        const auto alternatives = leaf.subjectAlternativeNames();
        for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
            names.append(it.value());
        m_names->setText(names.isEmpty() ? leaf.subjectDisplayName() : names.join(u", "_s));
        m_fingerprint->setText(grouped(material.sha256Fingerprint()));
    }
    switch (m_state.tlsMode()) {
    case TlsMode::PlainHttp:
        m_message->clearMessage();
        break;
    case TlsMode::GeneratedSelfSigned:
        if (m_generating)
            m_message->showProgress(tr("Generating a key and a self-signed certificate\u2026"));
        else
            m_message->showVerdict(m_generateVerdict);
        break;
    case TlsMode::Imported:
        m_message->showVerdict(m_importVerdict);
        break;
    }
    Q_EMIT completeChanged();
}

} // namespace ms::ui
