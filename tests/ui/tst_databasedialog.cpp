// File > Mirror database…: the choice between the embedded SQLite files, a PostgreSQL server and
// (experimental) a SQL Server, saved to the same setting serve reads; a URL of the wrong kind or
// none at all is refused in the dialog and nothing is saved.

#include "service/store/databasetarget.h"
#include "ui/databasedialog.h"
#include "ui/databasesetting.h"

#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using ms::DatabaseTarget;
using ms::ui::DatabaseDialog;
using ms::ui::DatabaseSetting;

namespace {

struct DialogParts
{
    QRadioButton *sqlite = nullptr;
    QRadioButton *postgres = nullptr;
    QRadioButton *sqlServer = nullptr;
    QLineEdit *url = nullptr;
    QLabel *error = nullptr;
};

DialogParts partsOf(DatabaseDialog &dialog)
{
    return {dialog.findChild<QRadioButton *>(u"databaseSqlite"_s),
            dialog.findChild<QRadioButton *>(u"databasePostgres"_s),
            dialog.findChild<QRadioButton *>(u"databaseSqlServer"_s),
            dialog.findChild<QLineEdit *>(u"databaseUrl"_s),
            dialog.findChild<QLabel *>(u"databaseError"_s)};
}

} // namespace

class TstDatabaseDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(DatabaseSetting::save({}, {}, nullptr));
    }
    // The other window tests read this setting: never leave a server configured for them.
    void cleanupTestCase() { DatabaseSetting::save({}, {}, nullptr); }

    void sqlServerIsSavedAndShownAgain()
    {
        {
            DatabaseDialog dialog;
            const DialogParts parts = partsOf(dialog);
            QVERIFY(parts.sqlite && parts.postgres && parts.sqlServer && parts.url && parts.error);
            parts.sqlServer->setChecked(true);
            QVERIFY(parts.url->isEnabled());
            QVERIFY(parts.url->placeholderText().startsWith(u"mssql://"_s));
            parts.url->setText(u"mssql://sa@db.example:1433/"_s);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(DatabaseSetting::savedSpec(), u"mssql://sa@db.example:1433/"_s);
        QCOMPARE(DatabaseTarget::parse(DatabaseSetting::savedSpec(), u"."_s).kind,
                 DatabaseTarget::Kind::SqlServer);

        DatabaseDialog again;
        const DialogParts parts = partsOf(again);
        QVERIFY(parts.sqlServer->isChecked());
        QCOMPARE(parts.url->text(), u"mssql://sa@db.example:1433/"_s);
    }

    void aUrlOfTheOtherKindIsRefusedAndNothingSaved()
    {
        const QString before = DatabaseSetting::savedSpec();
        DatabaseDialog dialog;
        const DialogParts parts = partsOf(dialog);
        parts.postgres->setChecked(true);
        QVERIFY(parts.url->placeholderText().startsWith(u"postgresql://"_s));
        parts.url->setText(u"mssql://sa@other.example/"_s);
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY(!parts.error->isHidden());
        QVERIFY2(parts.error->text().contains(u"postgresql://"_s), qPrintable(parts.error->text()));
        QCOMPARE(DatabaseSetting::savedSpec(), before);

        parts.sqlServer->setChecked(true);
        parts.url->setText(u"postgresql://me@pg.example/mirror"_s);
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY2(parts.error->text().contains(u"mssql://"_s), qPrintable(parts.error->text()));
        QCOMPARE(DatabaseSetting::savedSpec(), before);

        parts.url->clear();
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY(parts.error->text().contains(u"SQL Server"_s));
        QCOMPARE(DatabaseSetting::savedSpec(), before);
    }

    void postgresAndBackToSqlite()
    {
        {
            DatabaseDialog dialog;
            const DialogParts parts = partsOf(dialog);
            parts.postgres->setChecked(true);
            parts.url->setText(u"  postgresql://me@pg.example:5433/mirror  "_s);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(DatabaseSetting::savedSpec(), u"postgresql://me@pg.example:5433/mirror"_s);
        {
            DatabaseDialog dialog;
            const DialogParts parts = partsOf(dialog);
            QVERIFY(parts.postgres->isChecked());
            parts.sqlite->setChecked(true);
            QVERIFY(!parts.url->isEnabled());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(DatabaseSetting::savedSpec(), QString());
        DatabaseDialog again;
        QVERIFY(partsOf(again).sqlite->isChecked());
    }
};

QTEST_MAIN(TstDatabaseDialog)
#include "tst_databasedialog.moc"
