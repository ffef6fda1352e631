#include "soapxmlwriter.h"

#include "soapnames.h"
#include "soapvalues.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace names = soapnames;

SoapXmlWriter::SoapXmlWriter() : m_writer(&m_data)
{
    m_writer.setAutoFormatting(false);
}

void SoapXmlWriter::beginEnvelope(const QString *signedToken)
{
    m_writer.writeNamespace(names::kSoapEnvNs, names::kSoapEnvPrefix);
    m_writer.writeStartElement(names::kSoapEnvNs, names::kEnvelope);
    if (signedToken) {
        m_writer.writeStartElement(names::kSoapEnvNs, names::kHeader);
        m_writer.writeStartElement(names::kSignedToken);
        m_writer.writeAttribute(names::kSoapEnvNs, names::kMustUnderstand, u"1"_s);
        m_writer.writeDefaultNamespace(names::kMirroringNs);
        characters(*signedToken);
        m_writer.writeEndElement();
        m_writer.writeEndElement();
    }
    m_writer.writeStartElement(names::kSoapEnvNs, names::kBody);
}

void SoapXmlWriter::beginMessage(QLatin1StringView name, bool withXsi)
{
    m_writer.writeStartElement(name);
    m_writer.writeDefaultNamespace(names::kMirroringNs);
    if (withXsi)
        m_writer.writeNamespace(names::kXsiNs, names::kXsiPrefix);
}

void SoapXmlWriter::beginElement(QLatin1StringView name)
{
    m_writer.writeStartElement(names::kMirroringNs, name);
}

void SoapXmlWriter::endElement()
{
    m_writer.writeEndElement();
}

void SoapXmlWriter::textElement(QLatin1StringView name, const QString &text)
{
    m_writer.writeStartElement(names::kMirroringNs, name);
    if (soapvalues::hasCharacterXmlCannotCarry(text))
        characters(soapvalues::withXmlSafeCharacters(text));
    else
        characters(text);
    m_writer.writeEndElement();
}

void SoapXmlWriter::int64Element(QLatin1StringView name, qint64 value)
{
    m_writer.writeTextElement(names::kMirroringNs, name, QString::number(value));
}

void SoapXmlWriter::booleanElement(QLatin1StringView name, bool value)
{
    m_writer.writeTextElement(names::kMirroringNs, name, soapvalues::booleanText(value));
}

void SoapXmlWriter::nilElement(QLatin1StringView name)
{
    m_writer.writeEmptyElement(names::kMirroringNs, name);
    m_writer.writeAttribute(names::kXsiNs, names::kNil, u"true"_s);
}

void SoapXmlWriter::value(const CellValue &cell)
{
    if (cell.isNull) {
        nilElement(names::kValue);
        return;
    }
    m_writer.writeStartElement(names::kMirroringNs, names::kValue);
    if (soapvalues::hasCharacterXmlCannotCarry(cell.text)) {
        m_writer.writeAttribute(names::kEncoding, names::kEncodingBase64);
        m_writer.writeCharacters(QString::fromLatin1(cell.text.toUtf8().toBase64()));
    } else {
        characters(cell.text);
    }
    m_writer.writeEndElement();
}

void SoapXmlWriter::fault(const SoapFault &fault)
{
    m_writer.writeStartElement(names::kSoapEnvNs, names::kFault);
    // faultcode and faultstring are unqualified (SOAP 1.1, 4.4); faultcode is a QName in the
    // envelope namespace, whose prefix this writer binds on the Envelope.
    const QLatin1StringView code =
        fault.code == SoapFault::Code::Client ? names::kFaultCodeClient : names::kFaultCodeServer;
    m_writer.writeTextElement(names::kFaultCode, QString(names::kSoapEnvPrefix) + u':' + code);
    m_writer.writeStartElement(names::kFaultString);
    m_writer.writeAttribute(u"xml:lang"_s, u"en"_s);
    characters(soapvalues::withXmlSafeCharacters(fault.reason));
    m_writer.writeEndElement();
    m_writer.writeEndElement();
}

void SoapXmlWriter::characters(QStringView text)
{
    // QXmlStreamWriter writes CR as is, and a parser turns it into LF; a character reference
    // survives.
    qsizetype start = 0;
    for (qsizetype cr = text.indexOf(u'\r'); cr >= 0; cr = text.indexOf(u'\r', start)) {
        if (cr > start)
            m_writer.writeCharacters(text.sliced(start, cr - start).toString());
        m_writer.writeEntityReference(u"#13"_s);
        start = cr + 1;
    }
    if (start < text.size())
        m_writer.writeCharacters(start == 0 ? text.toString() : text.sliced(start).toString());
}

QByteArray SoapXmlWriter::finish()
{
    m_writer.writeEndDocument();
    return std::move(m_data);
}

} // namespace ms
