#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

// The bodies of the libFuzzer harnesses, shared with the regression test that replays
// fuzz/regressions/<name>/* in the normal build. Each returns 0; a finding crashes (or trips a
// sanitizer). One thread at a time.
namespace ms::fuzz {

/// SOAP request bytes through SoapRequestReader: envelope, then the operation's reader.
int soapRequest(const uint8_t *data, size_t size);
/// A compact JWT through TokenValidator (clock pinned, DevNet.crt trusted); when the input
/// starts with '!', "<header json>\n<payload json>" signed with DevNet.key, so claims get fuzzed.
int jwt(const uint8_t *data, size_t size);
/// Key text through parseRsaXml, RsaPrivateKey/RsaPublicKey::fromText and Certificate::fromData.
int rsaKey(const uint8_t *data, size_t size);
/// Raw bytes sent to a real HttpServer over loopback; the client then half-closes.
int httpRequest(const uint8_t *data, size_t size);
/// Differential: XmlCursor with XmlSubsetTokenizer (falling back to expat where it refuses) must
/// give expat's tokens and expat's error for any bytes (aborts with the first difference).
int xmlSubset(const uint8_t *data, size_t size);
/// The first difference between the automatic cursor's and expat's tokens or errors, empty when
/// they agree.
QByteArray xmlSubsetDisagreement(QByteArrayView data);

} // namespace ms::fuzz
