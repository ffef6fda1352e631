#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace ms::ui {

/// What the window remembers between runs (QSettings group "window"): geometry and dock
/// state, splitter sizes by name, the last tenant, the query text and its row limit.
/// GUI thread; cheap to create where needed.
class WindowSettings final
{
public:
    WindowSettings();
    Q_DISABLE_COPY_MOVE(WindowSettings)

    QByteArray geometry() const;
    void setGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    /// QSplitter::saveState() of the splitter with that object name.
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    QString lastTenant() const;
    void setLastTenant(const QString &tenant);
    QString queryText() const;
    void setQueryText(const QString &text);
    int rowLimit(int fallback) const;
    void setRowLimit(int limit);
    /// The setup wizard was shown once (first start); it is not offered again unasked.
    bool setupOffered() const;
    void setSetupOffered(bool offered);

private:
    QSettings m_settings;
};

} // namespace ms::ui
