#pragma once

// Shared by the window tests: a scripted Confirmer, a mirror builder that writes through the
// store (as the endpoint would), and a wait for asynchronous model loads. Test thread only.

#include "ui/confirmer.h"

#include "service/common/protocoltypes.h"
#include "service/store/mirrorbackend.h"
#include "service/store/mirrorstore.h"

#include <QStandardPaths>
#include <QTest>

#include <functional>

namespace uitest {

using namespace Qt::Literals::StringLiterals;

/// Answers every confirmation with `answer` and records what was asked.
class ScriptedConfirmer final : public ms::ui::Confirmer
{
public:
    bool answer = true;
    QStringList texts;
    QStringList failures;
    bool confirm(const QString &, const QString &text, const QString &) override
    {
        texts.append(text);
        return answer;
    }
    void reportFailure(const QString &, const QString &text) override { failures.append(text); }
};

inline ms::TableSchema contactSchema()
{
    return ms::TableSchema{u"contact"_s,
                           {ms::ColumnSchema{u"contact_id"_s, u"int"_s, false, std::nullopt},
                            ms::ColumnSchema{u"name"_s, u"nvarchar(254)"_s, true, std::nullopt}},
                           {u"contact_id"_s}};
}

/// Creates the contact table (if needed) and inserts rows [first, first+count) named "name <i>"
/// (row 2 has a NULL name, row 3 an empty one) with the given batch LSN.
inline void addContacts(ms::MirrorBackend &backend, const QString &tenant, int first, int count,
                        qint64 lsn)
{
    const auto store = backend.open(tenant);
    store->applySchema({contactSchema()});
    const auto transaction = store->beginRowData();
    transaction->beginBatch(u"contact"_s, {u"contact_id"_s, u"name"_s});
    for (int i = first; i < first + count; ++i) {
        const ms::CellValue name = i == 2   ? ms::CellValue{QString(), true}
                                   : i == 3 ? ms::CellValue{QString(), false}
                                            : ms::CellValue{u"name, \"%1\""_s.arg(i), false};
        transaction->row(ms::RowOperation::Insert, lsn, {{QString::number(i), false}, name});
    }
    transaction->endBatch(lsn);
    transaction->commit();
}

inline qint64 lsnOf(ms::MirrorBackend &backend, const QString &tenant, const QString &table)
{
    for (const ms::MirroredTable &t : backend.open(tenant)->tables()) {
        if (t.tableName == table)
            return t.lsn;
    }
    return -2;
}

} // namespace uitest
