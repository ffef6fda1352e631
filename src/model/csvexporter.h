#pragma once

#include "readertypes.h"

#include <QFile>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace ms {

class MirrorBackend;

/// Exports a table (in a PageQuery's order and filter) to a CSV file on a worker thread,
/// streaming pages by key. RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes
/// doubled, lines end CRLF, UTF-8 without BOM, a header line with the column names. NULL is an
/// empty field; binary values are written as base64 (RFC 4648, no line breaks). The file is
/// written to "<path>.part" and renamed to path only when complete. GUI thread only.
class CsvExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExporter)
public:
    static constexpr int PageRows = 2000;

    /// backend must outlive the exporter.
    explicit CsvExporter(MirrorBackend &backend, QObject *parent = nullptr);
    ~CsvExporter() override; ///< cancels and waits

    /// Starts an export; false (nothing started) while one runs. totalRows only feeds
    /// progress() (-1 = unknown).
    bool start(const PageQuery &query, const QString &filePath, qint64 totalRows = -1);
    /// Stops the running export; finished(false, ...) follows and no file is left.
    void cancel();
    bool isRunning() const;

    /// One CSV field for a value as MirrorReader returns it.
    static QByteArray csvField(const QVariant &value);

Q_SIGNALS:
    /// Rows written so far; total = -1 when unknown. At most a few per second.
    void progress(qint64 done, qint64 total);
    /// ok: the file is at filePath. Otherwise error says why ("canceled" when canceled).
    void finished(bool ok, const QString &filePath, const QString &error);

private:
    struct Outcome
    {
        bool ok = false;
        QString filePath;
        QString error;
    };
    void run(PageQuery query, QString filePath, qint64 totalRows);
    void exportTo(const PageQuery &query, QFile &file, qint64 totalRows);

    MirrorBackend &m_backend;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancel{false};
    Outcome m_outcome; ///< written by the worker, read after its thread has finished
};

} // namespace ms
