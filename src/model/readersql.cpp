#include "readersql.h"

#include "service/common/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>

#include <sys/stat.h>

namespace ms {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ms::MirrorReader", text);
}

} // namespace

void *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<void *const *>(handle.constData());
    return nullptr;
}

QSqlQuery execPrepared(const QSqlDatabase &db, const SqlText &text)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(text.sql))
        throw serverError(tr("Could not prepare the query: %1").arg(query.lastError().text()));
    for (const QVariant &value : text.binds)
        query.addBindValue(value);
    if (!query.exec())
        throw serverError(tr("Could not read the mirror: %1").arg(query.lastError().text()));
    return query;
}

QVariant sqlValue(const QSqlQuery &query, int column)
{
    return query.isNull(column) ? QVariant() : query.value(column);
}

void throwIfStepFailed(const QSqlQuery &query)
{
    if (query.lastError().isValid())
        throw serverError(tr("Reading the mirror stopped: %1").arg(query.lastError().text()));
}

std::optional<FileId> fileIdOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return FileId{quint64(info.st_dev), quint64(info.st_ino)};
}

} // namespace ms
