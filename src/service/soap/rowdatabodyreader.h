#pragma once

#include "service/common/protocoltypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ms {

class XmlCursor;

/// Reads a RowDataRequest element (the cursor on its start element) through its end, calling the
/// sink batch by batch and row by row. The ingest hot path: one values list and one text buffer
/// per column are reused across rows. Same thread as the cursor; both must outlive this object.
class RowDataBodyReader final
{
public:
    RowDataBodyReader(XmlCursor &cursor, RowDataSink &sink);
    Q_DISABLE_COPY_MOVE(RowDataBodyReader)

    /// Throws ms::Error(Client) naming the batch and row of a malformed part; whatever the sink
    /// throws propagates unchanged.
    RowDataRequestHead read();

private:
    void readBatches();
    void readBatch();
    void readColumns();
    void readRows();
    void readRow();
    qsizetype readValues();
    void readValue(CellValue &cell);
    void readValue(Utf8CellValue &cell, QByteArray &storage);
    /// The value's encoding attribute: false for none, true for base64, else refused.
    bool isBase64();
    QString base64Refusal() const;
    QString batchPosition() const;
    QString rowPosition() const;

    XmlCursor &m_cursor;
    RowDataSink &m_sink;
    int m_batchNumber = 0;
    qint64 m_rowNumber = 0;
    QString m_tableName;
    QStringList m_columns;
    const bool m_utf8; // the sink takes UTF-8 values: m_utf8Values instead of m_values
    QList<CellValue> m_values;
    QList<Utf8CellValue> m_utf8Values; // views of the document or of m_utf8Storage
    QList<QByteArray> m_utf8Storage;   // per column: a value that had to be rewritten
    QString m_scratch;
    QByteArray m_utf8Scratch;
};

} // namespace ms
