#pragma once

#include <QString>
#include <QStringList>

namespace ms {

class SourceDatabase;

struct VerifyReport
{
    QStringList differences; ///< one readable line each, at most the limit given to run()
    qint64 differenceCount = 0;
    qint64 tablesCompared = 0;
    qint64 rowsCompared = 0;
    bool matched() const { return differenceCount == 0; }
};

/// Compares a mirror file with the source: the same tables (by metadata row), columns in the
/// same order, the same rows by primary key, every value in the same storage class with the
/// same bytes (doubles bit-equal), and each table's recorded LSN equal to the source's.
/// One thread; opens the mirror file itself and only reads it.
class Verifier final
{
public:
    Verifier(SourceDatabase &source, QString mirrorPath, QString tenant);
    VerifyReport run(int maxReported = 50);

private:
    SourceDatabase &m_source;
    QString m_mirrorPath;
    QString m_tenant;
};

} // namespace ms
