#include "valuegenerator.h"

#include <QUuid>

#include <cmath>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
using Kind = SourceColumnType::Kind;

// Fragments a CRM holds; many carry what breaks naive XML or SQL handling.
const QStringList &latinWords()
{
    static const QStringList words = {
        u"Acme"_s,
        u"& Co"_s,
        u"AS"_s,
        u"Bjørnstad"_s,
        u"Ærø"_s,
        u"Åsgårdstrand"_s,
        u"Müller"_s,
        u"Straße"_s,
        u"Größe"_s,
        u"O'Brien"_s,
        u"\"quoted\""_s,
        u"<b>bold</b>"_s,
        u"a<b"_s,
        u"x>y"_s,
        u"Oslo"_s,
        u"Bergen"_s,
        u"Tromsø"_s,
        u"München"_s,
        u"Köln"_s,
        u"Sales"_s,
        u"meeting"_s,
        u"follow-up"_s,
        u"tab\there"_s,
        u"line1\r\nline2"_s,
        u"lone\rcr"_s,
        u"bell\u0007"_s,
        u"nul-less\u0001ctl"_s,
        u"\u001f"_s,
        u"  padded  "_s,
        u"100%"_s,
        u"; DROP TABLE contact; --"_s,
        u"]]>"_s,
        u"&amp;"_s,
        u"café"_s,
    };
    return words;
}

const QStringList &unicodeWords()
{
    static const QStringList words = {
        u"東京都"_s, u"株式会社"_s,        u"北京"_s,        u"서울"_s, u"Αθήνα"_s, u"Москва"_s,
        u"😀"_s,      u"🚀 launch"_s,        u"👩‍💻"_s, u"𝄞"_s,    u"עברית"_s, u"العربية"_s,
        u"\uFFFE"_s, u"zero\u200Bwidth"_s, u"ﬁligature"_s,
    };
    return words;
}
} // namespace

QString truncateUtf16(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text;
    qsizetype cut = maxLength;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut);
}

QVariant ValueGenerator::value(const SourceColumnType &type, bool nullable)
{
    if (nullable && m_random.percent(15))
        return QVariant();
    return nonNullValue(type);
}

QVariant ValueGenerator::nonNullValue(const SourceColumnType &type)
{
    auto integer = [](qint64 v) {
        return QVariant::fromValue(v);
    };
    switch (type.kind) {
    case Kind::Bit:
        return integer(m_random.below(2));
    case Kind::TinyInt:
        return integer(m_random.between(0, 255));
    case Kind::SmallInt:
        if (m_random.percent(5))
            return integer(m_random.percent(50) ? -32768 : 32767);
        return integer(m_random.between(-100, 1000));
    case Kind::Int:
        if (m_random.percent(3))
            return integer(m_random.percent(50) ? std::numeric_limits<qint32>::min()
                                                : std::numeric_limits<qint32>::max());
        return integer(m_random.between(-1000, 1000000));
    case Kind::BigInt:
        if (m_random.percent(5))
            return integer(m_random.percent(50) ? std::numeric_limits<qint64>::min()
                                                : std::numeric_limits<qint64>::max());
        return integer(qint64(m_random.next() >> m_random.between(1, 40)) *
                       (m_random.percent(20) ? -1 : 1));
    case Kind::Decimal:
    case Kind::Numeric: {
        const int integerDigits = type.precision - type.scale;
        return decimalText(integerDigits, type.scale);
    }
    case Kind::Money:
        return decimalText(15, 4);
    case Kind::SmallMoney:
        return decimalText(5, 4);
    case Kind::Float: {
        if (m_random.percent(10)) {
            static const double extremes[] = {
                1.5e-300, 6.02214076e23, -2.2250738585072014e-308, 1.7976931348623157e308, 0.1,
                0.0};
            return QVariant::fromValue(extremes[m_random.below(6)]);
        }
        return QVariant::fromValue((m_random.unit() - 0.3) *
                                   std::pow(10.0, m_random.between(-8, 12)));
    }
    case Kind::Real: {
        // A value a 32-bit float holds exactly, kept as the double it widens to.
        const float f = float((m_random.unit() - 0.5) * std::pow(10.0, m_random.between(-6, 8)));
        return QVariant::fromValue(double(f));
    }
    case Kind::Date:
        return dateText();
    case Kind::Time:
        return timeText(type.precision);
    case Kind::DateTime: {
        // datetime keeps 1/300 s: milliseconds end in 0, 3 or 7.
        static const char *const endings[] = {"0", "3", "7"};
        return dateText() + u'T' + timeText(0) + u'.' + fraction(2) +
               QLatin1StringView(endings[m_random.below(3)]);
    }
    case Kind::DateTime2:
        return dateText() + u'T' + timeText(type.precision);
    case Kind::SmallDateTime:
        return dateText() + u'T' + timeText(0).left(6) + u"00"_s;
    case Kind::DateTimeOffset: {
        static const char *const offsets[] = {"+01:00", "+02:00", "+00:00", "-05:00",
                                              "+05:30", "+14:00", "-12:00", "+09:00"};
        return dateText() + u'T' + timeText(type.precision) +
               QLatin1StringView(offsets[m_random.below(8)]);
    }
    case Kind::Char:
    case Kind::VarChar:
    case Kind::NChar:
    case Kind::NVarChar:
    case Kind::Text:
    case Kind::NText:
        return characterText(type);
    case Kind::Binary:
    case Kind::VarBinary:
    case Kind::Image: {
        qint64 size = 0;
        if (type.kind == Kind::Binary)
            size = type.length;
        else if (type.kind == Kind::VarBinary && type.length > 0)
            size = m_random.between(0, type.length);
        else
            size = m_random.percent(10) ? 0 : m_random.between(1, 3000);
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(m_random.below(256));
        if (bytes.isEmpty())
            bytes = QByteArray(""); // empty, not NULL
        return bytes;
    }
    case Kind::UniqueIdentifier: {
        const QUuid uuid(uint(m_random.next()), ushort(m_random.next()), ushort(m_random.next()),
                         uchar(m_random.next()), uchar(m_random.next()), uchar(m_random.next()),
                         uchar(m_random.next()), uchar(m_random.next()), uchar(m_random.next()),
                         uchar(m_random.next()), uchar(m_random.next()));
        return uuid.toString(QUuid::WithoutBraces).toUpper();
    }
    }
    return QVariant();
}

