#include "soapaction.h"

#include "soapnames.h"

namespace ms {

SoapActionHeader parseSoapAction(QByteArrayView headerValue, bool headerPresent)
{
    if (!headerPresent)
        return {};
    QByteArrayView value = headerValue.trimmed();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.sliced(1, value.size() - 2);
    if (value.isEmpty())
        return {};

    SoapActionHeader result{true, std::nullopt};
    const QByteArrayView prefix(soapnames::kSoapActionPrefix.data(),
                                soapnames::kSoapActionPrefix.size());
    if (!value.startsWith(prefix))
        return result;
    const QByteArrayView name = value.sliced(prefix.size());
    for (SoapOperation op : soapnames::kAllOperations) {
        const QLatin1StringView expected = soapnames::actionName(op);
        if (name == QByteArrayView(expected.data(), expected.size())) {
            result.operation = op;
            break;
        }
    }
    return result;
}

QByteArray soapActionFor(SoapOperation op)
{
    QByteArray result;
    result += '"';
    result += soapnames::kSoapActionPrefix.data();
    result += soapnames::actionName(op).data();
    result += '"';
    return result;
}

} // namespace ms
