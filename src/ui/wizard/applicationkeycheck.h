#pragma once

#include "certificatecheck.h"

#include "service/auth/rsaprivatekey.h"
#include "service/auth/rsapublickey.h"

#include <QString>

// The application key's checks, free functions for the tests. All functions: any thread.
namespace ms::ui {

/// Signs a random message with key and verifies it with the key's public part (what the task
/// will do with the SignedApplicationToken); warns below 2048 bits.
Verdict checkApplicationKey(const RsaPrivateKey &key);

/// Whether key signs what registered (the public key in the developer portal) verifies.
Verdict checkRegisteredPublicKey(const RsaPrivateKey &key, const RsaPublicKey &registered);

/// RSA XML or PEM; throws ms::Error(Client) whose message names the file and the reason.
RsaPrivateKey loadPrivateKeyFile(const QString &path);
/// RSA XML, PEM or a certificate; throws ms::Error(Client) naming the file and the reason.
RsaPublicKey loadPublicKeyFile(const QString &path);

} // namespace ms::ui
