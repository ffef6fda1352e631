#include "democycle.h"

#include "endpointcontroller.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

struct DemoCycle::Run
{};

DemoCycle::DemoCycle(EndpointController &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint)
{}

DemoCycle::~DemoCycle() = default;

bool DemoCycle::isAvailable()
{
    return false;
}

QString DemoCycle::sourcePath() const
{
    return QDir(m_endpoint.dataDir()).filePath(u"demo-source.sqlite3"_s);
}

bool DemoCycle::start()
{
    return false;
}

bool DemoCycle::isRunning() const
{
    return m_run != nullptr;
}

void DemoCycle::onRunFinished(bool ok, const QString &message)
{
    m_run.reset();
    Q_EMIT finished(ok, message);
}

} // namespace ms::ui
