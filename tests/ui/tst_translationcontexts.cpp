// Strings translated outside a QObject reach the user translated: the self-test's lines (shown in
// the wizard) used a free tr() wrapper, so lupdate filed them under the namespace "ms" while the
// program looked them up under "ms::SelfTest", and they stayed English in every language.

#include "service/selftest/selftest.h"
#include "ui/uiresources.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

class TstTranslationContexts final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        ms::ui::initResources(); // the translations are resources of the static ms_ui
        QVERIFY(m_german.load(QLocale(QLocale::German), u"mirrorscope"_s, u"_"_s, u":/i18n"_s));
        QVERIFY(QCoreApplication::installTranslator(&m_german));
    }

    void selfTestStepsAreTranslated()
    {
        QCOMPARE(ms::selfTestStepTitle(ms::SelfTestStepId::EndpointStarted),
                 u"Endpunkt gestartet"_s);
        QCOMPARE(ms::selfTestStepTitle(ms::SelfTestStepId::TlsHandshake),
                 u"TLS-Handshake mit dem gewählten Zertifikat"_s);
    }

    // The contexts the other former wrappers use at run time, each with one of its strings.
    void helperContextsAreTranslated_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::newRow("MirrorReader")
            << u"ms::MirrorReader"_s << u"Could not read the mirror: %1"_s;
        QTest::newRow("CsvExporter") << u"ms::CsvExporter"_s << u"Could not replace %1."_s;
        QTest::newRow("WizardSaver")
            << u"ms::ui::WizardSaver"_s << u"The settings are saved in %1."_s;
        QTest::newRow("DatabaseSetting")
            << u"ms::ui::DatabaseSetting"_s << u"The keychain did not take the password: %1"_s;
    }

    void helperContextsAreTranslated()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        const QString translated =
            QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData());
        QVERIFY2(translated != source, qPrintable(context + u": "_s + source));
    }

private:
    QTranslator m_german;
};

QTEST_MAIN(TstTranslationContexts)
#include "tst_translationcontexts.moc"
