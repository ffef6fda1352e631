#include "application.h"

#include "databasesetting.h"
#include "endpointcontroller.h"
#include "mainwindow.h"
#include "screenshotrunner.h"
#include "uiresources.h"
#include "windowsettings.h"

#include "service/common/error.h"
#include "service/settings/appsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {

/// --database for this run, else the saved setting (password from the keychain). A spec that
/// does not parse gives the embedded SQLite files and the reason in *problem.
DatabaseTarget databaseTargetFor(const QString &dataDir, const QString &override, QString *problem)
{
    if (override.isEmpty())
        return DatabaseSetting::load(dataDir, problem);
    try {
        return DatabaseTarget::parse(override, dataDir);
    } catch (const Error &error) {
        *problem = error.message();
        return DatabaseTarget::parse({}, dataDir);
    }
}

/// Installs the app's and Qt's translations for language ("" = the system locale's first
/// language that has one). English needs none.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *own = new QTranslator(&app);
    if (own->load(locale, u"mirrorscope"_s, u"_"_s, u":/i18n"_s)) {
        app.installTranslator(own);
        // Qt's own strings (dialog buttons) only when the app speaks the language too, so that a
        // window never mixes two languages other than English.
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, u"qtbase"_s, u"_"_s,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qt);
    }
}

/// Screenshot runs must not touch the user's settings: QSettings go to a scratch directory.
void isolateSettings(const QString &dir)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

} // namespace

int runApplication(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"MirrorScope"_s);
    QCoreApplication::setApplicationName(u"MirrorScope"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MIRRORSCOPE_VERSION));
    QGuiApplication::setDesktopFileName(u"mirrorscope"_s);
    initResources();
    QApplication::setWindowIcon(appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"MirrorScope: a local SuperOffice Database Mirroring endpoint"_s);
    parser.addHelpOption();
    const QCommandLineOption dataDirOption(u"data-dir"_s, u"Use DIR as the data directory."_s,
                                           u"DIR"_s);
    const QCommandLineOption languageOption(u"language"_s, u"Use a language (en, nb, de)."_s,
                                            u"CODE"_s);
    QCommandLineOption screenshotsOption(
        u"demo-screenshots"_s, u"Run a demo cycle, save a PNG of each pane to DIR, quit."_s,
        u"DIR"_s);
    screenshotsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption databaseOption(
        u"database"_s,
        u"Where the mirrors live for this run, as serve's --database (default: the saved "
        "setting)."_s,
        u"SPEC"_s);
    parser.addOptions({dataDirOption, languageOption, screenshotsOption, databaseOption});
    parser.process(app);

    const QString screenshotDir = parser.value(screenshotsOption);
    std::unique_ptr<QTemporaryDir> scratch;
    if (!screenshotDir.isEmpty()) {
        scratch = std::make_unique<QTemporaryDir>();
        isolateSettings(scratch->filePath(u"settings"_s));
        AppSettings settings;
        // Any free port: a screenshot run must not collide with a running endpoint.
        settings.setListenAddress(u"127.0.0.1:0"_s);
    }

    AppSettings settings;
    installTranslations(app, parser.isSet(languageOption) ? parser.value(languageOption)
                                                          : settings.language());

    QString dataDir = parser.value(dataDirOption);
    if (dataDir.isEmpty())
        dataDir = screenshotDir.isEmpty() ? settings.dataDirectory() : scratch->filePath(u"data"_s);
    std::unique_ptr<EndpointController> endpoint;
    QString databaseProblem;
    try {
        const QString absolute = QDir(dataDir).absolutePath();
        const DatabaseTarget target =
            databaseTargetFor(absolute, parser.value(databaseOption), &databaseProblem);
        endpoint = std::make_unique<EndpointController>(absolute, target);
    } catch (const Error &e) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("ms::ui::Application", "MirrorScope"),
            QCoreApplication::translate("ms::ui::Application",
                                        "The data directory %1 cannot be opened: %2")
                .arg(dataDir, e.message()));
        return 1;
    }

    MainWindow window(*endpoint);
    window.restoreWindowSettings();
    window.show();
    if (!databaseProblem.isEmpty())
        window.showDatabaseProblem(databaseProblem);
    window.startEndpoint();

    std::unique_ptr<ScreenshotRunner> screenshots;
    if (!screenshotDir.isEmpty()) {
        screenshots = std::make_unique<ScreenshotRunner>(window, screenshotDir);
        QObject::connect(screenshots.get(), &ScreenshotRunner::done, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        screenshots->start();
    } else if (!settings.setupCompleted() && !WindowSettings().setupOffered()) {
        // First start: offer the setup once; the window works with the demo identity anyway.
        QTimer::singleShot(0, &window, &MainWindow::openSetupWizard);
    }
    const int code = QApplication::exec();
    window.saveWindowSettings();
    return code;
}

} // namespace ms::ui
