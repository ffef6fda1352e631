#pragma once

#include "service/common/error.h"
#include "service/common/protocoltypes.h"

namespace ms {

/// The peer answered with a SOAP Fault (thrown by the response readers). The Error's kind
/// follows the faultcode, so a caller that only knows ms::Error still sees Client/Server.
class SoapFaultError final : public Error
{
public:
    explicit SoapFaultError(SoapFault fault)
        : Error(fault.code == SoapFault::Code::Client ? Kind::Client : Kind::Server, fault.reason),
          m_fault(std::move(fault))
    {}

    const SoapFault &fault() const noexcept { return m_fault; }

private:
    SoapFault m_fault;
};

} // namespace ms
