#pragma once

#include <QString>

// Entering and leaving a SOAP 1.1 envelope, shared by the request and response readers.
namespace ms {

class XmlCursor;

/// Reads the prolog, the Envelope and its Header and stops on the first element inside Body.
/// When signedToken is not null it receives the Header's SignedToken text (trimmed; "" when
/// missing). Throws ms::Error(Client): not XML, DOCTYPE, not a SOAP 1.1 envelope, no Body or an
/// empty Body.
void enterSoapBody(XmlCursor &cursor, QString *signedToken);

/// After the Body's element was read to its end: refuses a second element in Body and checks the
/// rest of the document is well-formed. Throws ms::Error(Client).
void leaveSoapBody(XmlCursor &cursor);

} // namespace ms
