#pragma once

// Plain value types for the five mirroring operations of PROTOCOL.md, shared by the SOAP
// layer (which parses and writes them), the mirror stores (which apply them) and the
// simulator (which sends them). No behaviour lives here.

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms {

enum class SoapOperation { Authenticate, TableSchema, Wipe, RowData, ReplicationCompleted };

/// "Authenticate" etc.; the local part of SOAPAction and of the request element (less "Request").
QString operationName(SoapOperation op);
std::optional<SoapOperation> operationFromName(QStringView name);

struct ColumnSchema
{
    QString name;
    QString dataType; ///< SQL Server dialect as received, e.g. "nvarchar(254)"
    bool isNullable = true;
    std::optional<QString> defaultValue; ///< SQL Server's default text, e.g. "((0))"; nullopt = nil
    bool operator==(const ColumnSchema &) const = default;
};

struct TableSchema
{
    QString tableName;
    QList<ColumnSchema> columns;
    QStringList primaryKey; ///< column names, in key order
    bool operator==(const TableSchema &) const = default;
};

enum class SchemaChange { None, Created, Altered, Recreated };
QString schemaChangeName(SchemaChange change);
std::optional<SchemaChange> schemaChangeFromName(QStringView name);

struct TableState
{
    QString tableName;
    qint64 lsn = -1; ///< -1: the mirror holds no data, send everything
    SchemaChange schemaChange = SchemaChange::None;
    bool operator==(const TableState &) const = default;
};

enum class RowOperation { Insert, Update, Delete };
QString rowOperationName(RowOperation op);
std::optional<RowOperation> rowOperationFromName(QStringView name);

/// One <V>: its text after XML unescaping and enc="base64" decoding, or NULL.
struct CellValue
{
    QString text;
    bool isNull = false;
    bool operator==(const CellValue &) const = default;
};

/// One <V> like CellValue, in UTF-8: what a sink that binds UTF-8 receives (takesUtf8Values()),
/// so that a value's text is not turned into a QString and back on the ingest path (issue #8).
struct Utf8CellValue
{
    /// Often a view (QByteArray::fromRawData) of the request's bytes or the reader's buffers,
    /// valid for the rowUtf8() call only: a sink that keeps a value copies its bytes (a copy of
    /// the QByteArray would still be a view).
    QByteArray utf8;
    bool isNull = false;
};

/// Per-table figures: RowData's response TableState and ReplicationCompleted's TableSummary.
struct TableCounts
{
    QString tableName;
    qint64 lsn = -1; ///< recorded LSN after the call (RowData response only)
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
    bool operator==(const TableCounts &) const = default;
};

// ---- requests -------------------------------------------------------------------------

struct AuthenticateRequest
{
    QString clientState;
};

struct TableSchemaRequest
{
    QString clientState;
    QList<TableSchema> tables;
};

struct WipeRequest
{
    QString clientState;
    QString tableName;
};

/// The parts of a RowData request that are not rows (rows stream through a RowDataSink).
struct RowDataRequestHead
{
    QString clientState;
};

/// A whole RowData request in memory: what the simulator builds and what tests compare.
struct RowBatch
{
    struct Row
    {
        RowOperation operation = RowOperation::Insert;
        std::optional<qint64> lsn;
        QList<CellValue> values;
        bool operator==(const Row &) const = default;
    };
    QString tableName;
    QStringList columns;
    QList<Row> rows;
    std::optional<qint64> lsn; ///< set only on the table's last batch of the cycle
    bool operator==(const RowBatch &) const = default;
};

struct RowDataRequest
{
    QString clientState;
    QList<RowBatch> batches;
};

struct ReplicationCompletedRequest
{
    QString clientState;
    QList<TableCounts> summary; ///< lsn unused
};

// ---- responses ------------------------------------------------------------------------

struct AuthenticateResponse
{
    bool isSuccessful = false;
    QString errorMessage;
    QString signedApplicationToken;
    int supportedInterfaces = 1;
    QString superOfficeMirroringBuild;
    QString clientState;
    QString additionalInformationJson; ///< empty, or {"doNotReplicate":"true"}
};

struct TableSchemaResponse
{
    QList<TableState> tables;
    QString clientState;
};

/// Wipe's and ReplicationCompleted's response share this shape.
struct StatusResponse
{
    bool isSuccessful = true;
    QString errorMessage;
    QString clientState;
};

struct RowDataResponse
{
    QList<TableCounts> tables;
    QString clientState;
};

struct SoapFault
{
    enum class Code { Client, Server };
    Code code = Code::Server;
    QString reason;
};

/// Receives a RowData request's batches while the body is still being parsed, so that a
/// large body never becomes a document in memory. Calls come in document order:
/// beginBatch, row*, endBatch, for each batch. Any method may throw ms::Error to abort.
class RowDataSink
{
public:
    virtual ~RowDataSink() = default;
    virtual void beginBatch(const QString &tableName, const QStringList &columns) = 0;
    /// values has one entry per column of the batch; the reference is valid for this call only.
    virtual void row(RowOperation op, std::optional<qint64> lsn,
                     const QList<CellValue> &values) = 0;
    virtual void endBatch(std::optional<qint64> batchLsn) = 0;

    /// True: the reader calls rowUtf8() instead of row(), with the same values in UTF-8.
    virtual bool takesUtf8Values() const { return false; }
    /// The values as UTF-8 (valid UTF-8, as the XML was); by default turned into row()'s.
    virtual void rowUtf8(RowOperation op, std::optional<qint64> lsn,
                         const QList<Utf8CellValue> &values);
};

} // namespace ms

Q_DECLARE_METATYPE(ms::TableCounts)
