#pragma once

#include "opensslref.h"
#include "rsaxml.h"

#include <QByteArrayView>

// Shared plumbing of RsaPublicKey, RsaPrivateKey and Certificate: building and taking apart
// RSA EVP_PKEYs. Every function may be called from any thread.
namespace ms {

enum class KeyPart { Public, Private };

/// Builds an RSA key from its numbers and checks it (a pair that does not match would sign
/// garbage silently). Throws ms::Error(Client).
PKeyRef rsaKeyFromComponents(const RsaComponents &c, KeyPart part);
/// The numbers of an RSA key; private ones only when part is Private. Throws ms::Error(Server).
RsaComponents rsaComponentsOf(EVP_PKEY *key, KeyPart part);
/// Decodes PEM or DER ("PEM"/"DER") of an RSA key: SubjectPublicKeyInfo or PKCS#1 for Public,
/// PKCS#8 or PKCS#1 for Private. Returns null on failure (OpenSSL's queue holds the reason).
PKeyRef decodeRsaKey(QByteArrayView data, const char *inputType, KeyPart part);
/// Throws ms::Error(Client) unless key is RSA and of a size still worth trusting.
void requireUsableRsaKey(EVP_PKEY *key, const QString &what);
/// A public-only copy (never shares the private numbers). Throws ms::Error(Server).
PKeyRef publicPartOf(EVP_PKEY *key);
/// SubjectPublicKeyInfo DER of the key's public part.
QByteArray subjectPublicKeyInfoDer(EVP_PKEY *key);
/// SHA-256, fetched once: fetching per call is a measurable part of a token check.
const EVP_MD *sha256Digest();
/// The contents of an OpenSSL memory BIO.
QByteArray bioContents(BIO *bio);

} // namespace ms
