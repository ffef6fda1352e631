#include "summarypage.h"

#include "messagelabel.h"
#include "wizardsaver.h"
#include "wizardstate.h"

#include <QLabel>
#include <QPointer>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
QString row(const QString &name, const QString &value)
{
    return u"<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>"_s.arg(
        name.toHtmlEscaped(), value.toHtmlEscaped());
}
} // namespace

SummaryPage::SummaryPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent), m_state(state), m_summary(new QLabel(this)),
      m_message(new MessageLabel(this))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Save stores these settings. Private keys go only where it says; the settings "
                   "keep references and fingerprints."));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addStretch();
}

void SummaryPage::initializePage()
{
    const bool keychain = m_state.keyStorage() == KeyStorage::Keychain;
    const TlsMaterial tls = m_state.tls();
    QString html = u"<table>"_s;
    html += row(tr("Environment"), environmentTitle(m_state.environment()));
    html += row(tr("Application id"), m_state.applicationId());
    html += row(tr("SuperOffice certificate (SHA-1)"),
                m_state.superOfficeCertificate().sha1Thumbprint());
    html += row(tr("Application key (SHA-256)"),
                m_state.applicationKey().publicKey().fingerprint().left(32) + u"\u2026"_s);
    html += row(tr("Private key kept"),
                keychain ? tr("in the OS keychain")
                         : tr("in the file %1 (0600)").arg(m_state.applicationKeyFile()));
    html +=
        row(tr("Endpoint"), u"%1://%2/MirroringClientService.svc"_s.arg(
                                tls.isNull() ? u"http"_s : u"https"_s, m_state.listenAddress()));
    if (!tls.isNull()) {
        html += row(tr("TLS certificate"), tr("SHA-256 %1").arg(tls.sha256Fingerprint()));
        html += row(tr("TLS key kept"),
                    keychain ? tr("in the OS keychain")
                             : tr("in the file %1 (0600)").arg(m_state.tlsKeyFile()));
    }
    html += row(tr("Self-test"), tr("passed"));
    html += u"</table>"_s;
    m_summary->setText(html);
    m_message->clearMessage();
    m_saved = false;
}

bool SummaryPage::isComplete() const
{
    return !m_saving;
}

bool SummaryPage::validatePage()
{
    if (m_saved)
        return true;
    if (m_saving)
        return false;
    m_saving = true;
    m_message->showProgress(tr("Saving\u2026"));
    Q_EMIT completeChanged();
    // On the GUI thread like every SecretStore use (QtKeychain's jobs are bound to one thread);
    // its local event loop keeps the window painting while the keychain answers.
    QTimer::singleShot(0, this, [this] {
        const QPointer<SummaryPage> self(this);
        const SaveReport report = saveSetup(m_state);
        if (!self)
            return;
        m_saving = false;
        if (report.ok) {
            m_saved = true;
            m_message->showVerdict({Verdict::Kind::Accepted, report.written.join(u' ')});
            wizard()->accept(); // validatePage() now answers true
        } else {
            m_message->showVerdict({Verdict::Kind::Refused, report.error});
            Q_EMIT completeChanged();
        }
    });
    return false;
}

} // namespace ms::ui
