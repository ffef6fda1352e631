#include "opensslerror.h"

#include <QStringList>

#include <openssl/err.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

QString takeOpenSslErrors()
{
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        const char *reason = ERR_reason_error_string(code);
        const QString text = reason ? QString::fromLatin1(reason)
                                    : QString::fromLatin1(ERR_error_string(code, nullptr));
        if (!reasons.contains(text))
            reasons.append(text);
    }
    return reasons.join("; "_L1);
}

} // namespace ms
