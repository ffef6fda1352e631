#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QXmlStreamWriter>

namespace ms {

/// Writes one SOAP 1.1 envelope into a byte array with QXmlStreamWriter: message elements in the
/// mirroring namespace (a default xmlns on the message element), text made safe for XML 1.0 and
/// CR kept as &#13; so it survives a parser's line-end normalisation. One thread at a time.
class SoapXmlWriter final
{
public:
    SoapXmlWriter();
    Q_DISABLE_COPY_MOVE(SoapXmlWriter)

    /// <s:Envelope>, then the SignedToken header when signedToken is set, then <s:Body>.
    void beginEnvelope(const QString *signedToken = nullptr);
    /// The message element with the mirroring namespace as default; withXsi declares xsi there.
    void beginMessage(QLatin1StringView name, bool withXsi = false);
    void beginElement(QLatin1StringView name);
    void endElement();
    /// <name>text</name>, an empty element when text is empty. Characters XML 1.0 cannot carry
    /// become U+FFFD (only <V> values have an escape for them).
    void textElement(QLatin1StringView name, const QString &text);
    void int64Element(QLatin1StringView name, qint64 value);
    void booleanElement(QLatin1StringView name, bool value);
    /// <name xsi:nil="true"/> (xsi must be declared, see beginMessage).
    void nilElement(QLatin1StringView name);
    /// One <V>: nil, text, or enc="base64" over the UTF-8 bytes when XML cannot carry the text.
    void value(const CellValue &cell);
    /// A SOAP 1.1 Fault element with faultcode s:Client or s:Server.
    void fault(const SoapFault &fault);

    /// Closes every open element and returns the document.
    QByteArray finish();
    /// Bytes written so far.
    qsizetype size() const { return m_data.size(); }

private:
    void characters(QStringView text);

    QByteArray m_data;
    QXmlStreamWriter m_writer;
};

} // namespace ms
