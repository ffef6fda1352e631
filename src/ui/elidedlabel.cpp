#include "elidedlabel.h"

#include <QPainter>

namespace ms::ui {

namespace {
// A few characters and the ellipsis: less than this tells nothing.
constexpr int MinimumCharacters = 6;
} // namespace

ElidedLabel::ElidedLabel(QWidget *parent) : QFrame(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    updateGeometry();
    updateToolTip();
    update();
}

void ElidedLabel::setPreferredMinimumWidth(int pixels)
{
    m_preferredMinimumWidth = pixels;
    updateGeometry();
}

void ElidedLabel::setExtraToolTip(const QString &toolTip)
{
    m_extraToolTip = toolTip;
    updateToolTip();
}

int ElidedLabel::textWidth() const
{
    return fontMetrics().horizontalAdvance(m_text);
}

bool ElidedLabel::isElided() const
{
    return textWidth() > contentsRect().width();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return {textWidth() + m.left() + m.right(), fontMetrics().height() + m.top() + m.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QMargins m = contentsMargins();
    const int least = fontMetrics().horizontalAdvance(QString(MinimumCharacters, u'x'));
    const int wanted = qMin(textWidth(), qMax(least, m_preferredMinimumWidth));
    return {wanted + m.left() + m.right(), fontMetrics().height() + m.top() + m.bottom()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    const QRect area = contentsRect();
    painter.setPen(palette().color(foregroundRole()));
    painter.drawText(area, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     fontMetrics().elidedText(m_text, Qt::ElideRight, area.width()));
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    updateToolTip();
}

void ElidedLabel::updateToolTip()
{
    if (isElided() && !m_text.isEmpty()) {
        setToolTip(m_extraToolTip.isEmpty() ? m_text : m_text + u'\n' + m_extraToolTip);
    } else {
        setToolTip(m_extraToolTip);
    }
}

} // namespace ms::ui
