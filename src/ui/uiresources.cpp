#include "uiresources.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

// Q_INIT_RESOURCE must run outside any namespace.
static void initMirrorScopeResources()
{
    Q_INIT_RESOURCE(mirrorscope);
}

namespace ms::ui {

void initResources()
{
    static const bool done = [] {
        initMirrorScopeResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon icon(const QString &name)
{
    const QString path = u":/icons/%1.svg"_s.arg(name);
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

QIcon appIcon()
{
    return QIcon(u":/mirrorscope.svg"_s);
}

QIcon severityIcon(Severity severity)
{
    switch (severity) {
    case Severity::Information:
        return icon(u"info"_s);
    case Severity::Warning:
        return icon(u"warning"_s);
    case Severity::Error:
        return icon(u"error"_s);
    }
    return {};
}

} // namespace ms::ui
