#pragma once

#include <QList>
#include <QWidget>

namespace ms {
class ThroughputMonitor;
}

namespace ms::ui {

/// A small live chart of rows received per second over the last two minutes, painted with
/// QPainter (no QtCharts): a filled area, the newest second at the right, the peak as a label.
/// GUI thread; the monitor must outlive the widget.
class ThroughputChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughputChart)
public:
    explicit ThroughputChart(ThroughputMonitor &monitor, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void onChanged();

    ThroughputMonitor &m_monitor;
    QList<qint64> m_samples;
};

} // namespace ms::ui
