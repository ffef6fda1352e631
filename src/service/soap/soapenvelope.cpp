#include "soapenvelope.h"

#include "soapnames.h"
#include "xmlcursor.h"

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
void readHeader(XmlCursor &cursor, QString *signedToken)
{
    bool haveToken = false;
    while (cursor.nextChildElement()) {
        if (!haveToken && signedToken &&
            cursor.isElement(soapnames::kMirroringNs, soapnames::kSignedToken)) {
            *signedToken = cursor.readText().trimmed();
            haveToken = true;
        } else {
            // Other header entries (WS-Addressing and the like) are not ours to refuse.
            cursor.skipElement();
        }
    }
}
} // namespace

void enterSoapBody(XmlCursor &cursor, QString *signedToken)
{
    if (signedToken)
        signedToken->clear();
    if (!cursor.nextChildElement())
        throw cursor.error(u"the message has no XML element"_s);
    if (!cursor.isElement(soapnames::kSoapEnvNs, soapnames::kEnvelope)) {
        throw cursor.error(
            u"the message is not a SOAP 1.1 envelope: its root element is %1, not "
            "{%2}Envelope"_s.arg(cursor.elementDisplayName(), soapnames::kSoapEnvNs));
    }
    while (cursor.nextChildElement()) {
        if (cursor.isElement(soapnames::kSoapEnvNs, soapnames::kHeader)) {
            readHeader(cursor, signedToken);
        } else if (cursor.isElement(soapnames::kSoapEnvNs, soapnames::kBody)) {
            if (!cursor.nextChildElement())
                throw cursor.error(u"the SOAP Body is empty"_s);
            return;
        } else {
            throw cursor.error(u"unexpected element %1 in the SOAP Envelope before its Body"_s.arg(
                cursor.elementDisplayName()));
        }
    }
    throw cursor.error(u"the SOAP Envelope has no Body"_s);
}

void leaveSoapBody(XmlCursor &cursor)
{
    if (cursor.nextChildElement()) {
        throw cursor.error(u"the SOAP Body holds a second element, %1; one was expected"_s.arg(
            cursor.elementDisplayName()));
    }
    // SOAP 1.1 allows further elements after Body; they carry nothing for us.
    while (cursor.nextChildElement())
        cursor.skipElement();
    // Reads through the end of the document so that trailing garbage is refused.
    while (cursor.nextChildElement())
        cursor.skipElement();
}

} // namespace ms
