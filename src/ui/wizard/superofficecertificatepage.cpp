#include "superofficecertificatepage.h"

#include "filepathedit.h"
#include "messagelabel.h"
#include "wizardstate.h"

#include "service/common/error.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

SuperOfficeCertificatePage::SuperOfficeCertificatePage(WizardState &state, QWidget *parent)
    : QWizardPage(parent), m_state(state),
      m_path(new FilePathEdit(FilePathEdit::Mode::Open, tr("SuperOffice certificate"),
                              tr("Certificates (*.crt *.cer *.pem *.der);;All files (*)"), this)),
      m_subject(valueLabel(this)), m_validity(valueLabel(this)), m_thumbprint(valueLabel(this)),
      m_message(new MessageLabel(this))
{
    setTitle(tr("SuperOffice certificate"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Certificate &file:"), m_path);
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("Valid:"), m_validity);
    form->addRow(tr("SHA-1 thumbprint:"), m_thumbprint);
    form->addRow(QString(), m_message);
    connect(m_path, &FilePathEdit::pathChosen, this, &SuperOfficeCertificatePage::loadCertificate);
}

void SuperOfficeCertificatePage::initializePage()
{
    setSubTitle(
        tr("The certificate SuperOffice signs the tokens of %1 with (a .crt, .cer or .pem "
           "file, PEM or DER). Its SHA-1 thumbprint should be %2.")
            .arg(environmentTitle(m_state.environment()), knownThumbprint(m_state.environment())));
    // The environment may have changed since the certificate was loaded.
    recheck();
}

bool SuperOfficeCertificatePage::isComplete() const
{
    return !m_state.superOfficeCertificate().isNull() && m_verdict.usable();
}

void SuperOfficeCertificatePage::loadCertificate(const QString &path)
{
    m_path->setPath(path);
    m_state.setSuperOfficeCertificate({});
    try {
        m_state.setSuperOfficeCertificate(Certificate::fromFile(path));
    } catch (const ms::Error &e) {
        m_verdict = {Verdict::Kind::Refused, e.message()};
    }
    recheck();
}

void SuperOfficeCertificatePage::recheck()
{
    const Certificate certificate = m_state.superOfficeCertificate();
    if (certificate.isNull()) {
        m_subject->clear();
        m_validity->clear();
        m_thumbprint->clear();
        if (m_path->path().isEmpty())
            m_message->clearMessage();
        else
            m_message->showVerdict(m_verdict);
    } else {
        const QLocale locale;
        m_subject->setText(certificate.subject());
        m_validity->setText(
            tr("%1 to %2 (UTC)")
                .arg(locale.toString(certificate.notBefore(), QLocale::ShortFormat),
                     locale.toString(certificate.notAfter(), QLocale::ShortFormat)));
        m_thumbprint->setText(certificate.sha1Thumbprint());
        m_verdict = checkSuperOfficeCertificate(certificate, m_state.environment(),
                                                QDateTime::currentDateTimeUtc());
        m_message->showVerdict(m_verdict);
    }
    Q_EMIT completeChanged();
}

} // namespace ms::ui
