#include "soapvalues.h"

#include "service/common/strictbase64.h"

#include <QByteArray>
#include <QStringDecoder>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace ms::soapvalues {

std::optional<qint64> parseInt64(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    // toLongLong alone would also take "0x"-free oddities like embedded spaces after trimming;
    // check the lexical form first so only xs:long text is accepted.
    qsizetype i = (text.front() == u'-' || text.front() == u'+') ? 1 : 0;
    if (i == text.size())
        return std::nullopt;
    for (; i < text.size(); ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 10);
    if (!ok)
        return std::nullopt; // out of range
    return value;
}

std::optional<bool> parseBoolean(QStringView text)
{
    text = text.trimmed();
    if (text == "true"_L1 || text == "1"_L1)
        return true;
    if (text == "false"_L1 || text == "0"_L1)
        return false;
    return std::nullopt;
}

QString booleanText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

namespace {
// Length of the character at i if XML 1.0 can carry it (1 or 2 code units), 0 if not.
qsizetype carriableLength(QStringView text, qsizetype i)
{
    const char16_t c = text[i].unicode();
    if (c < 0x20)
        return (c == u'\t' || c == u'\n' || c == u'\r') ? 1 : 0;
    if (c == 0xFFFE || c == 0xFFFF)
        return 0;
    if (QChar::isHighSurrogate(c))
        return (i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) ? 2 : 0;
    if (QChar::isLowSurrogate(c))
        return 0;
    return 1;
}
} // namespace

bool hasCharacterXmlCannotCarry(QStringView text)
{
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype n = carriableLength(text, i);
        if (n == 0)
            return true;
        i += n;
    }
    return false;
}

QString withXmlSafeCharacters(QStringView text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype n = carriableLength(text, i);
        if (n == 0) {
            result += QChar::ReplacementCharacter;
            ++i;
        } else {
            result += text.sliced(i, n);
            i += n;
        }
    }
    return result;
}

namespace {
bool isContinuation(unsigned char byte)
{
    return (byte & 0xc0) == 0x80;
}
} // namespace

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *const end = p + bytes.size();
    while (p != end) {
        // Eight ASCII bytes at a time: most values are mostly ASCII.
        if (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if ((word & 0x8080808080808080ull) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char lead = *p;
        if (lead < 0x80) {
            ++p;
            continue;
        }
        const qsizetype left = end - p;
        if (lead >= 0xc2 && lead <= 0xdf) {
            if (left < 2 || !isContinuation(p[1]))
                return false;
            p += 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            // E0: A0..BF second (no overlong), ED: 80..9F second (no surrogate).
            const unsigned char low = lead == 0xe0 ? 0xa0 : 0x80;
            const unsigned char high = lead == 0xed ? 0x9f : 0xbf;
            if (left < 3 || p[1] < low || p[1] > high || !isContinuation(p[2]))
                return false;
            p += 3;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            // F0: 90..BF second (no overlong), F4: 80..8F second (nothing above U+10FFFF).
            const unsigned char low = lead == 0xf0 ? 0x90 : 0x80;
            const unsigned char high = lead == 0xf4 ? 0x8f : 0xbf;
            if (left < 4 || p[1] < low || p[1] > high || !isContinuation(p[2]) ||
                !isContinuation(p[3]))
                return false;
            p += 4;
        } else {
            return false; // a continuation byte, C0/C1 (always overlong) or F5..FF
        }
    }
    return true;
}

bool decodeBase64Utf8(QStringView base64, QString &out)
{
    out.resize(0);
    const qsizetype size = strictBase64DecodedSize(base64);
    if (size < 0)
        return false;
    QByteArray decoded(size, Qt::Uninitialized);
    decodeStrictBase64(base64, decoded.data());
    // ConvertInitialBom: a U+FEFF the value begins with is part of it.
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    out = utf8(decoded);
    return !utf8.hasError();
}

bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out)
{
    out.resize(0);
    const qsizetype size = strictBase64DecodedSize(base64);
    if (size < 0)
        return false;
    out.resize(size);
    decodeStrictBase64(base64, out.data());
    return isValidUtf8(out);
}

bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out, QString &scratch)
{
    Q_UNUSED(scratch);
    return decodeBase64Utf8(base64, out);
}

} // namespace ms::soapvalues
