#include "filterheaderview.h"

#include <QLineEdit>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

FilterHeaderView::FilterHeaderView(QWidget *parent) : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setSortIndicatorShown(true);
    setHighlightSections(true);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FilterHeaderView::emitChanged);
    connect(this, &QHeaderView::sectionResized, this, &FilterHeaderView::placeEditors);
    connect(this, &QHeaderView::sectionMoved, this, &FilterHeaderView::placeEditors);
    connect(this, &QHeaderView::geometriesChanged, this, &FilterHeaderView::placeEditors);
}

void FilterHeaderView::setFilterCount(int count)
{
    qDeleteAll(m_editors);
    m_editors.clear();
    m_dirty.clear();
    m_debounce.stop();
    for (int column = 0; column < count; ++column) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(u"columnFilter%1"_s.arg(column));
        edit->setPlaceholderText(tr("Filter"));
        edit->setToolTip(tr("Rows whose value contains this text; \"=text\" for an exact match"));
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, [this, column] {
            m_dirty.insert(column);
            m_debounce.start();
        });
        edit->show();
        m_editors.append(edit);
    }
    updateGeometries();
}

void FilterHeaderView::clearFilters()
{
    for (QLineEdit *edit : std::as_const(m_editors)) {
        const QSignalBlocker block(edit);
        edit->clear();
    }
    m_dirty.clear();
    m_debounce.stop();
}

QSize FilterHeaderView::sizeHint() const
{
    QSize size = QHeaderView::sizeHint();
    if (!m_editors.isEmpty())
        size.setHeight(size.height() + m_editors.first()->sizeHint().height() + 2);
    return size;
}

void FilterHeaderView::updateGeometries()
{
    // The editors sit in a strip below the section labels, outside the viewport.
    const int strip = m_editors.isEmpty() ? 0 : m_editors.first()->sizeHint().height() + 2;
    setViewportMargins(0, 0, 0, strip);
    QHeaderView::updateGeometries();
    placeEditors();
}

void FilterHeaderView::placeEditors()
{
    const int top = QHeaderView::sizeHint().height() + 1;
    for (int column = 0; column < m_editors.size(); ++column) {
        QLineEdit *edit = m_editors.at(column);
        if (isSectionHidden(column)) {
            edit->hide();
            continue;
        }
        edit->setGeometry(sectionViewportPosition(column), top, sectionSize(column),
                          edit->sizeHint().height());
        edit->show();
    }
}

void FilterHeaderView::emitChanged()
{
    const QSet<int> dirty = std::exchange(m_dirty, {});
    for (const int column : dirty) {
        if (column < m_editors.size())
            Q_EMIT filterChanged(column, m_editors.at(column)->text());
    }
}

} // namespace ms::ui
