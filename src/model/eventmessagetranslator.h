#pragma once

#include "service/state/event.h"
#include "service/state/eventmessage.h"

#include <QCoreApplication>

namespace ms {

/// Shows an event's message in the language of the installed translator: each code of the
/// catalogue (service/state/eventmessage.h) has its own tr() text here. An event without a code
/// (written before codes existed), with a code this version does not know, or with arguments
/// that do not fit its code shows the English text it was stored with.
class EventMessageTranslator final
{
    Q_DECLARE_TR_FUNCTIONS(EventMessageTranslator)
public:
    static QString translate(const Event &event);
    static QString translate(const EventMessage &message);

private:
    /// The translated text, or a null QString when code and arguments are not known.
    static QString translated(const QString &code, const QStringList &arguments);
};

} // namespace ms
