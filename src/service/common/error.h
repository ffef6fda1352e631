#pragma once

#include <QString>

#include <exception>

namespace ms {

/// An error with a message a person can act on. Kind Client means the caller sent something
/// wrong (SOAP faultcode s:Client); Server means we failed (storage, I/O: s:Server).
class Error : public std::exception
{
public:
    enum class Kind { Client, Server };

    Error(Kind kind, QString message)
        : m_kind(kind), m_message(std::move(message)), m_utf8(m_message.toUtf8())
    {}

    Kind kind() const noexcept { return m_kind; }
    const QString &message() const noexcept { return m_message; }
    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    Kind m_kind;
    QString m_message;
    QByteArray m_utf8;
};

inline Error clientError(QString message)
{
    return Error(Error::Kind::Client, std::move(message));
}
inline Error serverError(QString message)
{
    return Error(Error::Kind::Server, std::move(message));
}

} // namespace ms
