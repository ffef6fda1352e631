#include "rowdatarequestwriter.h"

#include "soapnames.h"
#include "soapxmlwriter.h"
#include "wirerowvalues.h"

#include <stdexcept>
#include <string>

namespace ms {

namespace names = soapnames;

RowDataRequestWriter::RowDataRequestWriter(const QString &signedToken, const QString &clientState)
    : m_writer(std::make_unique<SoapXmlWriter>())
{
    m_writer->beginEnvelope(&signedToken);
    m_writer->beginMessage(names::requestElement(SoapOperation::RowData), /*withXsi=*/true);
    m_writer->textElement(names::kClientState, clientState);
    m_writer->beginElement(names::kBatches);

    const auto bytes = [](QLatin1StringView name) {
        return QByteArray(name.data(), name.size());
    };
    const auto open = [&](QLatin1StringView name) {
        return '<' + bytes(name) + '>';
    };
    const auto close = [&](QLatin1StringView name) {
        return "</" + bytes(name) + '>';
    };
    for (RowOperation op : {RowOperation::Insert, RowOperation::Update, RowOperation::Delete})
        m_rowStart[int(op)] = open(names::kRow) + open(names::kOperation) +
                              rowOperationName(op).toLatin1() + close(names::kOperation);
    m_lsnOpen = open(names::kLsn);
    m_lsnClose = close(names::kLsn);
    m_lsnNil = '<' + bytes(names::kLsn) + ' ' + bytes(names::kXsiPrefix) + ':' +
               bytes(names::kNil) + "=\"true\"/>";
    m_valuesOpen = open(names::kValues);
    m_rowEnd = close(names::kValues) + close(names::kRow);
    m_emptyRowEnd = '<' + bytes(names::kValues) + "/>" + close(names::kRow);
}

RowDataRequestWriter::~RowDataRequestWriter() = default;

void RowDataRequestWriter::require(State state, const char *call) const
{
    if (m_state != state)
        throw std::logic_error(std::string("RowDataRequestWriter::") + call + " out of order");
}

void RowDataRequestWriter::beginBatch(const QString &tableName, const QStringList &columns)
{
    require(State::BetweenBatches, "beginBatch");
    m_writer->beginElement(names::kRowBatch);
    m_writer->textElement(names::kTableName, tableName);
    m_writer->beginElement(names::kColumns);
    for (const QString &column : columns)
        m_writer->textElement(names::kColumn, column);
    m_writer->endElement();
    m_writer->beginElement(names::kRows);
    m_state = State::InBatch;
}

void RowDataRequestWriter::beginRow(RowOperation op, std::optional<qint64> lsn)
{
    require(State::InBatch, "row");
    m_writer->beginElement(names::kRow);
    m_writer->textElement(names::kOperation, rowOperationName(op));
    if (lsn)
        m_writer->int64Element(names::kLsn, *lsn);
    else
        m_writer->nilElement(names::kLsn);
    m_writer->beginElement(names::kValues);
}

void RowDataRequestWriter::endRow()
{
    m_writer->endElement(); // Values
    m_writer->endElement(); // Row
}

void RowDataRequestWriter::row(RowOperation op, std::optional<qint64> lsn,
                               const QList<CellValue> &values)
{
    beginRow(op, lsn);
    for (const CellValue &value : values)
        m_writer->value(value);
    endRow();
}

void RowDataRequestWriter::row(RowOperation op, std::optional<qint64> lsn,
                               const WireRowValues &values)
{
    // The same bytes as beginRow() and endRow() write, from the tags made in the constructor.
    require(State::InBatch, "row");
    Q_ASSERT(int(op) >= 0 && int(op) < 3);
    m_writer->markup(m_rowStart[int(op)]);
    if (lsn) {
        m_writer->markup(m_lsnOpen);
        m_writer->decimal(*lsn);
        m_writer->markup(m_lsnClose);
    } else {
        m_writer->markup(m_lsnNil);
    }
    if (values.size() == 0) {
        m_writer->markup(m_emptyRowEnd);
        return;
    }
    m_writer->markup(m_valuesOpen);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values.isNull(i))
            m_writer->nilValue();
        else
            m_writer->utf8Value(values.text(i));
    }
    m_writer->markup(m_rowEnd);
}

void RowDataRequestWriter::reserve(qsizetype bytes)
{
    m_writer->reserve(bytes);
}

void RowDataRequestWriter::endBatch(std::optional<qint64> batchLsn)
{
    require(State::InBatch, "endBatch");
    m_writer->endElement(); // Rows
    if (batchLsn)
        m_writer->int64Element(names::kLsn, *batchLsn);
    else
        m_writer->nilElement(names::kLsn);
    m_writer->endElement(); // RowBatch
    m_state = State::BetweenBatches;
}

qsizetype RowDataRequestWriter::size() const
{
    return m_writer->size();
}

QByteArray RowDataRequestWriter::finish()
{
    require(State::BetweenBatches, "finish");
    m_state = State::Finished;
    return m_writer->finish();
}

} // namespace ms
