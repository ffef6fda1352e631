#include "sqlitemirrortampering.h"

#include "simsqlite.h"

#include "service/common/error.h"
#include "service/common/identifiers.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
class SqliteWriteBlock final : public MirrorTampering::WriteBlock
{
public:
    explicit SqliteWriteBlock(const QString &path) : m_blocker(path)
    {
        m_blocker.exec(u"BEGIN IMMEDIATE"_s);
    }
    ~SqliteWriteBlock() override
    {
        try {
            m_blocker.exec(u"ROLLBACK"_s);
        } catch (const Error &) {
            // Closing the connection ends the transaction all the same.
        }
    }

private:
    sim::SqliteConnection m_blocker;
};

// The row's values with their storage classes, each length-prefixed so that no two rows give
// the same bytes.
QByteArray rowBytes(const sim::SqliteStatement &row)
{
    using StorageClass = sim::SqliteStatement::StorageClass;
    QByteArray bytes;
    for (int c = 0; c < row.columnCount(); ++c) {
        const StorageClass storage = row.storageClass(c);
        bytes.append(char('0' + int(storage)));
        QByteArray value;
        if (storage == StorageClass::Integer)
            value = QByteArray::number(row.integer(c));
        else if (storage == StorageClass::Real)
            value = QByteArray::number(row.real(c), 'g', 17);
        else if (storage == StorageClass::Text)
            value = row.textUtf8(c).toByteArray();
        else if (storage == StorageClass::Blob)
            value = row.blobBytes(c).toByteArray();
        bytes.append(QByteArray::number(value.size()) + ':' + value);
    }
    return bytes;
}
} // namespace

SqliteMirrorTampering::SqliteMirrorTampering(QString mirrorPath) : m_path(std::move(mirrorPath))
{
    if (!m_scratch.isValid())
        throw serverError(u"Cannot create a temporary directory for mirror snapshots"_s);
}

QString SqliteMirrorTampering::snapshotPath() const
{
    return m_scratch.filePath(u"mirror-snapshot.sqlite3"_s);
}

bool SqliteMirrorTampering::exists()
{
    return QFileInfo::exists(m_path);
}

void SqliteMirrorTampering::takeSnapshot()
{
    sim::SqliteConnection mirror(m_path);
    sim::SqliteConnection copy(snapshotPath());
    mirror.backupTo(copy);
}

void SqliteMirrorTampering::restoreSnapshot()
{
    if (!QFileInfo::exists(snapshotPath()))
        throw serverError(u"There is no snapshot of the mirror to restore"_s);
    sim::SqliteConnection copy(snapshotPath());
    sim::SqliteConnection mirror(m_path);
    copy.backupTo(mirror);
}

std::unique_ptr<MirrorTampering::WriteBlock> SqliteMirrorTampering::blockWrites()
{
    return std::make_unique<SqliteWriteBlock>(m_path);
}

QByteArray SqliteMirrorTampering::contentDigest()
{
    sim::SqliteConnection mirror(m_path, sim::SqliteConnection::Mode::ReadOnly);
    QStringList tables;
    {
        auto q = mirror.prepare(u"SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"_s);
        while (q.step())
            tables.append(q.text(0));
    }
    QCryptographicHash digest(QCryptographicHash::Sha256);
    for (const QString &table : std::as_const(tables)) {
        digest.addData(table.toUtf8() + '\n');
        {
            auto q = mirror.prepare(u"SELECT name, type FROM pragma_table_info(?) ORDER BY cid"_s);
            q.bind(1, table);
            while (q.step())
                digest.addData((q.text(0) + u' ' + q.text(1) + u'\n').toUtf8());
        }
        // Rows in any order: the hash of each, sorted.
        QList<QByteArray> rows;
        auto q = mirror.prepare(u"SELECT * FROM "_s + quoteIdentifier(table));
        while (q.step())
            rows.append(QCryptographicHash::hash(rowBytes(q), QCryptographicHash::Sha256));
        std::sort(rows.begin(), rows.end());
        for (const QByteArray &row : std::as_const(rows))
            digest.addData(row);
    }
    return digest.result();
}

} // namespace ms
