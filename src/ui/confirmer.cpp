#include "confirmer.h"

#include <QMessageBox>
#include <QPushButton>

namespace ms::ui {

bool MessageBoxConfirmer::confirm(const QString &title, const QString &text,
                                  const QString &acceptText)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_parent);
    QPushButton *accept = box.addButton(acceptText, QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void MessageBoxConfirmer::reportFailure(const QString &title, const QString &text)
{
    QMessageBox::warning(m_parent, title, text);
}

} // namespace ms::ui
