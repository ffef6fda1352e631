#include "soaptransport.h"

#include "httpreplyreader.h"
#include "service/common/error.h"
#include "service/soap/soapaction.h"

#include <QEventLoop>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

QByteArray requestHead(const QUrl &url, SoapOperation operation, qsizetype bodySize)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());

    QByteArray head;
    head.reserve(256);
    head += "POST " + target + " HTTP/1.1\r\nHost: " + host +
            "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: " + soapActionFor(operation) +
            "\r\nContent-Length: " + QByteArray::number(bodySize) + "\r\n\r\n";
    return head;
}

bool isHttps(const QUrl &url)
{
    return url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0;
}

} // namespace

SoapTransport::SoapTransport(QUrl url, QList<QSslCertificate> caCertificates,
                             std::chrono::milliseconds timeout)
    : m_url(std::move(url)), m_caCertificates(std::move(caCertificates)), m_timeout(timeout)
{}

SoapTransport::~SoapTransport() = default;

QByteArray SoapTransport::post(SoapOperation operation, const QByteArray &envelope)
{
    const QString what = operationName(operation);
    m_deadline = QDeadlineTimer(m_timeout);
    const QByteArray head = requestHead(m_url, operation, envelope.size());
    for (int attempt = 0;; ++attempt) {
        const bool reused = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
        if (!reused)
            openConnection();
        QByteArray body;
        int status = 0;
        QString problem;
        bool started = false;
        switch (exchange(head, envelope, body, status, problem, started)) {
        case Outcome::Answered:
            if (status != 200 && status != 500)
                throw serverError(u"%1: HTTP %2 from %3: %4"_s.arg(what).arg(status).arg(
                    m_url.toString(), QString::fromUtf8(body.left(300)).trimmed()));
            return body;
        case Outcome::Closed:
            // The endpoint may close an idle kept-alive connection just as we reuse it; it then
            // never read the request, so one fresh connection is the honest retry.
            if (reused && !started && attempt == 0)
                continue;
            throw serverError(u"%1: cannot reach %2: %3"_s.arg(what, m_url.toString(), problem));
        case Outcome::TimedOut:
            throw serverError(
                u"%1: no answer from %2 within %3 seconds"_s.arg(what, m_url.toString())
                    .arg(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
        case Outcome::Unreadable:
            throw serverError(
                u"%1: unreadable answer from %2: %3"_s.arg(what, m_url.toString(), problem));
        }
    }
}

void SoapTransport::openConnection()
{
    dropConnection();
    const bool https = isHttps(m_url);
    if (https) {
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_caCertificates.isEmpty())
            ssl.addCaCertificates(m_caCertificates);
        socket->setSslConfiguration(ssl);
        socket->connectToHostEncrypted(m_url.host(), quint16(m_url.port(443)));
        m_socket = std::move(socket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->connectToHost(m_url.host(), quint16(m_url.port(80)));
    }
}

SoapTransport::Outcome SoapTransport::exchange(const QByteArray &request,
                                               const QByteArray &envelope, QByteArray &body,
                                               int &status, QString &problem, bool &started)
{
    QTcpSocket *socket = m_socket.get();
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    const auto ready = [&] {
        return socket->state() == QAbstractSocket::UnconnectedState ||
               (socket->state() == QAbstractSocket::ConnectedState && (!ssl || ssl->isEncrypted()));
    };
    if (!waitUntil(ready)) {
        dropConnection();
        return Outcome::TimedOut;
    }
    if (socket->state() != QAbstractSocket::ConnectedState) {
        problem = socket->errorString();
        dropConnection();
        return Outcome::Closed;
    }
    // The answer is small and follows the whole body: no delayed-ACK stall on its last segment.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->write(request);
    socket->write(envelope);

    HttpReplyReader reader;
    const auto answered = [&] {
        if (socket->bytesAvailable() > 0)
            m_inbox += socket->readAll();
        if (reader.feed(m_inbox) == HttpReplyReader::State::Incomplete &&
            socket->state() == QAbstractSocket::UnconnectedState)
            reader.finishAtClose();
        return reader.state() != HttpReplyReader::State::Incomplete;
    };
    const bool done = waitUntil(answered);
    started = reader.started();
    if (!done) {
        dropConnection();
        return Outcome::TimedOut;
    }
    if (reader.state() == HttpReplyReader::State::Invalid) {
        problem = reader.started() ? reader.error() : socket->errorString();
        const bool closed = socket->state() == QAbstractSocket::UnconnectedState;
        dropConnection();
        return closed ? Outcome::Closed : Outcome::Unreadable;
    }
    status = reader.status();
    body = reader.takeBody();
    if (!reader.keepAlive() || !m_inbox.isEmpty())
        dropConnection(); // stray bytes after the answer: the connection's framing is lost
    return Outcome::Answered;
}

bool SoapTransport::waitUntil(const std::function<bool()> &done)
{
    if (done())
        return true;
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    QTcpSocket *socket = m_socket.get();
    QObject::connect(socket, &QIODevice::readyRead, &loop, check);
    QObject::connect(socket, &QAbstractSocket::stateChanged, &loop, check);
    QObject::connect(socket, &QAbstractSocket::errorOccurred, &loop, check);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        QObject::connect(ssl, &QSslSocket::encrypted, &loop, check);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(std::max<qint64>(0, m_deadline.remainingTime()));
    // The checks may already hold after the connections were made (signals queued before).
    if (!done())
        loop.exec();
    return done();
}

void SoapTransport::dropConnection()
{
    m_inbox.clear();
    if (!m_socket)
        return;
    m_socket->disconnect();
    m_socket->abort();
    m_socket.reset();
}

} // namespace ms
