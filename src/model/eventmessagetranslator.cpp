#include "eventmessagetranslator.h"

#include <QHash>
#include <QLocale>

#include <functional>
#include <optional>

namespace ms {

namespace {
namespace code = eventmessage::code;
using Arguments = QStringList;
using Translation = std::function<QString(const Arguments &)>;

std::optional<qint64> count(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

/// %n in tr() takes an int; larger counts (rows) are shown without the plural form's help.
int pluralCount(qint64 value)
{
    return int(qMin<qint64>(value, INT_MAX));
}

QString localNumber(qint64 value)
{
    return QLocale().toString(value);
}

struct Entry
{
    qsizetype argumentCount;
    /// Indexes of the arguments that must be counts.
    QList<qsizetype> counts;
    Translation translate;
};
} // namespace

QString EventMessageTranslator::translate(const Event &event)
{
    const QString text = translated(event.code, event.arguments);
    return text.isNull() ? event.message : text;
}

QString EventMessageTranslator::translate(const EventMessage &message)
{
    const QString text = translated(message.code, message.arguments);
    return text.isNull() ? message.text : text;
}

QString EventMessageTranslator::translated(const QString &messageCode, const QStringList &args)
{
    if (messageCode.isEmpty())
        return {};
    // Built once; each entry calls tr() when it runs, so under the translator installed then.
    using L = QLatin1StringView;
    static const auto n = [](const Arguments &a, qsizetype i) {
        return *count(a.at(i));
    };
    static const QHash<QString, Entry> entries = {
        {L(code::TokenRejected),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Rejected a token: %1").arg(a.at(0));
          }}},
        {L(code::CallRefused),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Refused the call: %1").arg(a.at(0));
          }}},
        {L(code::CallFailed),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Failed to serve the call: %1").arg(a.at(0));
          }}},
        {L(code::TenantPausedSkipped),
         {0,
          {},
          [](const Arguments &) {
              return tr("The tenant is paused: asked the Mirroring Task to skip this cycle.");
          }}},
        {L(code::TablesDropped),
         {2,
          {0},
          [](const Arguments &a) {
              return tr("Dropped %n table(s) no longer mirrored: %1", nullptr, pluralCount(n(a, 0)))
                  .arg(a.at(1));
          }}},
        {L(code::TablesRecreated),
         {2,
          {0},
          [](const Arguments &a) {
              return tr("Recreated %n table(s) after an incompatible schema change: %1", nullptr,
                        pluralCount(n(a, 0)))
                  .arg(a.at(1));
          }}},
        {L(code::TablesCreated),
         {2,
          {0},
          [](const Arguments &a) {
              return tr("Created %n table(s): %1", nullptr, pluralCount(n(a, 0))).arg(a.at(1));
          }}},
        {L(code::TablesAltered),
         {2,
          {0},
          [](const Arguments &a) {
              return tr("Added columns to %n table(s): %1", nullptr, pluralCount(n(a, 0)))
                  .arg(a.at(1));
          }}},
        {L(code::TableWiped),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Wiped table %1: all rows removed, LSN set to -1").arg(a.at(0));
          }}},
        {L(code::CycleCompleted),
         {2,
          {0, 1},
          [](const Arguments &a) {
              return tr("Cycle completed: %n table(s), %1 row change(s)", nullptr,
                        pluralCount(n(a, 0)))
                  .arg(localNumber(n(a, 1)));
          }}},
        {L(code::Invalidated),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Invalidated %1: rows deleted and LSN set to -1; the next cycle sends "
                        "everything again")
                  .arg(a.at(0));
          }}},
        {L(code::InvalidatedAll),
         {0,
          {},
          [](const Arguments &) {
              return tr("Invalidated all tables: rows deleted and LSN set to -1; the next cycle "
                        "sends everything again");
          }}},
        {L(code::Repopulated),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Hard reset of %1: metadata rows deleted and tables dropped; the next "
                        "cycle recreates and repopulates them")
                  .arg(a.at(0));
          }}},
        {L(code::RepopulatedAll),
         {0,
          {},
          [](const Arguments &) {
              return tr("Hard reset of all tables: metadata rows deleted and tables dropped; the "
                        "next cycle recreates and repopulates them");
          }}},
        {L(code::Paused),
         {0,
          {},
          [](const Arguments &) {
              return tr("Paused: the Mirroring Task is asked to skip this tenant "
                        "(doNotReplicate)");
          }}},
        {L(code::Resumed),
         {0,
          {},
          [](const Arguments &) {
              return tr("Resumed: the next cycle mirrors this tenant again");
          }}},
        {L(code::MirrorDeleted),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Deleted the mirror of tenant %1; the next cycle starts it anew")
                  .arg(a.at(0));
          }}},
        {L(code::ActionFailed),
         {2,
          {},
          [](const Arguments &a) {
              return tr("%1 failed: %2").arg(a.at(0), a.at(1));
          }}},
        {L(code::DemoStarted),
         {1,
          {},
          [](const Arguments &a) {
              return tr("Demo cycle started: the demo signing certificate %1 is trusted until "
                        "it ends")
                  .arg(a.at(0));
          }}},
        {L(code::DemoCompleted),
         {1,
          {0},
          [](const Arguments &a) {
              return tr("Demo cycle finished: completed (%Ln row(s) sent)", nullptr,
                        pluralCount(n(a, 0)));
          }}},
        {L(code::DemoSkipped),
         {1,
          {0},
          [](const Arguments &a) {
              return tr("Demo cycle finished: skipped, the endpoint answered doNotReplicate "
                        "(%Ln row(s) sent)",
                        nullptr, pluralCount(n(a, 0)));
          }}},
        {L(code::DemoFailed),
         {2,
          {1},
          [](const Arguments &a) {
              return tr("Demo cycle failed: %1 (%Ln row(s) sent)", nullptr, pluralCount(n(a, 1)))
                  .arg(a.at(0));
          }}},
        {L(code::EndpointSetupInvalid),
         {1,
          {},
          [](const Arguments &a) {
              return tr("The endpoint cannot start: %1").arg(a.at(0));
          }}},
        {L(code::EndpointSetupFallback),
         {0,
          {},
          [](const Arguments &) {
              return tr("The saved setup could not be loaded; using the demo identity");
          }}},
        {L(code::EndpointListenFailed),
         {2,
          {},
          [](const Arguments &a) {
              return a.at(1).isEmpty() ? tr("Cannot listen on %1").arg(a.at(0))
                                       : tr("Cannot listen on %1: %2").arg(a.at(0), a.at(1));
          }}},
    };
    const auto entry = entries.constFind(messageCode);
    if (entry == entries.cend() || args.size() != entry->argumentCount)
        return {};
    for (qsizetype index : entry->counts) {
        if (!count(args.at(index)))
            return {};
    }
    return entry->translate(args);
}

} // namespace ms
