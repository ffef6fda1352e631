#include "fuzztargets.h"

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsaxml.h"
#include "service/common/error.h"

namespace ms::fuzz {

namespace {

template <typename Parse> void refusedOrParsed(Parse parse)
{
    try {
        parse();
    } catch (const Error &) {
        // A refusal is the expected answer to bad input; anything else escapes and is a finding.
    }
}

} // namespace

int rsaKey(const uint8_t *data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const bool requirePrivate : {false, true}) {
        refusedOrParsed([&] {
            const RsaComponents c = parseRsaXml(text, requirePrivate);
            if (requirePrivate && !c.hasPrivatePart())
                qFatal("fuzz: parseRsaXml(requirePrivate) returned no private part");
            (void)formatRsaXml(c).size();
        });
    }
    refusedOrParsed([&] {
        const RsaPrivateKey key = RsaPrivateKey::fromText(text);
        if (key.isNull())
            qFatal("fuzz: RsaPrivateKey::fromText returned a null key without an error");
        (void)key.publicKey().fingerprint();
    });
    refusedOrParsed([&] {
        const RsaPublicKey key = RsaPublicKey::fromText(text);
        if (key.isNull())
            qFatal("fuzz: RsaPublicKey::fromText returned a null key without an error");
        (void)key.toRsaXml().size();
    });
    refusedOrParsed([&] { (void)Certificate::fromData(text).sha1Thumbprint(); });
    return 0;
}

} // namespace ms::fuzz
