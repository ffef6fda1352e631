#include "windowsettings.h"

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

WindowSettings::WindowSettings()
{
    m_settings.beginGroup(u"window"_s);
}

QByteArray WindowSettings::geometry() const
{
    return m_settings.value(u"geometry"_s).toByteArray();
}

void WindowSettings::setGeometry(const QByteArray &geometry)
{
    m_settings.setValue(u"geometry"_s, geometry);
}

QByteArray WindowSettings::windowState() const
{
    return m_settings.value(u"state"_s).toByteArray();
}

void WindowSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(u"state"_s, state);
}

QByteArray WindowSettings::splitterState(const QString &name) const
{
    return m_settings.value(u"splitters/"_s + name).toByteArray();
}

void WindowSettings::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings.setValue(u"splitters/"_s + name, state);
}

QString WindowSettings::lastTenant() const
{
    return m_settings.value(u"lastTenant"_s).toString();
}

void WindowSettings::setLastTenant(const QString &tenant)
{
    m_settings.setValue(u"lastTenant"_s, tenant);
}

QString WindowSettings::queryText() const
{
    return m_settings.value(u"queryText"_s).toString();
}

void WindowSettings::setQueryText(const QString &text)
{
    m_settings.setValue(u"queryText"_s, text);
}

int WindowSettings::rowLimit(int fallback) const
{
    bool ok = false;
    const int limit = m_settings.value(u"rowLimit"_s).toInt(&ok);
    return ok && limit > 0 ? limit : fallback;
}

void WindowSettings::setRowLimit(int limit)
{
    m_settings.setValue(u"rowLimit"_s, limit);
}

bool WindowSettings::setupOffered() const
{
    return m_settings.value(u"setupOffered"_s, false).toBool();
}

void WindowSettings::setSetupOffered(bool offered)
{
    m_settings.setValue(u"setupOffered"_s, offered);
}

} // namespace ms::ui
