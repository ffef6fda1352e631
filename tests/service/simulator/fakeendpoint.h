#pragma once

// A small in-test endpoint for the simulator's cycle: a QTcpServer in the test's thread (the
// task's blocking calls spin a local event loop, which serves it) that records every call and
// answers through a replaceable handler. It knows nothing of our real endpoint.

#include "service/auth/applicationtoken.h"
#include "service/auth/rsaprivatekey.h"
#include "service/common/error.h"
#include "service/soap/soapaction.h"
#include "service/soap/soaprequestreader.h"
#include "service/soap/soapresponsewriter.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace testsupport {

using namespace Qt::Literals::StringLiterals;

inline QString fixture(const QString &name)
{
    return QStringLiteral(MIRRORSCOPE_FIXTURES_DIR) + u'/' + name;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// One request as the endpoint saw it.
struct RecordedCall
{
    QByteArray soapAction; ///< header value as sent
    qsizetype bodySize = 0;
    ms::SoapOperation operation = ms::SoapOperation::Authenticate;
    QString token;
    QString clientState;
    ms::TableSchemaRequest tableSchema;
    ms::WipeRequest wipe;
    ms::RowDataRequest rowData;
    ms::ReplicationCompletedRequest completed;
    QString nonce; ///< Authenticate only: from the token's payload
};

/// Collects a streamed RowData body into a RowDataRequest.
class CollectingSink final : public ms::RowDataSink
{
public:
    explicit CollectingSink(ms::RowDataRequest &into) : m_into(into) {}
    void beginBatch(const QString &tableName, const QStringList &columns) override
    {
        m_into.batches.append(ms::RowBatch{tableName, columns, {}, std::nullopt});
    }
    void row(ms::RowOperation op, std::optional<qint64> lsn,
             const QList<ms::CellValue> &values) override
    {
        m_into.batches.last().rows.append(ms::RowBatch::Row{op, lsn, values});
    }
    void endBatch(std::optional<qint64> batchLsn) override { m_into.batches.last().lsn = batchLsn; }

private:
    ms::RowDataRequest &m_into;
};

inline QJsonObject jwtPayload(const QString &token)
{
    const QByteArray part = token.section(u'.', 1, 1).toLatin1();
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding))
        .object();
}

class FakeEndpoint final
{
public:
    /// Returns the response body; sets status (200 unless told otherwise).
    using Handler = std::function<QByteArray(const RecordedCall &, int &status)>;

