#include "adminactions.h"

#include "confirmer.h"
#include "endpointcontroller.h"

#include "service/common/error.h"
#include "service/endpoint/mirroradmin.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
QString tableList(const QStringList &tables)
{
    return QLocale().createSeparatedList(tables);
}

/// The event log's operation names (not translated, like the service's).
QString operationName(AdminActions::Kind kind)
{
    switch (kind) {
    case AdminActions::Kind::Invalidate:
        return u"Invalidate"_s;
    case AdminActions::Kind::Repopulate:
        return u"Repopulate"_s;
    case AdminActions::Kind::Pause:
        return u"Pause"_s;
    case AdminActions::Kind::Resume:
        return u"Resume"_s;
    case AdminActions::Kind::Delete:
        return u"Delete"_s;
    }
    return {};
}
} // namespace

AdminActions::AdminActions(EndpointController &endpoint, Confirmer &confirmer, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_confirmer(confirmer)
{
    m_pool.setMaxThreadCount(1);
}

AdminActions::~AdminActions()
{
    m_pool.waitForDone();
}

QString AdminActions::title(Kind kind)
{
    switch (kind) {
    case Kind::Invalidate:
        return tr("Invalidate");
    case Kind::Repopulate:
        return tr("Repopulate");
    case Kind::Pause:
        return tr("Pause tenant");
    case Kind::Resume:
        return tr("Resume tenant");
    case Kind::Delete:
        return tr("Delete mirror");
    }
    return {};
}

QString AdminActions::acceptText(Kind kind)
{
    switch (kind) {
    case Kind::Invalidate:
        return tr("Invalidate");
    case Kind::Repopulate:
        return tr("Repopulate");
    case Kind::Pause:
        return tr("Pause");
    case Kind::Resume:
        return tr("Resume");
    case Kind::Delete:
        return tr("Delete mirror");
    }
    return {};
}

QString AdminActions::confirmationText(Kind kind, const QString &tenant, const QStringList &tables)
{
    const QString metadata = tenant + u"_mirroring"_s;
    switch (kind) {
    case Kind::Invalidate:
        if (tables.isEmpty())
            return tr("Deletes all rows of every table of %1 and sets every LSN to -1 in %2. The "
                      "next cycle sends every row again.")
                .arg(tenant, metadata);
        return tr("Deletes all rows of %1 and sets its LSN to -1 in %2. The next cycle sends "
                  "every row again.",
                  nullptr, int(tables.size()))
            .arg(tableList(tables), metadata);
    case Kind::Repopulate:
        if (tables.isEmpty())
            return tr("Drops every table of %1 and deletes their rows in %2 (the documented hard "
                      "reset). The next cycle creates the tables again and sends every row.")
                .arg(tenant, metadata);
        return tr("Drops %1 and deletes its row in %2 (the documented hard reset). The next "
                  "cycle creates it again and sends every row.",
                  nullptr, int(tables.size()))
            .arg(tableList(tables), metadata);
    case Kind::Pause:
        return tr("%1 is answered doNotReplicate from its next Authenticate on: the Mirroring "
                  "Task skips it until you resume it. The mirror is kept as it is.")
            .arg(tenant);
    case Kind::Resume:
        return tr("%1 is mirrored again from its next cycle on.").arg(tenant);
    case Kind::Delete:
        return tr("Deletes the mirror of %1 (all its tables and %2) and forgets its state. Its "
                  "events stay in the log. If the Mirroring Task calls again, it starts over "
                  "with every row.")
            .arg(tenant, metadata);
    }
    return {};
}

bool AdminActions::run(Kind kind, const QString &tenant, const QStringList &tables)
{
    if (m_busy || tenant.isEmpty())
        return false;
    if (!m_confirmer.confirm(title(kind), confirmationText(kind, tenant, tables), acceptText(kind)))
        return false;
    m_busy = true;
    Q_EMIT started(kind, tenant);
    m_pool.start([this, kind, tenant, tables] { work(kind, tenant, tables); });
    return true;
}

void AdminActions::work(Kind kind, const QString &tenant, const QStringList &tables)
{
    // Worker thread: MirrorAdmin waits for the tenant's call in progress (TenantSlots).
    EndpointController &endpoint = m_endpoint;
    MirrorAdmin admin(endpoint.tenantSlots(), endpoint.events(), endpoint.registry(),
                      [&endpoint](const Event &event) { endpoint.noteEvent(event); });
    bool ok = true;
    QString message;
    try {
        switch (kind) {
        case Kind::Invalidate:
            admin.invalidate(tenant, tables);
            break;
        case Kind::Repopulate:
            admin.repopulate(tenant, tables);
            break;
        case Kind::Pause:
            admin.setPaused(tenant, true);
            break;
        case Kind::Resume:
            admin.setPaused(tenant, false);
            break;
        case Kind::Delete:
            admin.deleteMirror(tenant);
            break;
        }
    } catch (const Error &e) {
        ok = false;
        message = e.message();
        // MirrorAdmin logs what it did; a refusal is only known here.
        endpoint.logEvent(tenant, Severity::Error, operationName(kind),
                          eventmessage::actionFailed(operationName(kind), message));
    }
    QMetaObject::invokeMethod(
        this,
        [this, kind, tenant, ok, message] {
            m_busy = false;
            Q_EMIT finished(kind, tenant, ok, message);
        },
        Qt::QueuedConnection);
}

} // namespace ms::ui