QString ValueGenerator::fraction(int digits)
{
    QString text;
    for (int i = 0; i < digits; ++i)
        text += QChar(u'0' + char16_t(m_random.below(10)));
    return text;
}

QString ValueGenerator::decimalText(int integerDigits, int scale)
{
    // Mostly small amounts, sometimes the full precision (more than a double's 15 digits).
    const int digits =
        integerDigits <= 0
            ? 0
            : (m_random.percent(15) ? integerDigits
                                    : int(m_random.between(1, qMin(integerDigits, 6))));
    QString text = digits == 0 ? u"0"_s : QString();
    for (int i = 0; i < digits; ++i)
        text += QChar(u'0' +
                      char16_t(i == 0 && digits > 1 ? m_random.between(1, 9) : m_random.below(10)));
    if (scale > 0)
        text += u'.' + fraction(scale);
    if (m_random.percent(15))
        text.prepend(u'-');
    return text;
}

QString ValueGenerator::dateText()
{
    if (m_random.percent(3))
        return m_random.percent(50) ? u"1900-01-01"_s : u"2099-12-31"_s;
    const qint64 year = m_random.between(1990, 2030);
    const qint64 month = m_random.between(1, 12);
    const qint64 day = m_random.between(1, month == 2 ? 28 : 30);
    return u"%1-%2-%3"_s.arg(year, 4, 10, QChar(u'0'))
        .arg(month, 2, 10, QChar(u'0'))
        .arg(day, 2, 10, QChar(u'0'));
}

QString ValueGenerator::timeText(int fractionDigits)
{
    QString text = u"%1:%2:%3"_s.arg(m_random.between(0, 23), 2, 10, QChar(u'0'))
                       .arg(m_random.between(0, 59), 2, 10, QChar(u'0'))
                       .arg(m_random.between(0, 59), 2, 10, QChar(u'0'));
    if (fractionDigits > 0)
        text += u'.' + fraction(fractionDigits);
    return text;
}

QString ValueGenerator::phrase(bool unicode, int maxLength)
{
    QString text;
    const qint64 words = m_random.between(1, 6);
    for (qint64 i = 0; i < words && text.size() < maxLength; ++i) {
        if (!text.isEmpty())
            text += u' ';
        if (unicode && m_random.percent(35))
            text += unicodeWords().at(m_random.below(unicodeWords().size()));
        else
            text += latinWords().at(m_random.below(latinWords().size()));
    }
    return truncateUtf16(text, maxLength);
}

QString ValueGenerator::characterText(const SourceColumnType &type)
{
    const bool unicode = type.isUnicode();
    switch (type.kind) {
    case Kind::Char:
    case Kind::NChar: {
        // Fixed-length types arrive padded with spaces, as SQL Server returns them.
        QString text = phrase(unicode, type.length);
        return text + QString(type.length - text.size(), u' ');
    }
    case Kind::VarChar:
    case Kind::NVarChar:
        if (type.length > 0) {
            if (m_random.percent(5))
                return QString(); // empty, not NULL
            return phrase(unicode, type.length);
        }
        [[fallthrough]];
    default: {
        // (max), text, ntext: paragraphs with CRLF line ends.
        QString text;
        const qint64 lines = m_random.between(1, 12);
        for (qint64 i = 0; i < lines; ++i)
            text += phrase(unicode, 200) + u"\r\n"_s;
        return text;
    }
    }
}

} // namespace ms
