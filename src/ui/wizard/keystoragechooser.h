#pragma once

#include <QGroupBox>

class QPushButton;
class QRadioButton;

namespace ms::ui {

class FilePathEdit;
class MessageLabel;
class WizardState;

/// Where the private keys are kept: the OS keychain when one answers, or — only when the user
/// picks it — a key file of their choosing (0600). Never falls back by itself. GUI thread;
/// state must outlive the widget.
class KeyStorageChooser final : public QGroupBox
{
    Q_OBJECT
public:
    explicit KeyStorageChooser(WizardState &state, QWidget *parent = nullptr);

    /// Asks the keychain, after this call returns, whether it answers; changed() follows.
    void probe();
    bool isProbing() const { return m_probing; }
    bool keychainAnswered() const { return m_keychainOk; }
    bool isComplete() const;

    QRadioButton *keychainButton() const { return m_keychain; }
    QRadioButton *fileButton() const { return m_file; }
    FilePathEdit *filePath() const { return m_path; }
    MessageLabel *status() const { return m_status; }

Q_SIGNALS:
    void changed();

private:
    void updateState();

    WizardState &m_state;
    QRadioButton *m_keychain;
    QRadioButton *m_file;
    FilePathEdit *m_path;
    QPushButton *m_probeAgain;
    MessageLabel *m_status;
    bool m_probing = false;
    bool m_keychainOk = false;
    int m_generation = 0;
};

} // namespace ms::ui
