#include "readersql.h"

#include "service/common/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

// Translated in the context ms::MirrorReader; the macro lets lupdate see that context (a free
// MirrorReaderText::tr() wrapper filed its strings under the namespace, where the running program
// never looked).
class MirrorReaderText
{
    Q_DECLARE_TR_FUNCTIONS(ms::MirrorReader)
};

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
    preferExactNumbers(query);
    if (!query.prepare(text.sql))
        throw serverError(
            MirrorReaderText::tr("Could not prepare the query: %1").arg(query.lastError().text()));
    for (const QVariant &value : text.binds)
        query.addBindValue(value);
    if (!query.exec())
        throw serverError(
            MirrorReaderText::tr("Could not read the mirror: %1").arg(query.lastError().text()));
    return query;
}

void preferExactNumbers(QSqlQuery &query)
{
    // QPSQL turns numeric into a double by default; QSQLITE would turn REAL into text instead.
    if (query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL)
        query.setNumericalPrecisionPolicy(QSql::HighPrecision);
}

QVariant sqlValue(const QSqlQuery &query, int column)
{
    if (query.isNull(column))
        return {};
    return cellValue(query.value(column));
}

QVariant cellValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool: // SQL Server's bit, as SQLite keeps it
        return qlonglong(value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::QDateTime:
        return value.toDateTime().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s);
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QTime:
        return value.toTime().toString(u"HH:mm:ss.zzz"_s);
    case QMetaType::QUuid:
        return value.toUuid().toString(QUuid::WithoutBraces);
    default:
        return value;
    }
}

void throwIfStepFailed(const QSqlQuery &query)
{
    if (query.lastError().isValid())
        throw serverError(
            MirrorReaderText::tr("Reading the mirror stopped: %1").arg(query.lastError().text()));
}

std::optional<FileId> fileIdOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return FileId{quint64(info.st_dev), quint64(info.st_ino)};
}

} // namespace ms
