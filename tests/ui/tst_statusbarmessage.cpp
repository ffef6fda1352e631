// The status bar's message (an action's outcome, the demo cycle's progress) is whole at the
// window's default size, and elided with the whole text in its tooltip when the room is short.

#include "ui/elidedlabel.h"
#include "ui/endpointcontroller.h"
#include "ui/endpointstatusbar.h"
#include "ui/mainwindow.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TstStatusBarMessage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void messageIsWholeAtTheDefaultSizeAndElidedWhenNarrow()
    {
        QTemporaryDir dir;
        ms::ui::EndpointController endpoint(dir.path());
        ms::ui::MainWindow window(endpoint);
        window.resize(1280, 820); // the window's default size
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ms::ui::EndpointStatusBar *bar = window.endpointStatusBar();
        auto *lastCall = bar->findChild<QWidget *>(u"lastCall"_s);
        QVERIFY(lastCall);
        QVERIFY(lastCall->isVisible());

        const QString finished = u"Demo cycle finished: completed (4,022 row(s) sent)"_s;
        bar->showNotice(finished, 60000);
        QTRY_VERIFY(bar->messageLabel()->isVisible());
        QTRY_VERIFY(!bar->messageLabel()->isElided());
        QCOMPARE(bar->messageText(), finished);
        QVERIFY(!lastCall->isVisible()); // the message has the last call's room

        bar->showProgress(u"Demo cycle: contact, 12,345 rows sent"_s, 0, 0);
        QTRY_VERIFY(!bar->messageLabel()->isElided());
        QCOMPARE(bar->messageText(), u"Demo cycle: contact, 12,345 rows sent"_s);
        bar->hideProgress();
        QCOMPARE(bar->messageText(), finished); // the notice is back

        const QString longText = finished + u" "_s + QString(400, u'x');
        bar->showNotice(longText);
        QTRY_VERIFY(bar->messageLabel()->isElided());
        QCOMPARE(bar->messageLabel()->toolTip(), longText);

        bar->showNotice({});
        QTRY_VERIFY(lastCall->isVisible());
        QVERIFY(bar->messageText().isEmpty());
    }
};

QTEST_MAIN(TstStatusBarMessage)
#include "tst_statusbarmessage.moc"
