#include "sqlitemirrorbackend.h"

#include "sqlitemirrorstore.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"
#include "service/common/logging.h"

#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr auto kSuffix = ".sqlite3"_L1;
// SQLite's companions of a WAL database; removed with it so no stale log is replayed later.
constexpr QLatin1StringView kCompanions[] = {""_L1, "-wal"_L1, "-shm"_L1, "-journal"_L1};

void requireValid(const QString &tenant)
{
    if (!isValidTenantId(tenant))
        throw clientError(u"'%1' is not a valid tenant id"_s.arg(tenant));
}
} // namespace

SqliteMirrorBackend::SqliteMirrorBackend(QString dataDir) : m_dataDir(std::move(dataDir)) {}

QString SqliteMirrorBackend::mirrorPath(const QString &tenant) const
{
    requireValid(tenant);
    return QDir(m_dataDir).filePath(mirrorDatabaseName(tenant) + kSuffix);
}

std::unique_ptr<MirrorStore> SqliteMirrorBackend::open(const QString &tenant)
{
    const QString path = mirrorPath(tenant);
    if (!QDir().mkpath(m_dataDir))
        throw serverError(u"Cannot create the mirror directory %1"_s.arg(m_dataDir));
    return std::make_unique<SqliteMirrorStore>(tenant, path);
}

bool SqliteMirrorBackend::exists(const QString &tenant) const
{
    return isValidTenantId(tenant) && QFile::exists(mirrorPath(tenant));
}

QStringList SqliteMirrorBackend::tenants() const
{
    const QString prefix = mirrorDatabaseName(u"");
    QStringList result;
    // Case-sensitive: QDir's name filters ignore case by default, and "mirror_x.SQLITE3" is not
    // the file mirrorPath() names, so listing it would show a tenant that open() cannot find.
    const QStringList files = QDir(m_dataDir).entryList(
        {prefix + u'*' + kSuffix}, QDir::Files | QDir::CaseSensitive, QDir::Name);
    for (const QString &file : files) {
        const QString tenant =
            file.mid(prefix.size(), file.size() - prefix.size() - kSuffix.size());
        if (isValidTenantId(tenant))
            result.append(tenant);
    }
    return result;
}

void SqliteMirrorBackend::deleteTenant(const QString &tenant)
{
    const QString path = mirrorPath(tenant);
    for (QLatin1StringView companion : kCompanions) {
        QFile file(path + companion);
        if (file.exists() && !file.remove())
            throw serverError(u"Cannot delete %1: %2"_s.arg(file.fileName(), file.errorString()));
    }
    qCInfo(lcStore) << "Deleted the mirror of tenant" << tenant << "at" << path;
}

QString SqliteMirrorBackend::description() const
{
    return u"SQLite files in %1"_s.arg(QDir::toNativeSeparators(m_dataDir));
}

ReadAccess SqliteMirrorBackend::readAccess(const QString &tenant) const
{
    ReadAccess access;
    access.driver = u"QSQLITE"_s;
    access.databaseName = mirrorPath(tenant);
    return access;
}

} // namespace ms
