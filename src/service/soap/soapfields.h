#pragma once

#include "service/common/error.h"

#include <QLatin1StringView>
#include <QString>

#include <optional>

// Typed reads of one message element at the cursor (a start element), shared by the request and
// response readers. Each consumes the element and throws ms::Error(Client) naming it.
namespace ms {

class XmlCursor;

namespace soapfields {

/// "<parent> lacks its required element <name>", at the parent's end.
Error missingElement(const XmlCursor &cursor, QLatin1StringView name, QLatin1StringView parent);
/// Text content; xsi:nil reads as "".
QString readString(XmlCursor &cursor);
/// Text content; xsi:nil reads as nullopt.
std::optional<QString> readNillableString(XmlCursor &cursor);
qint64 readInt64(XmlCursor &cursor, QLatin1StringView name);
/// xsi:nil reads as nullopt. scratch is reused text storage.
std::optional<qint64> readNillableInt64(XmlCursor &cursor, QLatin1StringView name,
                                        QString &scratch);
bool readBoolean(XmlCursor &cursor, QLatin1StringView name);

} // namespace soapfields
} // namespace ms
