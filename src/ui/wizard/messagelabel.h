#pragma once

#include "certificatecheck.h"

#include <QLabel>

namespace ms::ui {

/// A word-wrapped label showing a verdict next to the input it is about: green when accepted,
/// amber for a warning, red when refused. GUI thread.
class MessageLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit MessageLabel(QWidget *parent = nullptr);

    void showVerdict(const Verdict &verdict);
    void showProgress(const QString &text); ///< neutral text while work runs
    void clearMessage();

    /// What is shown now (the tests read it); Accepted while showing progress or nothing.
    Verdict::Kind kind() const { return m_kind; }

private:
    Verdict::Kind m_kind = Verdict::Kind::Accepted;
};

} // namespace ms::ui
