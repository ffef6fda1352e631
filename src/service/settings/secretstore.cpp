#include "secretstore.h"

#include "service/common/logging.h"

#include <QEventLoop>
#include <QFile>
#include <QFileDevice>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {
constexpr int kKeychainTimeoutMs = 15000;

QString keychainEntry(const QString &ref) { return ref.mid(int(qstrlen("keychain:"))); }
QString filePath(const QString &ref) { return ref.mid(int(qstrlen("file:"))); }

// Runs a keychain job to completion; QtKeychain is asynchronous only.
SecretStore::Result runJob(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    SecretStore::Result result;
    if (!finished) {
        result.error = u"The OS keychain did not answer within %1 seconds."_s.arg(kKeychainTimeoutMs / 1000);
    } else if (job->error() != QKeychain::NoError) {
        result.error = job->error() == QKeychain::EntryNotFound
                           ? u"The OS keychain has no such entry."_s
                           : u"The OS keychain refused: %1"_s.arg(job->errorString());
    } else {
        result.ok = true;
    }
    if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job); read && result.ok)
        result.data = read->binaryData();
    job->deleteLater();
    return result;
}

SecretStore::Result badRef(const QString &ref)
{
    return {false, {}, u"\"%1\" is neither a keychain: nor a file: reference."_s.arg(ref)};
}
} // namespace

SecretStore::Result SecretStore::probeKeychain()
{
    const QString probe = keychainRef(u"probe"_s);
    Result written = write(probe, QByteArrayLiteral("probe"));
    if (!written.ok)
        return written;
    return remove(probe);
}

SecretStore::Result SecretStore::read(const QString &ref)
{
    if (ref.startsWith(u"keychain:")) {
        auto *job = new QKeychain::ReadPasswordJob(QLatin1StringView(ServiceName));
        job->setKey(keychainEntry(ref));
        return runJob(job);
    }
    if (ref.startsWith(u"file:")) {
        QFile file(filePath(ref));
        if (!file.open(QIODevice::ReadOnly))
            return {false, {}, u"Cannot read %1: %2"_s.arg(file.fileName(), file.errorString())};
        return {true, file.readAll(), {}};
    }
    return badRef(ref);
}

SecretStore::Result SecretStore::write(const QString &ref, const QByteArray &data)
{
    if (ref.startsWith(u"keychain:")) {
        auto *job = new QKeychain::WritePasswordJob(QLatin1StringView(ServiceName));
        job->setKey(keychainEntry(ref));
        job->setBinaryData(data);
        return runJob(job);
    }
    if (ref.startsWith(u"file:")) {
        QFile file(filePath(ref));
        // Created owner-only before a byte of the key is written.
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(data) != data.size() || !file.flush()) {
            return {false, {}, u"Cannot write %1: %2"_s.arg(file.fileName(), file.errorString())};
        }
        return {true, {}, {}};
    }
    return badRef(ref);
}

SecretStore::Result SecretStore::remove(const QString &ref)
{
    if (ref.startsWith(u"keychain:")) {
        auto *job = new QKeychain::DeletePasswordJob(QLatin1StringView(ServiceName));
        job->setKey(keychainEntry(ref));
        return runJob(job);
    }
    if (ref.startsWith(u"file:")) {
        if (QFile::exists(filePath(ref)) && !QFile::remove(filePath(ref)))
            return {false, {}, u"Cannot delete %1"_s.arg(filePath(ref))};
        return {true, {}, {}};
    }
    return badRef(ref);
}

QString SecretStore::describe(const QString &ref)
{
    if (ref.startsWith(u"keychain:"))
        return u"in the OS keychain (service %1, entry %2)"_s.arg(QLatin1StringView(ServiceName), keychainEntry(ref));
    if (ref.startsWith(u"file:"))
        return u"in the file %1"_s.arg(filePath(ref));
    return u"nowhere (not set up)"_s;
}

} // namespace ms
