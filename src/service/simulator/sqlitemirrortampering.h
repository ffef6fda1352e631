#pragma once

#include "mirrortampering.h"

#include <QTemporaryDir>

namespace ms {

/// The SQLite mirror file: snapshots through SQLite's backup API (safe while the endpoint has the
/// file open), the write block as a transaction begun IMMEDIATE (SQLite's write lock).
class SqliteMirrorTampering final : public MirrorTampering
{
public:
    explicit SqliteMirrorTampering(QString mirrorPath);

    bool exists() override;
    void takeSnapshot() override;
    void restoreSnapshot() override;
    std::unique_ptr<WriteBlock> blockWrites() override;
    QByteArray contentDigest() override;

private:
    QString snapshotPath() const;

    QString m_path;
    QTemporaryDir m_scratch;
};

} // namespace ms
