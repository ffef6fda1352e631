#pragma once

#include "service/common/protocoltypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace ms {

/// What the SOAPAction header said. present && !operation: the header names something that is
/// not one of our operations, and the call is refused (PROTOCOL.md, Transport).
struct SoapActionHeader
{
    bool present = false;
    std::optional<SoapOperation> operation;
    bool operator==(const SoapActionHeader &) const = default;
};

/// headerValue as received (surrounding quotes optional, whitespace around ignored); an empty
/// value (also "") counts as absent. Pure function, any thread.
SoapActionHeader parseSoapAction(QByteArrayView headerValue, bool headerPresent);

/// The header value the task sends for op, with the quotes. Any thread.
QByteArray soapActionFor(SoapOperation op);

} // namespace ms
