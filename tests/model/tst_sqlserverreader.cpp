// The window's readers on a SQL Server that cannot be reached, through a real QODBC + FreeTDS
// connection attempt (no server can run here): a closed port gives a clear error through the
// reader and the tenant list, with neither a crash nor the password in it.

#include "model/mirrorreader.h"
#include "model/readerconnection.h"
#include "model/tenantlistmodel.h"
#include "service/common/error.h"
#include "service/state/tenantregistry.h"
#include "service/store/databasetarget.h"
#include "service/store/sqlserver/sqlservermirrorbackend.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace ms;

namespace {

const QString kTenant = u"Cust1234"_s;
// ';' and '}' would end an unescaped connection string value.
const QString kPassword = u"Secret;pw}1"_s;

// A port nothing listens on: bound, then closed again.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

DatabaseTarget closedTarget(quint16 port)
{
    return DatabaseTarget::parse(u"mssql://mirror:%1@127.0.0.1:%2/"_s
                                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(kPassword)))
                                     .arg(port),
                                 {});
}

// A backend that says the tenant has a mirror on the SQL Server of target, so that the reader
// itself connects (the real backend would fail first, on its own connection to master).
class ListedTenantBackend final : public MirrorBackend
{
public:
    explicit ListedTenantBackend(DatabaseTarget target) : m_server(std::move(target)) {}
    std::unique_ptr<MirrorStore> open(const QString &tenant) override
    {
        return m_server.open(tenant);
    }
    bool exists(const QString &tenant) const override { return tenant == kTenant; }
    QStringList tenants() const override { return {kTenant}; }
    void deleteTenant(const QString &) override {}
    QString description() const override { return m_server.description(); }
    ReadAccess readAccess(const QString &tenant) const override
    {
        return m_server.readAccess(tenant);
    }

private:
    SqlServerMirrorBackend m_server;
};

void checkReaderMessage(const QString &message, quint16 port)
{
    qInfo().noquote() << "reader:" << message;
    QVERIFY2(message.contains(u"Could not connect to the SQL Server mirror 127.0.0.1:%1/"
                              "Mirror_Cust1234"_s.arg(port)),
             qPrintable(message));
    // FreeTDS's own words, so the connection string was read and the port tried.
    QVERIFY2(message.contains(u"Unable to connect"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"Secret"_s), qPrintable(message));
}

} // namespace

class TstSqlServerReader final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void connectionToAClosedPort();
    void tenantListShowsTheReadersError();
    void tenantListShowsTheBackendsError();
    void queryPaneShowsTheError();

private:
    quint16 m_port = 0;
};

void TstSqlServerReader::init()
{
    if (!QSqlDatabase::isDriverAvailable(u"QODBC"_s))
        QSKIP("Qt's QODBC driver is not installed (Debian: libqt6sql6-odbc)");
    m_port = closedPort();
    QVERIFY(m_port != 0);
}

void TstSqlServerReader::connectionToAClosedPort()
{
    const ListedTenantBackend backend(closedTarget(m_port));
    try {
        ReaderConnection connection(backend.readAccess(kTenant), kTenant, u"tst_sqlserverreader"_s);
        QFAIL("a closed port gave a connection");
    } catch (const Error &error) {
        QCOMPARE(error.kind(), Error::Kind::Server);
        checkReaderMessage(error.message(), m_port);
    }
    // The failed connection's name is free again: a second attempt fails the same way.
    QVERIFY(!QSqlDatabase::contains(u"tst_sqlserverreader"_s));
    QVERIFY_THROWS_EXCEPTION(
        Error, ReaderConnection(backend.readAccess(kTenant), kTenant, u"tst_sqlserverreader"_s));
}

void TstSqlServerReader::tenantListShowsTheReadersError()
{
    QTemporaryDir dir;
    TenantRegistry registry(dir.path());
    ListedTenantBackend backend(closedTarget(m_port));
    TenantListModel model(registry, backend);
    QSignalSpy errors(&model, &TenantListModel::errorOccurred);
    QSignalSpy refreshed(&model, &TenantListModel::refreshed);
    model.refresh();
    QVERIFY(errors.wait(60000)); // a bound, not a measured time (login timeout: 10 s)
    checkReaderMessage(errors.first().first().toString(), m_port);
    QCOMPARE(refreshed.count(), 0);
    // The window keeps running: the next refresh tries again and says it again.
    model.refresh();
    QVERIFY(errors.wait(60000));
    checkReaderMessage(errors.last().first().toString(), m_port);
}

void TstSqlServerReader::tenantListShowsTheBackendsError()
{
    QTemporaryDir dir;
    TenantRegistry registry(dir.path());
    SqlServerMirrorBackend backend(closedTarget(m_port));
    TenantListModel model(registry, backend);
    QSignalSpy errors(&model, &TenantListModel::errorOccurred);
    model.refresh();
    QVERIFY(errors.wait(60000));
    const QString message = errors.first().first().toString();
    qInfo().noquote() << "backend:" << message;
    QVERIFY2(message.contains(u"cannot reach SQL Server at 127.0.0.1:%1"_s.arg(m_port)),
             qPrintable(message));
    QVERIFY2(!message.contains(u"Secret"_s), qPrintable(message));
}

void TstSqlServerReader::queryPaneShowsTheError()
{
    ListedTenantBackend backend(closedTarget(m_port));
    MirrorReaderPtr reader = MirrorReader::start(backend);
    QSignalSpy failed(reader.get(), &MirrorReader::failed);
    QSignalSpy answered(reader.get(), &MirrorReader::queryReady);
    reader->requestQuery(1, kTenant, u"SELECT 1"_s, 100);
    QVERIFY(failed.wait(60000));
    QCOMPARE(failed.first().first().toULongLong(), quint64(1));
    checkReaderMessage(failed.first().at(1).toString(), m_port);
    QCOMPARE(answered.count(), 0);
}

QTEST_GUILESS_MAIN(TstSqlServerReader)
#include "tst_sqlserverreader.moc"
