#pragma once

#include <QHeaderView>
#include <QSet>
#include <QTimer>

class QLineEdit;

namespace ms::ui {

/// A horizontal header with a filter line edit under every section. Typing is debounced:
/// filterChanged comes DebounceMs after the last keystroke, once per changed column.
/// GUI thread.
class FilterHeaderView final : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterHeaderView)
public:
    static constexpr int DebounceMs = 300;

    explicit FilterHeaderView(QWidget *parent = nullptr);

    /// Recreates the editors (all empty) for count columns.
    void setFilterCount(int count);
    void clearFilters();
    QLineEdit *editor(int column) const { return m_editors.value(column); }

    QSize sizeHint() const override;
    /// Moves the editors under their sections (after scrolling, resizing, moving).
    void placeEditors();

Q_SIGNALS:
    void filterChanged(int column, const QString &text);

protected:
    void updateGeometries() override;

private:
    void emitChanged();

    QList<QLineEdit *> m_editors;
    QSet<int> m_dirty;
    QTimer m_debounce;
};

} // namespace ms::ui
