#include "messagelabel.h"

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

MessageLabel::MessageLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void MessageLabel::showVerdict(const Verdict &verdict)
{
    m_kind = verdict.kind;
    if (verdict.message.isEmpty()) {
        setStyleSheet({});
        clear();
        return;
    }
    // Colour alone would not reach everyone: the sign in front says it too.
    switch (verdict.kind) {
    case Verdict::Kind::Accepted:
        setStyleSheet(u"color: #1b7a2f;"_s);
        setText(u"\u2714 "_s + verdict.message);
        break;
    case Verdict::Kind::Warning:
        setStyleSheet(u"color: #9a6200;"_s);
        setText(u"\u26A0 "_s + verdict.message);
        break;
    case Verdict::Kind::Refused:
        setStyleSheet(u"color: #b3261e;"_s);
        setText(u"\u2716 "_s + verdict.message);
        break;
    }
}

void MessageLabel::showProgress(const QString &text)
{
    m_kind = Verdict::Kind::Accepted;
    setStyleSheet({});
    setText(text);
}

void MessageLabel::clearMessage()
{
    m_kind = Verdict::Kind::Accepted;
    setStyleSheet({});
    clear();
}

} // namespace ms::ui
