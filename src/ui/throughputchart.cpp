#include "throughputchart.h"

#include "model/throughputmonitor.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

ThroughputChart::ThroughputChart(ThroughputMonitor &monitor, QWidget *parent)
    : QWidget(parent), m_monitor(monitor), m_samples(monitor.samples())
{
    setObjectName(u"throughputChart"_s);
    setToolTip(tr("Rows received per second over the last two minutes"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(&monitor, &ThroughputMonitor::changed, this, &ThroughputChart::onChanged);
}

QSize ThroughputChart::sizeHint() const
{
    // Wide enough for the longest label beside a readable stretch of the plot.
    const int label =
        fontMetrics().horizontalAdvance(tr("peak %1 rows/s").arg(QLocale().toString(9999999)));
    return {qMax(180, label + 60), qMax(20, fontMetrics().height() + 6)};
}

QSize ThroughputChart::minimumSizeHint() const
{
    return sizeHint();
}

void ThroughputChart::onChanged()
{
    m_samples = m_monitor.samples();
    update();
}

void ThroughputChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRoundedRect(frame, 3, 3);

    qint64 peak = 0;
    for (const qint64 value : std::as_const(m_samples))
        peak = qMax(peak, value);
    const QRectF plot = frame.adjusted(2, 3, -2, -2);
    if (peak > 0 && m_samples.size() > 1) {
        // A filled area from the oldest second (left) to now (right), scaled to the peak.
        const qreal step = plot.width() / qreal(m_samples.size() - 1);
        QPainterPath area(QPointF(plot.left(), plot.bottom()));
        for (int i = 0; i < m_samples.size(); ++i) {
            const qreal y = plot.bottom() - plot.height() * qreal(m_samples.at(i)) / qreal(peak);
            area.lineTo(plot.left() + step * i, y);
        }
        area.lineTo(plot.right(), plot.bottom());
        area.closeSubpath();
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(90);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1.2));
        painter.setBrush(fill);
        painter.drawPath(area);
    }
    const QString label =
        peak > 0 ? tr("peak %1 rows/s").arg(QLocale().toString(peak)) : tr("no rows in 2 min");
    // On the left, over the oldest seconds, on a translucent plate: the newest (right) edge is
    // where the curve moves, and text drawn across it was unreadable.
    QRectF box =
        painter.boundingRect(plot.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
    box.adjust(-2, 0, 2, 0);
    QColor plate = palette().color(QPalette::Base);
    plate.setAlpha(200);
    painter.setPen(Qt::NoPen);
    painter.setBrush(plate);
    painter.drawRect(box);
    painter.setPen(palette().color(peak > 0 ? QPalette::Text : QPalette::PlaceholderText));
    painter.drawText(box, Qt::AlignCenter, label);
}

} // namespace ms::ui