    FakeEndpoint()
    {
        m_appKey = ms::RsaPrivateKey::fromText(readFile(fixture(u"app-private-key.pem"_s)));
        m_handler = [this](const RecordedCall &call, int &status) {
            return defaultAnswer(call, status);
        };
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost);
    }

    ~FakeEndpoint()
    {
        // The sockets die with the server, after the members their handlers use.
        for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
            socket->disconnect();
    }
    Q_DISABLE_COPY_MOVE(FakeEndpoint)

    QUrl url() const
    {
        return QUrl(u"http://127.0.0.1:%1/Mirroring/MirroringClientService.svc"_s.arg(
            m_server.serverPort()));
    }
    const QList<RecordedCall> &calls() const { return m_calls; }
    QList<ms::SoapOperation> operations() const
    {
        QList<ms::SoapOperation> ops;
        for (const RecordedCall &call : m_calls)
            ops.append(call.operation);
        return ops;
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // What the default handler answers.
    QString clientState = u"cs-42 <&> ünï"_s;
    QString additionalInformationJson;
    ms::RsaPrivateKey *applicationKeyOverride = nullptr;
    QHash<QString, ms::TableState> tableStates; ///< answered for TableSchema; default -1/Created

    QByteArray defaultAnswer(const RecordedCall &call, int &status)
    {
        status = 200;
        switch (call.operation) {
        case ms::SoapOperation::Authenticate: {
            ms::AuthenticateResponse r;
            r.isSuccessful = true;
            r.signedApplicationToken = ms::signApplicationToken(
                applicationKeyOverride ? *applicationKeyOverride : m_appKey, call.nonce,
                QDateTime::currentDateTimeUtc());
            r.superOfficeMirroringBuild = u"fake"_s;
            r.clientState = clientState;
            r.additionalInformationJson = additionalInformationJson;
            return ms::writeAuthenticateResponse(r);
        }
        case ms::SoapOperation::TableSchema: {
            ms::TableSchemaResponse r{{}, call.clientState};
            for (const ms::TableSchema &t : call.tableSchema.tables)
                r.tables.append(tableStates.value(
                    t.tableName, ms::TableState{t.tableName, -1, ms::SchemaChange::Created}));
            return ms::writeTableSchemaResponse(r);
        }
        case ms::SoapOperation::Wipe:
            return ms::writeWipeResponse({true, {}, call.clientState});
        case ms::SoapOperation::RowData: {
            ms::RowDataResponse r{{}, call.clientState};
            for (const ms::RowBatch &batch : call.rowData.batches) {
                ms::TableCounts *counts = nullptr;
                for (ms::TableCounts &c : r.tables) {
                    if (c.tableName == batch.tableName)
                        counts = &c;
                }
                if (!counts) {
                    r.tables.append(ms::TableCounts{
                        batch.tableName, m_recorded.value(batch.tableName, -1), 0, 0, 0});
                    counts = &r.tables.last();
                }
                for (const ms::RowBatch::Row &row : batch.rows) {
                    qint64 &n = row.operation == ms::RowOperation::Insert   ? counts->inserted
                                : row.operation == ms::RowOperation::Update ? counts->updated
                                                                            : counts->deleted;
                    ++n;
                }
                if (batch.lsn) {
                    m_recorded.insert(batch.tableName, *batch.lsn);
                    counts->lsn = *batch.lsn;
                }
            }
            return ms::writeRowDataResponse(r);
        }
        case ms::SoapOperation::ReplicationCompleted:
            return ms::writeReplicationCompletedResponse({true, {}, call.clientState});
        }
        return {};
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [this, socket] { read(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (true) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            QByteArray action;
            for (const QByteArray &line : buffer.left(end).split('\n')) {
                const QByteArray lower = line.toLower();
                if (lower.startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
                if (lower.startsWith("soapaction:"))
                    action = line.mid(11).trimmed();
            }
            if (buffer.size() < end + 4 + length)
                return;
            const QByteArray body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            answer(socket, action, body);
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &action, const QByteArray &body)
    {
        RecordedCall call;
        call.soapAction = action;
        call.bodySize = body.size();
        int status = 200;
        QByteArray response;
        try {
            ms::SoapRequestReader reader(body);
            reader.readEnvelopeStart();
            call.operation = reader.operation();
            call.token = reader.signedToken();
            switch (call.operation) {
            case ms::SoapOperation::Authenticate:
                call.clientState = reader.readAuthenticate().clientState;
                call.nonce = jwtPayload(call.token).value("nonce"_L1).toString();
                break;
            case ms::SoapOperation::TableSchema:
                call.tableSchema = reader.readTableSchema();
                call.clientState = call.tableSchema.clientState;
                break;
            case ms::SoapOperation::Wipe:
                call.wipe = reader.readWipe();
                call.clientState = call.wipe.clientState;
                break;
            case ms::SoapOperation::RowData: {
                CollectingSink sink(call.rowData);
                call.clientState = reader.readRowData(sink).clientState;
                call.rowData.clientState = call.clientState;
                break;
            }
            case ms::SoapOperation::ReplicationCompleted:
                call.completed = reader.readReplicationCompleted();
                call.clientState = call.completed.clientState;
                break;
            }
            m_calls.append(call);
            response = m_handler(call, status);
        } catch (const ms::Error &e) {
            status = 500;
            response = ms::writeFault({ms::SoapFault::Code::Client, e.message()});
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) +
                          (status == 200 ? " OK" : " Error") +
                          "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: " +
                          QByteArray::number(response.size()) + "\r\n\r\n";
        socket->write(head + response);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<RecordedCall> m_calls;
    Handler m_handler;
    ms::RsaPrivateKey m_appKey;
    QHash<QString, qint64> m_recorded;
};

} // namespace testsupport
