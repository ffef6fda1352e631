#pragma once

#include <QByteArray>
#include <QString>

namespace ms {

/// Reads one HTTP/1.x response as its bytes arrive: status line, headers, and a body framed by
/// Content-Length or by the end of the connection (chunked framing is refused: our endpoint never
/// sends it). Interim 1xx answers are skipped. Any thread; one response per instance.
class HttpReplyReader final
{
public:
    enum class State { Incomplete, Complete, Invalid };

    /// Consumes from the front of `input` what belongs to this response; bytes after a complete
    /// response stay in `input`.
    State feed(QByteArray &input);
    /// The peer closed the connection: completes a response that has no Content-Length.
    State finishAtClose();

    State state() const { return m_state; }
    /// True once any byte of the response was consumed (a reused connection that closes before
    /// that never saw the request, so sending it again is safe).
    bool started() const { return m_started; }
    int status() const { return m_status; }
    /// Whether the connection may carry the next request once this response is complete.
    bool keepAlive() const { return m_keepAlive; }
    QByteArray takeBody() { return std::move(m_body); }
    /// Why the response is Invalid, for a person.
    const QString &error() const { return m_error; }

private:
    State parseHead(const QByteArray &head);
    State fail(QString reason);

    State m_state = State::Incomplete;
    bool m_started = false;
    bool m_headDone = false;
    int m_status = 0;
    bool m_keepAlive = true;
    qint64 m_contentLength = -1;
    QByteArray m_body;
    QString m_error;
};

} // namespace ms
