#include "applicationkeycheck.h"

#include "service/common/error.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace ms::ui {

namespace {
constexpr qint64 kMaxKeyFileSize = 1024 * 1024;

// Translated in the context ms::ui::ApplicationKeyCheck; the macro lets lupdate see that context (a
// free ApplicationKeyCheckText::tr() wrapper filed its strings under the namespace, where the
// running program never looked).
class ApplicationKeyCheckText
{
    Q_DECLARE_TR_FUNCTIONS(ms::ui::ApplicationKeyCheck)
};

QByteArray randomMessage()
{
    QByteArray message(64, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(message.data()),
                                          message.size() / int(sizeof(quint32)));
    return message;
}

QByteArray readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw clientError(
            ApplicationKeyCheckText::tr("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxKeyFileSize)
        throw clientError(
            ApplicationKeyCheckText::tr("%1 is too large to be a key file.").arg(path));
    return file.readAll();
}
} // namespace

Verdict checkApplicationKey(const RsaPrivateKey &key)
{
    using Kind = Verdict::Kind;
    if (key.isNull())
        return {Kind::Refused, ApplicationKeyCheckText::tr("No application key is loaded.")};
    try {
        const QByteArray message = randomMessage();
        if (!key.publicKey().verify(message, key.sign(message))) {
            return {Kind::Refused,
                    ApplicationKeyCheckText::tr(
                        "A signature made with this key does not verify with its own "
                        "public key: the key is damaged. Import it again.")};
        }
    } catch (const ms::Error &e) {
        return {Kind::Refused, e.message()};
    }
    if (key.bits() < 2048) {
        return {Kind::Warning, ApplicationKeyCheckText::tr(
                                   "The key signs and verifies, but has only %1 bits; SuperOffice "
                                   "issues 2048-bit keys.")
                                   .arg(key.bits())};
    }
    return {Kind::Accepted, ApplicationKeyCheckText::tr(
                                "The %1-bit key signs, and its public key verifies the signature.")
                                .arg(key.bits())};
}

Verdict checkRegisteredPublicKey(const RsaPrivateKey &key, const RsaPublicKey &registered)
{
    using Kind = Verdict::Kind;
    if (key.isNull() || registered.isNull())
        return {Kind::Refused,
                ApplicationKeyCheckText::tr(
                    "Both the private key and the registered public key are needed.")};
    const QByteArray message = randomMessage();
    try {
        if (registered.verify(message, key.sign(message))) {
            return {Kind::Accepted, ApplicationKeyCheckText::tr(
                                        "The private key matches the registered public key.")};
        }
    } catch (const ms::Error &e) {
        return {Kind::Refused, e.message()};
    }
    return {Kind::Refused,
            ApplicationKeyCheckText::tr(
                "This private key does not belong to the registered public key (fingerprint %1; "
                "the private key's is %2). SuperOffice would reject every answer of the endpoint: "
                "import the private key issued with that public key, or register this key's public "
                "key in the developer portal.")
                .arg(registered.fingerprint(), key.publicKey().fingerprint())};
}

RsaPrivateKey loadPrivateKeyFile(const QString &path)
{
    const QByteArray text = readKeyFile(path);
    try {
        return RsaPrivateKey::fromText(text);
    } catch (const ms::Error &e) {
        throw clientError(u"%1: %2"_s.arg(path, e.message()));
    }
}

RsaPublicKey loadPublicKeyFile(const QString &path)
{
    const QByteArray text = readKeyFile(path);
    try {
        return RsaPublicKey::fromText(text);
    } catch (const ms::Error &e) {
        throw clientError(u"%1: %2"_s.arg(path, e.message()));
    }
}

} // namespace ms::ui
