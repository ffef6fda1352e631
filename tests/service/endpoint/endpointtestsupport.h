#pragma once

// Shared by the endpoint suites: SuperOffice played with the public DevNet key, the
// application key of the fixtures, and request builders.

#include "service/auth/certificate.h"
#include "service/auth/rsaprivatekey.h"
#include "service/auth/tokenminter.h"
#include "service/common/protocoltypes.h"
#include "service/soap/soaprequestwriter.h"

#include <QFile>
#include <QString>

namespace testsupport {

using namespace Qt::Literals::StringLiterals;

inline const QString kAppId = u"123123123123123123"_s;

inline QString fixture(const QString &name)
{
    return QStringLiteral(MIRRORSCOPE_FIXTURES_DIR) + u'/' + name;
}

inline QByteArray readFixture(const QString &name)
{
    QFile f(fixture(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

inline const ms::RsaPrivateKey &superOfficeKey()
{
    static const ms::RsaPrivateKey key = ms::RsaPrivateKey::fromText(readFixture(u"DevNet.key"_s));
    return key;
}

inline const ms::Certificate &superOfficeCert()
{
    static const ms::Certificate cert = ms::Certificate::fromData(readFixture(u"DevNet.crt"_s));
    return cert;
}

inline const ms::RsaPrivateKey &appKey()
{
    static const ms::RsaPrivateKey key = ms::RsaPrivateKey::fromText(readFixture(u"app-private-key.pem"_s));
    return key;
}

inline QString token(const QString &tenant, const QString &nonce = {})
{
    ms::TokenMintOptions options;
    options.tenant = tenant;
    options.applicationId = kAppId;
    options.nonce = nonce;
    options.notBefore = QDateTime::currentDateTimeUtc().addSecs(-30);
    options.expires = QDateTime::currentDateTimeUtc().addSecs(300);
    options.keyId = superOfficeCert().sha1Thumbprint();
    return QString::fromLatin1(ms::mintToken(superOfficeKey(), options));
}

inline ms::TableSchema contactSchema()
{
    ms::TableSchema t;
    t.tableName = u"contact"_s;
    t.columns = {
        {u"contact_id"_s, u"int"_s, false, std::nullopt},
        {u"name"_s, u"nvarchar(254)"_s, false, u"('')"_s},
        {u"updated"_s, u"datetime"_s, true, std::nullopt},
    };
    t.primaryKey = {u"contact_id"_s};
    return t;
}

inline ms::RowBatch contactBatch(int first, int count, std::optional<qint64> lsn)
{
    ms::RowBatch batch;
    batch.tableName = u"contact"_s;
    batch.columns = {u"contact_id"_s, u"name"_s, u"updated"_s};
    for (int i = first; i < first + count; ++i) {
        batch.rows.append({ms::RowOperation::Insert, qint64(i),
                           {{QString::number(i), false},
                            {u"Name & Co %1"_s.arg(i), false},
                            {QString(), true}}});
    }
    batch.lsn = lsn;
    return batch;
}

} // namespace testsupport
