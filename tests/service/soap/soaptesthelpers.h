#pragma once

// Shared by the SOAP tests: test data files and a sink that records what it is told.

#include "service/common/error.h"
#include "service/common/protocoltypes.h"

#include <QFile>
#include <QStringList>
#include <QTest>

namespace ms::soaptest {

using namespace Qt::Literals::StringLiterals;

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(path));
    return file.readAll();
}

inline QByteArray testData(const char *name)
{
    return readFile(QLatin1StringView(MIRRORSCOPE_TEST_DATA_DIR "/") + QLatin1StringView(name));
}

inline QByteArray fixture(const char *name)
{
    return readFile(QLatin1StringView(MIRRORSCOPE_FIXTURES_DIR "/") + QLatin1StringView(name));
}

/// Records every sink call as one line of text, and the rows as values for exact comparison.
class RecordingSink final : public RowDataSink
{
public:
    void beginBatch(const QString &tableName, const QStringList &columns) override
    {
        calls << u"begin %1 [%2]"_s.arg(tableName, columns.join(u','));
        batches.append(RowBatch{tableName, columns, {}, std::nullopt});
    }
    void row(RowOperation op, std::optional<qint64> lsn, const QList<CellValue> &values) override
    {
        QStringList texts;
        for (const CellValue &v : values)
            texts << (v.isNull ? u"NULL"_s : u"'%1'"_s.arg(v.text));
        calls << u"row %1 %2 [%3]"_s.arg(rowOperationName(op),
                                         lsn ? QString::number(*lsn) : u"nil"_s, texts.join(u'|'));
        batches.last().rows.append(RowBatch::Row{op, lsn, values});
    }
    void endBatch(std::optional<qint64> batchLsn) override
    {
        calls << u"end %1"_s.arg(batchLsn ? QString::number(*batchLsn) : u"nil"_s);
        batches.last().lsn = batchLsn;
    }

    QStringList calls;
    QList<RowBatch> batches;
};

/// Runs f and returns the ms::Error it throws; fails the test if it throws nothing.
template <typename F> std::optional<Error> errorOf(F &&f)
{
    try {
        f();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

} // namespace ms::soaptest

/// Checks that expr throws ms::Error of kind Client whose message contains fragment.
#define MS_VERIFY_CLIENT_ERROR(expr, fragment)                                                     \
    do {                                                                                           \
        const auto error_ = ms::soaptest::errorOf([&] { (void)(expr); });                          \
        QVERIFY2(error_.has_value(), "no ms::Error thrown");                                       \
        QCOMPARE(error_->kind(), ms::Error::Kind::Client);                                         \
        QVERIFY2(error_->message().contains(QLatin1StringView(fragment)),                          \
                 qPrintable(error_->message()));                                                   \
    } while (false)
