#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace ms::ui {

class Confirmer;
class EndpointController;

/// The repair actions of the window (Invalidate, Repopulate, Pause/Resume, Delete mirror): each
/// asks the Confirmer with a text that says exactly what will happen, then runs MirrorAdmin on a
/// worker thread (one action at a time) so the GUI never waits for a tenant's call in progress.
/// GUI thread; endpoint and confirmer must outlive this object.
class AdminActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminActions)
public:
    enum class Kind { Invalidate, Repopulate, Pause, Resume, Delete };
    Q_ENUM(Kind)

    AdminActions(EndpointController &endpoint, Confirmer &confirmer, QObject *parent = nullptr);
    ~AdminActions() override;

    /// tables empty = every table of the tenant. Returns false when the user declined or an
    /// action is still running; true when the action was started.
    bool run(Kind kind, const QString &tenant, const QStringList &tables = {});
    bool isBusy() const { return m_busy; }

    /// The confirmation's title, text and button; public for tests and translators.
    static QString title(Kind kind);
    static QString confirmationText(Kind kind, const QString &tenant, const QStringList &tables);
    static QString acceptText(Kind kind);

Q_SIGNALS:
    void started(ms::ui::AdminActions::Kind kind, const QString &tenant);
    /// ok false: message is the plain reason.
    void finished(ms::ui::AdminActions::Kind kind, const QString &tenant, bool ok,
                  const QString &message);

private:
    void work(Kind kind, const QString &tenant, const QStringList &tables);

    EndpointController &m_endpoint;
    Confirmer &m_confirmer;
    QThreadPool m_pool;
    bool m_busy = false;
};

} // namespace ms::ui
