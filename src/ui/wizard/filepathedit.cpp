#include "filepathedit.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>

namespace ms::ui {

FilePathEdit::FilePathEdit(Mode mode, const QString &dialogTitle, const QString &nameFilter,
                           QWidget *parent)
    : QWidget(parent), m_mode(mode), m_dialogTitle(dialogTitle), m_nameFilter(nameFilter),
      m_edit(new QLineEdit(this)), m_browse(new QPushButton(tr("Browse\u2026"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    m_edit->setClearButtonEnabled(true);
    connect(m_browse, &QPushButton::clicked, this, &FilePathEdit::browse);
    // editingFinished fires on leaving the field too; only a change is news.
    connect(m_edit, &QLineEdit::editingFinished, this, &FilePathEdit::emitIfChanged);
    m_edit->installEventFilter(this);
}

bool FilePathEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            emitIfChanged();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilePathEdit::emitIfChanged()
{
    if (m_edit->text() != m_lastEmitted) {
        m_lastEmitted = m_edit->text();
        Q_EMIT pathChosen(m_lastEmitted);
    }
}

QString FilePathEdit::path() const
{
    return m_edit->text().trimmed();
}

void FilePathEdit::setPath(const QString &path)
{
    m_edit->setText(path);
    m_lastEmitted = path;
}

void FilePathEdit::browse()
{
    const QString chosen =
        m_mode == Mode::Open
            ? QFileDialog::getOpenFileName(this, m_dialogTitle, path(), m_nameFilter)
            : QFileDialog::getSaveFileName(this, m_dialogTitle, path(), m_nameFilter);
    if (chosen.isEmpty())
        return;
    setPath(chosen);
    Q_EMIT pathChosen(chosen);
}

} // namespace ms::ui
