#include "fuzztargets.h"

#include "service/common/error.h"
#include "service/soap/soaprequestreader.h"

namespace ms::fuzz {

namespace {

// Counts what the parser streams; touching every value makes ASan check each one.
class CountingSink final : public RowDataSink
{
public:
    explicit CountingSink(bool utf8) : m_utf8(utf8) {}
    bool takesUtf8Values() const override { return m_utf8; }
    void rowUtf8(RowOperation, std::optional<qint64> lsn,
                 const QList<Utf8CellValue> &values) override
    {
        m_bytes += lsn.value_or(0) & 1;
        for (const Utf8CellValue &value : values)
            m_bytes += value.isNull ? 1 : value.utf8.size();
    }
    void beginBatch(const QString &tableName, const QStringList &columns) override
    {
        m_bytes += tableName.size() + columns.size();
    }
    void row(RowOperation, std::optional<qint64> lsn, const QList<CellValue> &values) override
    {
        m_bytes += lsn.value_or(0) & 1;
        for (const CellValue &value : values)
            m_bytes += value.isNull ? 1 : value.text.size();
    }
    void endBatch(std::optional<qint64>) override { ++m_bytes; }
    qint64 bytes() const { return m_bytes; }

private:
    const bool m_utf8;
    qint64 m_bytes = 0;
};

} // namespace

int soapRequest(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    try {
        SoapRequestReader reader(body);
        reader.readEnvelopeStart();
        (void)reader.signedToken().size();
        switch (reader.operation()) {
        case SoapOperation::Authenticate:
            (void)reader.readAuthenticate();
            break;
        case SoapOperation::TableSchema:
            (void)reader.readTableSchema();
            break;
        case SoapOperation::Wipe:
            (void)reader.readWipe();
            break;
        case SoapOperation::RowData: {
            // Both ways of taking the values: as QString, and as UTF-8 (the SQLite store's).
            try {
                CountingSink sink(false);
                (void)reader.readRowData(sink);
                (void)sink.bytes();
            } catch (const Error &) {
            }
            SoapRequestReader again(body);
            again.readEnvelopeStart();
            CountingSink sink(true);
            (void)again.readRowData(sink);
            (void)sink.bytes();
            break;
        }
        case SoapOperation::ReplicationCompleted:
            (void)reader.readReplicationCompleted();
            break;
        }
    } catch (const Error &) {
        // A refusal is the expected answer to bad input; anything else escapes and is a finding.
    }
    return 0;
}

} // namespace ms::fuzz
