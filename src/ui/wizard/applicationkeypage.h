#pragma once

#include "certificatecheck.h"

#include <QWizardPage>

class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace ms::ui {

class FilePathEdit;
class KeyStorageChooser;
class MessageLabel;
class WizardState;

/// Page 3: the application's private key, imported (RSA XML or PEM) or generated (2048 bits, on
/// a worker thread); its public key as RSA XML to copy or save for the developer portal; an
/// optional check against the registered public key; where the keys are kept. GUI thread;
/// state must outlive the page.
class ApplicationKeyPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit ApplicationKeyPage(WizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void importKey(const QString &path);
    void generateKey(); ///< asynchronous; isComplete() is false until the key is there
    void loadRegisteredPublicKey(const QString &path);
    /// Writes the public key as RSA XML (or PEM for *.pem); false with the reason shown if not.
    bool savePublicKey(const QString &path);

    QRadioButton *importButton() const { return m_import; }
    QRadioButton *generateButton() const { return m_generate; }
    FilePathEdit *keyPath() const { return m_keyPath; }
    FilePathEdit *registeredKeyPath() const { return m_registeredPath; }
    MessageLabel *keyMessage() const { return m_keyMessage; }
    MessageLabel *registeredMessage() const { return m_registeredMessage; }
    QPlainTextEdit *publicKeyView() const { return m_publicKey; }
    KeyStorageChooser *storage() const { return m_storage; }
    bool isGenerating() const { return m_generating; }

private:
    void keyChanged();
    void recheckRegistered();

    WizardState &m_state;
    QRadioButton *m_import;
    QRadioButton *m_generate;
    FilePathEdit *m_keyPath;
    QPushButton *m_generateNow;
    MessageLabel *m_keyMessage;
    QPlainTextEdit *m_publicKey;
    QPushButton *m_copy;
    QPushButton *m_save;
    FilePathEdit *m_registeredPath;
    MessageLabel *m_registeredMessage;
    KeyStorageChooser *m_storage;
    Verdict m_keyVerdict;
    Verdict m_registeredVerdict{Verdict::Kind::Accepted, {}};
    bool m_generating = false;
    bool m_probed = false;
    int m_generation = 0;
};

} // namespace ms::ui
