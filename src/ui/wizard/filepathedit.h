#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace ms::ui {

/// A path field with a Browse button. Emits pathChosen when the user picks a file in the dialog
/// or finishes typing a path (Return or leaving the field). Return is kept from the dialog, so
/// that it loads the file instead of also pressing the wizard's Next. GUI thread.
class FilePathEdit final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Open, Save };
    FilePathEdit(Mode mode, const QString &dialogTitle, const QString &nameFilter,
                 QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void pathChosen(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void browse();
    void emitIfChanged();

    Mode m_mode;
    QString m_dialogTitle;
    QString m_nameFilter;
    QLineEdit *m_edit;
    QPushButton *m_browse;
    QString m_lastEmitted;
};

} // namespace ms::ui
