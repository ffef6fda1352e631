#include "rsaxml.h"

#include "base64.h"
#include "service/common/error.h"

#include <QXmlStreamReader>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
struct Field
{
    QLatin1StringView name;
    QByteArray RsaComponents::*member;
    bool isPrivate;
};

// The order .NET writes them in.
constexpr std::array<Field, 8> kFields{{
    {"Modulus"_L1, &RsaComponents::modulus, false},
    {"Exponent"_L1, &RsaComponents::exponent, false},
    {"P"_L1, &RsaComponents::p, true},
    {"Q"_L1, &RsaComponents::q, true},
    {"DP"_L1, &RsaComponents::dp, true},
    {"DQ"_L1, &RsaComponents::dq, true},
    {"InverseQ"_L1, &RsaComponents::inverseQ, true},
    {"D"_L1, &RsaComponents::d, true},
}};

const Field *fieldNamed(QStringView name)
{
    for (const Field &f : kFields) {
        if (name == f.name)
            return &f;
    }
    return nullptr;
}

QByteArray decodeNumber(const QString &text, QLatin1StringView name)
{
    QByteArray compact = text.toLatin1();
    compact.removeIf([](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
    const auto bytes = fromBase64Strict(compact);
    if (!bytes || bytes->isEmpty())
        throw clientError(u"The RSA XML key's <%1> is not valid base64; the key text may be "
                          u"damaged or cut off, copy it again"_s.arg(name));
    qsizetype firstNonZero = 0;
    while (firstNonZero < bytes->size() - 1 && bytes->at(firstNonZero) == 0)
        ++firstNonZero;
    return bytes->mid(firstNonZero);
}

QByteArray leftPadded(const QByteArray &number, qsizetype size)
{
    if (number.size() >= size)
        return number;
    return QByteArray(size - number.size(), '\0') + number;
}

[[noreturn]] void throwTruncated(const QString &detail)
{
    throw clientError(u"The RSA XML key cannot be read (%1); it may be incomplete, copy the "
                      u"whole <RSAKeyValue> element again"_s.arg(detail));
}
} // namespace

RsaComponents parseRsaXml(QByteArrayView text, bool requirePrivate)
{
    QXmlStreamReader xml(text.toByteArray());
    RsaComponents c;
    bool sawKeyValue = false;
    bool inKeyValue = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            throw clientError(u"The RSA XML key contains a DOCTYPE; paste the plain "
                              u"<RSAKeyValue> element"_s);
        if (token == QXmlStreamReader::EndElement && xml.name() == "RSAKeyValue"_L1) {
            inKeyValue = false;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "RSAKeyValue"_L1) {
            if (sawKeyValue)
                throw clientError(u"The text holds more than one <RSAKeyValue>; paste one key"_s);
            sawKeyValue = inKeyValue = true;
            continue;
        }
        if (!inKeyValue)
            continue;
        const Field *field = fieldNamed(xml.name());
        if (!field) {
            xml.skipCurrentElement(); // tolerate additions; only the eight numbers matter
            continue;
        }
        const QString name = xml.name().toString();
        const QString value = xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        if (xml.hasError())
            break;
        QByteArray &slot = c.*(field->member);
        if (!slot.isEmpty())
            throw clientError(u"The RSA XML key has <%1> twice"_s.arg(name));
        slot = decodeNumber(value, field->name);
    }
    if (xml.hasError())
        throwTruncated(u"XML error at line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString()));
    if (!sawKeyValue)
        throw clientError(u"The text has no <RSAKeyValue> element; expected an RSA key in .NET "
                          u"XML form"_s);
    for (const Field &f : kFields) {
        if ((!f.isPrivate || requirePrivate) && (c.*(f.member)).isEmpty()) {
            if (f.isPrivate && c.p.isEmpty() && c.d.isEmpty())
                throw clientError(u"The RSA XML key is a public key (no <P>, <Q>, <D>); the "
                                  u"application needs its private key"_s);
            throw clientError(
                u"The RSA XML key lacks <%1>; copy the whole key again"_s.arg(f.name));
        }
    }
    if (!requirePrivate) {
        for (const Field &f : kFields) {
            if (f.isPrivate)
                (c.*(f.member)).clear();
        }
    }
    return c;
}

QString formatRsaXml(const RsaComponents &c)
{
    const qsizetype half = (c.modulus.size() + 1) / 2;
    QString xml = u"<RSAKeyValue>"_s;
    for (const Field &f : kFields) {
        if (f.isPrivate && !c.hasPrivatePart())
            continue;
        QByteArray number = c.*(f.member);
        if (f.isPrivate)
            number = leftPadded(number, f.name == "D"_L1 ? c.modulus.size() : half);
        xml += u"<%1>%2</%1>"_s.arg(f.name, QString::fromLatin1(number.toBase64()));
    }
    return xml + u"</RSAKeyValue>"_s;
}

} // namespace ms
