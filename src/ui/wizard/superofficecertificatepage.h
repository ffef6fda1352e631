#pragma once

#include "certificatecheck.h"

#include <QWizardPage>

class QLabel;

namespace ms::ui {

class FilePathEdit;
class MessageLabel;
class WizardState;

/// Page 2: SuperOffice's certificate for the chosen environment (PEM or DER), with its subject,
/// validity and SHA-1 thumbprint, and the verdict of checkSuperOfficeCertificate. GUI thread;
/// state must outlive the page.
class SuperOfficeCertificatePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit SuperOfficeCertificatePage(WizardState &state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    /// Loads and checks a certificate file (what Browse and typing a path do).
    void loadCertificate(const QString &path);

    FilePathEdit *pathEdit() const { return m_path; }
    MessageLabel *message() const { return m_message; }
    QLabel *thumbprintLabel() const { return m_thumbprint; }

private:
    void recheck();

    WizardState &m_state;
    FilePathEdit *m_path;
    QLabel *m_subject;
    QLabel *m_validity;
    QLabel *m_thumbprint;
    MessageLabel *m_message;
    Verdict m_verdict;
};

} // namespace ms::ui
