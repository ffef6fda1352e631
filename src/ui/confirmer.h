#pragma once

#include <QString>

class QWidget;

namespace ms::ui {

/// Asks the user to confirm a destructive action and reports failures. The window uses message
/// boxes; tests inject scripted answers. GUI thread.
class Confirmer
{
public:
    virtual ~Confirmer() = default;
    /// True when the user chose acceptText.
    virtual bool confirm(const QString &title, const QString &text, const QString &acceptText) = 0;
    /// Tells the user that something they asked for failed.
    virtual void reportFailure(const QString &title, const QString &text) = 0;
};

/// A modal QMessageBox over parent (which must outlive this object).
class MessageBoxConfirmer final : public Confirmer
{
public:
    explicit MessageBoxConfirmer(QWidget *parent) : m_parent(parent) {}
    bool confirm(const QString &title, const QString &text, const QString &acceptText) override;
    void reportFailure(const QString &title, const QString &text) override;

private:
    QWidget *m_parent;
};

} // namespace ms::ui
