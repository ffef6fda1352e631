#include "csvexporter.h"

#include "keysetsql.h"
#include "readerconnection.h"
#include "readersql.h"
#include "service/common/error.h"
#include "service/store/mirrorbackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace ms {
namespace {

constexpr qint64 ProgressIntervalMs = 250;

// Translated in the context ms::CsvExporter; the macro lets lupdate see that context (a free
// CsvExporterText::tr() wrapper filed its strings under the namespace, where the running program
// never looked).
class CsvExporterText
{
    Q_DECLARE_TR_FUNCTIONS(ms::CsvExporter)
};

void writeAll(QFile &file, const QByteArray &bytes)
{
    if (file.write(bytes) != bytes.size())
        throw serverError(
            CsvExporterText::tr("Could not write %1: %2").arg(file.fileName(), file.errorString()));
}

} // namespace

CsvExporter::CsvExporter(MirrorBackend &backend, QObject *parent)
    : QObject(parent), m_backend(backend)
{
    registerReaderTypes();
}

CsvExporter::~CsvExporter()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

bool CsvExporter::isRunning() const
{
    return m_thread != nullptr;
}

bool CsvExporter::start(const PageQuery &query, const QString &filePath, qint64 totalRows)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_thread.reset(
        QThread::create([this, query, filePath, totalRows] { run(query, filePath, totalRows); }));
    m_thread->setObjectName(u"CsvExporter"_s);
    // Reported from the GUI thread once the worker has ended, so that isRunning() is already
    // false in a slot of finished() and a new export may start there.
    connect(m_thread.get(), &QThread::finished, this, [this] {
        m_thread->wait();
        m_thread.reset();
        const Outcome outcome = std::exchange(m_outcome, {});
        Q_EMIT finished(outcome.ok, outcome.filePath, outcome.error);
    });
    m_thread->start();
    return true;
}

void CsvExporter::cancel()
{
    m_cancel = true;
}

QByteArray CsvExporter::csvField(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray().toBase64();
    QByteArray text = value.toString().toUtf8();
    if (text.contains(',') || text.contains('"') || text.contains('\r') || text.contains('\n')) {
        text.replace("\"", "\"\"");
        return '"' + text + '"';
    }
    return text;
}

// Worker thread: its own read-only connection, pages by key in the query's order.
void CsvExporter::exportTo(const PageQuery &query, QFile &file, qint64 totalRows)
{
    if (!m_backend.exists(query.tenant))
        throw clientError(CsvExporterText::tr("The tenant %1 has no mirror.").arg(query.tenant));
    const QString name = u"ms-csv-%1"_s.arg(quintptr(this), 0, 16);
    {
        ReaderConnection connection(m_backend.readAccess(query.tenant), query.tenant, name);
        const QSqlDatabase db = connection.database();
        const ReaderDialect dialect = connection.dialectFor(query.table);
        QByteArrayList header;
        for (const QString &column : query.columns)
            header.append(csvField(column));
        writeAll(file, header.join(',') + "\r\n");
        const int width = int(query.columns.size());
        const int keyWidth = int(orderColumns(query).size());
        PageStart start;
        qint64 done = 0;
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        Q_EMIT progress(0, totalRows);
        for (;;) {
            if (m_cancel)
                throw clientError(CsvExporterText::tr("canceled"));
            QSqlQuery rows = execPrepared(db, pageSql(query, start, PageRows, dialect));
            int inPage = 0;
            QByteArray chunk;
            while (rows.next()) {
                QByteArrayList fields;
                for (int i = 0; i < width; ++i)
                    fields.append(csvField(sqlValue(rows, i)));
                chunk += fields.join(',') + "\r\n";
                start.key.clear();
                for (int i = 0; i < keyWidth; ++i)
                    start.key.append(sqlValue(rows, width + i));
                ++inPage;
            }
            throwIfStepFailed(rows);
            writeAll(file, chunk);
            done += inPage;
            if (sinceProgress.elapsed() >= ProgressIntervalMs) {
                sinceProgress.restart();
                Q_EMIT progress(done, totalRows);
            }
            if (inPage < PageRows)
                break;
            start.kind = PageStart::Kind::After;
        }
        Q_EMIT progress(done, totalRows);
    }
}

void CsvExporter::run(PageQuery query, QString filePath, qint64 totalRows)
{
    Outcome outcome;
    outcome.filePath = filePath;
    const QString part = filePath + u".part"_s;
    QFile file(part);
    try {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw serverError(
                CsvExporterText::tr("Could not create %1: %2").arg(part, file.errorString()));
        exportTo(query, file, totalRows);
        if (!file.flush())
            throw serverError(
                CsvExporterText::tr("Could not write %1: %2").arg(part, file.errorString()));
        file.close();
        if (m_cancel)
            throw clientError(CsvExporterText::tr("canceled"));
        if (QFile::exists(filePath) && !QFile::remove(filePath))
            throw serverError(CsvExporterText::tr("Could not replace %1.").arg(filePath));
        if (!QFile::rename(part, filePath))
            throw serverError(
                CsvExporterText::tr("Could not rename %1 to %2.").arg(part, filePath));
        outcome.ok = true;
    } catch (const Error &error) {
        file.close();
        QFile::remove(part);
        outcome.error = error.message();
    }
    m_outcome = outcome;
}

} // namespace ms
