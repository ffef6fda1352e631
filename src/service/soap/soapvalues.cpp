#include "soapvalues.h"

#include <QByteArray>
#include <QStringDecoder>

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
bool isBase64Alphabet(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') ||
           c == u'+' || c == u'/';
}
} // namespace

bool decodeBase64Utf8(QStringView base64, QString &out)
{
    out.resize(0);
    const qsizetype size = base64.size();
    if (size % 4 != 0)
        return false;
    const qsizetype padding = size == 0                  ? 0
                              : base64[size - 1] != u'=' ? 0
                              : base64[size - 2] != u'=' ? 1
                                                         : 2;
    QByteArray ascii(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = base64[i].unicode();
        if (i < size - padding ? !isBase64Alphabet(c) : c != u'=')
            return false;
        ascii[i] = char(c);
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    // ConvertInitialBom: a U+FEFF the value begins with is part of it.
    QStringDecoder utf8(QStringDecoder::Utf8,
                        QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    out = utf8(*decoded);
    return !utf8.hasError();
}

bool decodeBase64Utf8(QByteArrayView base64, QByteArray &out, QString &scratch)
{
    out.resize(0);
    const qsizetype size = base64.size();
    if (size % 4 != 0)
        return false;
    const qsizetype padding = size == 0                 ? 0
                              : base64[size - 1] != '=' ? 0
                              : base64[size - 2] != '=' ? 1
                                                        : 2;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = static_cast<unsigned char>(base64[i]);
        if (i < size - padding ? !isBase64Alphabet(c) : c != u'=')
            return false;
    }
    auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromRawData(base64.data(), size),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    out = std::move(*decoded);
    // Valid UTF-8 exactly as the QString version judges it.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    scratch.resize(utf8.requiredSpace(out.size()));
    utf8.appendToBuffer(scratch.data(), out);
    return !utf8.hasError();
}

} // namespace ms::soapvalues
