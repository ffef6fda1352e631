#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace ms {

class XmlCursor;

/// Parses one SOAP request incrementally: readEnvelopeStart() reads the Envelope and the Header
/// (SignedToken) and stops at the first element of Body, so the token can be validated before any
/// data is read; then exactly one read*() matching operation(). Every malformed input throws
/// ms::Error(Client) with a message naming the element (and line/column). The body must outlive
/// the reader. One thread at a time.
class SoapRequestReader final
{
public:
    explicit SoapRequestReader(QByteArrayView body);
    ~SoapRequestReader();
    Q_DISABLE_COPY_MOVE(SoapRequestReader)

    /// Throws ms::Error(Client): not XML, DOCTYPE, not a SOAP 1.1 envelope, unknown body element...
    void readEnvelopeStart();
    /// The Header's SignedToken; "" when missing or empty.
    QString signedToken() const { return m_signedToken; }
    SoapOperation operation() const { return m_operation; }
    /// Before refusing the call for a reason of its own (a token, the store): throws the XML
    /// error instead when the document has one that a reader on expat alone would have met by
    /// now, so that such a call gets the same fault whichever parser read it. Error paths only.
    void checkWellFormedSoFar() const;

    AuthenticateRequest readAuthenticate();
    TableSchemaRequest readTableSchema();
    WipeRequest readWipe();
    /// Streams every batch into sink while parsing; whatever sink throws propagates unchanged.
    RowDataRequestHead readRowData(RowDataSink &sink);
    ReplicationCompletedRequest readReplicationCompleted();

private:
    enum class State { Fresh, InBody, Done };
    void expect(SoapOperation op);
    void finish();

    std::unique_ptr<XmlCursor> m_cursor;
    State m_state = State::Fresh;
    QString m_signedToken;
    SoapOperation m_operation = SoapOperation::Authenticate;
};

} // namespace ms
