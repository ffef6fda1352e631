#pragma once

// Drives the SetupWizard as a person would: typing into fields, clicking buttons, and grabbing
// each page into docs/screenshots when MIRRORSCOPE_WRITE_SCREENSHOTS=1.

#include "ui/wizard/filepathedit.h"
#include "ui/wizard/setupwizard.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

namespace wizardtest {

using namespace Qt::Literals::StringLiterals;

/// Types text as a person would (no Return: in a dialog it presses the default button).
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

/// Types a path and presses Return, which loads it.
inline void choosePath(ms::ui::FilePathEdit *edit, const QString &path)
{
    typeInto(edit->lineEdit(), path);
    QTest::keyClick(edit->lineEdit(), Qt::Key_Return);
}

inline bool canGoOn(const ms::ui::SetupWizard &wizard)
{
    return wizard.button(QWizard::NextButton)->isEnabled();
}

inline void next(ms::ui::SetupWizard &wizard)
{
    wizard.button(QWizard::NextButton)->click();
}

/// Grabs the wizard; writes docs/screenshots/wizard-<name>.png when asked to. False if the grab
/// is empty.
inline bool screenshot(ms::ui::SetupWizard &wizard, const QString &name)
{
    QCoreApplication::processEvents();
    const QPixmap pixmap = wizard.grab();
    if (pixmap.isNull() || pixmap.width() < 100)
        return false;
    if (qEnvironmentVariableIntValue("MIRRORSCOPE_WRITE_SCREENSHOTS") == 1)
        return pixmap.save(QStringLiteral(MIRRORSCOPE_SCREENSHOT_DIR) + u"/wizard-"_s + name +
                           u".png"_s);
    return true;
}

} // namespace wizardtest
