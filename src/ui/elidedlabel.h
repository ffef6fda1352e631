#pragma once

#include <QFrame>

namespace ms::ui {

/// One line of plain text that shrinks with its layout instead of being cut off: when the room
/// is short it shows the text elided ("…") and the whole text as its tooltip. It asks for room
/// up to `preferredMinimumWidth` pixels, so that the layout shrinks its neighbours first.
class ElidedLabel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    /// The full text is shown when the layout leaves at least this much (or the text's width).
    void setPreferredMinimumWidth(int pixels);
    /// Shown as the tooltip when the text is not elided (when elided, the text comes first).
    void setExtraToolTip(const QString &toolTip);
    /// Whether the text does not fit its current width.
    bool isElided() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int textWidth() const;
    void updateToolTip();

    QString m_text;
    QString m_extraToolTip;
    int m_preferredMinimumWidth = 0;
};

} // namespace ms::ui
