#pragma once

#include "service/common/error.h"

#include <QBuffer>
#include <QByteArray>
#include <QByteArrayView>
#include <QXmlStreamReader>

namespace ms {

/// Walks element-only XML with QXmlStreamReader, by namespace URI and local name, refusing any
/// DOCTYPE and turning every XML error into ms::Error(Client) with line and column. Reads the
/// data through a device in small chunks, so memory does not grow with the document.
/// data must outlive the cursor. One thread at a time.
class XmlCursor final
{
public:
    explicit XmlCursor(QByteArrayView data);
    Q_DISABLE_COPY_MOVE(XmlCursor)

    /// From a start element (or a child's end): moves to the next child start element and
    /// returns true, or consumes the parent's end element and returns false.
    bool nextChildElement();
    bool isElement(QLatin1StringView namespaceUri, QLatin1StringView localName) const;
    QStringView localName() const { return m_reader.name(); }
    QStringView namespaceUri() const { return m_reader.namespaceUri(); }
    /// On a start element: xsi:nil is "true" or "1".
    bool isNil() const;
    /// On a start element: the value of an unqualified attribute ("" when absent).
    QStringView attribute(QLatin1StringView name) const;

    /// On a start element: reads its text up to its end element into out (capacity reused).
    void readText(QString &out);
    QString readText();
    /// On a start element: skips it and everything inside.
    void skipElement();

    /// A Client error naming the current position: "message (line L, column C)".
    Error error(const QString &message) const;
    /// "Name" or "{namespace}Name" of the current element, for messages.
    QString elementDisplayName() const;

private:
    QXmlStreamReader::TokenType next();

    QByteArray m_data; // raw (non-owning) view of the caller's bytes
    QBuffer m_device;
    QXmlStreamReader m_reader;
    int m_depth = 0; // open elements; bounded so that nesting cannot be used to exhaust memory
};

} // namespace ms
