#include "httpreplyreader.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

// A head larger than this is not an answer from our endpoint; stop buffering it.
constexpr qsizetype kMaxHeadSize = 64 * 1024;

bool hasToken(const QByteArray &value, const char *token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

HttpReplyReader::State HttpReplyReader::fail(QString reason)
{
    m_error = std::move(reason);
    return m_state = State::Invalid;
}

HttpReplyReader::State HttpReplyReader::feed(QByteArray &input)
{
    if (m_state != State::Incomplete)
        return m_state;
    if (!input.isEmpty())
        m_started = true;
    while (!m_headDone) {
        const qsizetype end = input.indexOf("\r\n\r\n");
        if (end < 0) {
            if (input.size() > kMaxHeadSize)
                return fail(u"the response head is larger than %1 bytes"_s.arg(kMaxHeadSize));
            return m_state;
        }
        const QByteArray head = input.left(end);
        input.remove(0, end + 4);
        if (parseHead(head) == State::Invalid)
            return m_state;
    }
    if (m_contentLength < 0) {
        // Framed by the end of the connection: everything until then is the body.
        m_body += input;
        input.clear();
        return m_state;
    }
    if (input.size() < m_contentLength)
        return m_state;
    if (input.size() == m_contentLength) {
        m_body = std::move(input);
        input = QByteArray();
    } else {
        m_body = input.left(m_contentLength);
        input.remove(0, m_contentLength);
    }
    return m_state = State::Complete;
}

HttpReplyReader::State HttpReplyReader::finishAtClose()
{
    if (m_state != State::Incomplete)
        return m_state;
    if (m_headDone && m_contentLength < 0) {
        m_keepAlive = false;
        return m_state = State::Complete;
    }
    return fail(m_started ? u"the connection closed in the middle of the response"_s
                          : u"the connection closed without a response"_s);
}

HttpReplyReader::State HttpReplyReader::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    // "HTTP/1.1 200 OK": version, space, three digits.
    if (!statusLine.startsWith("HTTP/1.") || statusLine.size() < 12 || statusLine.at(8) != ' ')
        return fail(
            u"not an HTTP/1.x status line: %1"_s.arg(QString::fromLatin1(statusLine.left(80))));
    bool ok = false;
    const int status = statusLine.mid(9, 3).toInt(&ok);
    if (!ok || status < 100 || status > 999)
        return fail(u"invalid HTTP status in: %1"_s.arg(QString::fromLatin1(statusLine.left(80))));
    if (status < 200)
        return m_state; // interim answer (100 Continue): the real one follows

    m_status = status;
    m_keepAlive = statusLine.at(7) != '0';
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(u"malformed response header line"_s);
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (m_contentLength >= 0 && length != m_contentLength))
                return fail(u"invalid Content-Length: %1"_s.arg(QString::fromLatin1(value)));
            m_contentLength = length;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            return fail(u"unsupported Transfer-Encoding: %1"_s.arg(QString::fromLatin1(value)));
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            if (hasToken(value, "close"))
                m_keepAlive = false;
            else if (hasToken(value, "keep-alive"))
                m_keepAlive = true;
        }
    }
    if (m_status == 204 || m_status == 304)
        m_contentLength = 0;
    if (m_contentLength < 0)
        m_keepAlive = false;
    m_headDone = true;
    return m_state;
}

} // namespace ms
