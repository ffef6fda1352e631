#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <optional>

namespace ms {

class RowDataRequestWriter;
class WireRowValues;

/// Packs the rows of a cycle into RowData calls of about batchSize bytes (PROTOCOL.md, step 3):
/// a table's rows may span several calls, and only the table's last batch carries its LSN (a
/// table without rows gets one empty batch carrying it). Several small tables share a call.
/// Calls: (beginTable, row*, endTable)*, finish. One thread; the callbacks run on it.
class RowDataBatcher final
{
public:
    /// makeToken is asked for the token of each call; send gets each finished envelope and
    /// may throw to stop the cycle.
    RowDataBatcher(qsizetype batchSize, QString clientState, std::function<QString()> makeToken,
                   std::function<void(const QByteArray &envelope)> send);
    ~RowDataBatcher();
    Q_DISABLE_COPY_MOVE(RowDataBatcher)

    void beginTable(const QString &tableName, const QStringList &columns);
    void row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values);
    void row(RowOperation op, std::optional<qint64> lsn, const WireRowValues &values);
    void endTable(qint64 tableLsn);
    /// Sends what is pending.
    void finish();

private:
    void open();
    void sendPending();
    /// Sends the body when it is full, so that the next row starts a new one.
    void splitIfFull();

    qsizetype m_batchSize;
    QString m_clientState;
    std::function<QString()> m_makeToken;
    std::function<void(const QByteArray &)> m_send;
    std::unique_ptr<RowDataRequestWriter> m_writer;
    QString m_table;
    QStringList m_columns;
    qsizetype m_rowsInBatch = 0;
};

} // namespace ms
