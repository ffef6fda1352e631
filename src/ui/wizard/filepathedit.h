#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace ms::ui {

/// A path field with a Browse button. Emits pathChosen when the user picks a file in the dialog
/// or finishes typing a path (Return or leaving the field). GUI thread.
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

private:
    void browse();

    Mode m_mode;
    QString m_dialogTitle;
    QString m_nameFilter;
    QLineEdit *m_edit;
    QPushButton *m_browse;
    QString m_lastEmitted;
};

} // namespace ms::ui
