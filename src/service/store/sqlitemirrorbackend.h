#pragma once

#include "mirrorbackend.h"

namespace ms {

/// Mirrors as files <dataDir>/Mirror_<ctx>.sqlite3. Thread-safe: it holds only its directory.
class SqliteMirrorBackend final : public MirrorBackend
{
    Q_DISABLE_COPY_MOVE(SqliteMirrorBackend)
public:
    explicit SqliteMirrorBackend(QString dataDir);

    std::unique_ptr<MirrorStore> open(const QString &tenant) override;
    bool exists(const QString &tenant) const override;
    QStringList tenants() const override;
    void deleteTenant(const QString &tenant) override;
    QString description() const override;
    ReadAccess readAccess(const QString &tenant) const override;

    /// The tenant's file; the tenant must be valid (Client error otherwise).
    QString mirrorPath(const QString &tenant) const;

private:
    QString m_dataDir;
};

} // namespace ms
