#pragma once

#include "certificatecheck.h"
#include "tlsmaterial.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace ms::ui {

class FilePathEdit;
class MessageLabel;
class WizardState;

/// Page 4: where the endpoint listens, and plain HTTP, a generated self-signed certificate
/// (generated on a worker thread) or an imported PEM / PKCS#12 one, with its SHA-256
/// fingerprint. GUI thread; state must outlive the page.
class EndpointTlsPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit EndpointTlsPage(WizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    /// Loads the import fields' files (what choosing a file or a passphrase does).
    void importFiles();

    QLineEdit *listenEdit() const { return m_listen; }
    QRadioButton *plainButton() const { return m_plain; }
    QRadioButton *generateButton() const { return m_generate; }
    QRadioButton *importButton() const { return m_import; }
    FilePathEdit *certificatePath() const { return m_certificatePath; }
    FilePathEdit *keyPath() const { return m_keyPath; }
    QLineEdit *passphraseEdit() const { return m_passphrase; }
    FilePathEdit *tlsKeyFile() const { return m_tlsKeyFile; }
    QLabel *fingerprintLabel() const { return m_fingerprint; }
    MessageLabel *message() const { return m_message; }
    bool isGenerating() const { return m_generating; }

private:
    void modeChanged();
    void startGeneration();
    void listenChanged();
    void showMaterial();

    WizardState &m_state;
    QLineEdit *m_listen;
    MessageLabel *m_listenMessage;
    QRadioButton *m_plain;
    QRadioButton *m_generate;
    QRadioButton *m_import;
    QLabel *m_generateHint;
    FilePathEdit *m_certificatePath;
    FilePathEdit *m_keyPath;
    QLineEdit *m_passphrase;
    QWidget *m_importFields;
    QLabel *m_names;
    QLabel *m_fingerprint;
    MessageLabel *m_message;
    QLabel *m_tlsKeyFileLabel;
    FilePathEdit *m_tlsKeyFile;
    TlsMaterial m_generated;
    TlsMaterial m_imported;
    Verdict m_importVerdict;
    Verdict m_generateVerdict{Verdict::Kind::Accepted, {}};
    bool m_listenOk = true;
    bool m_generating = false;
    int m_generation = 0;
};

} // namespace ms::ui
