#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace ms {

class SoapXmlWriter;
class WireRowValues;

/// Builds a RowData request envelope batch by batch, so the simulator can fill a body to about
/// BatchSize bytes without a RowDataRequest copy. Calls: (beginBatch, row*, endBatch)*, finish.
/// Values are written as given, without checking their count against the columns (a simulator
/// may send a malformed row on purpose). Misuse of the call order throws std::logic_error.
/// One thread at a time.
class RowDataRequestWriter final
{
public:
    RowDataRequestWriter(const QString &signedToken, const QString &clientState);
    ~RowDataRequestWriter();
    Q_DISABLE_COPY_MOVE(RowDataRequestWriter)

    void beginBatch(const QString &tableName, const QStringList &columns);
    void row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values);
    /// The same from values in UTF-8 wire text (no QString per value).
    void row(RowOperation op, std::optional<qint64> lsn, const WireRowValues &values);
    /// Room for a body of about this many bytes (it is not copied while it grows).
    void reserve(qsizetype bytes);
    void endBatch(std::optional<qint64> batchLsn);
    /// Bytes written so far (the closing tags add about 100 more).
    qsizetype size() const;
    /// Closes the envelope and returns it; the writer is spent afterwards.
    QByteArray finish();

private:
    enum class State { BetweenBatches, InBatch, Finished };
    void require(State state, const char *call) const;
    void beginRow(RowOperation op, std::optional<qint64> lsn);
    void endRow();

    std::unique_ptr<SoapXmlWriter> m_writer;
    State m_state = State::BetweenBatches;
    // A WireRowValues row's fixed tags, made once from soapnames, so that its frame is a few
    // copies (issue #8): "<Row><Operation>Insert</Operation>" per operation (by enum value),
    // "<Lsn>", "</Lsn>", "<Lsn xsi:nil="true"/>", "<Values>", "</Values></Row>", and
    // "<Values/></Row>" for a row without values.
    QByteArray m_rowStart[3];
    QByteArray m_lsnOpen;
    QByteArray m_lsnClose;
    QByteArray m_lsnNil;
    QByteArray m_valuesOpen;
    QByteArray m_rowEnd;
    QByteArray m_emptyRowEnd;
};

} // namespace ms
