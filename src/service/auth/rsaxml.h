#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// .NET's "RSA XML" key format (RSA.ToXmlString): each number big-endian, base64.
namespace ms {

struct RsaComponents
{
    QByteArray modulus;
    QByteArray exponent;
    QByteArray d;
    QByteArray p;
    QByteArray q;
    QByteArray dp;
    QByteArray dq;
    QByteArray inverseQ;
    bool hasPrivatePart() const { return !d.isEmpty(); }
};

/// Reads <RSAKeyValue> (also inside any wrapper such as <RSAKeyPair>, pretty-printed,
/// whitespace inside the numbers). requirePrivate: all eight numbers must be there; otherwise
/// Modulus and Exponent suffice and any private numbers are ignored. Throws ms::Error(Client).
RsaComponents parseRsaXml(QByteArrayView text, bool requirePrivate);

/// Writes the key as .NET does: private numbers padded to their fixed sizes (D to the
/// modulus length, the CRT numbers to half of it), unpadded when !c.hasPrivatePart().
QString formatRsaXml(const RsaComponents &c);

} // namespace ms
