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
/// Differential: when XmlSubsetTokenizer accepts the bytes, its tokens must equal expat's
/// (aborts with both streams' first difference otherwise).
int xmlSubset(const uint8_t *data, size_t size);
/// The first difference between the two parsers' tokens, empty when they agree or when the
/// subset tokenizer does not accept the bytes.
QByteArray xmlSubsetDisagreement(QByteArrayView data);

} // namespace ms::fuzz
