#pragma once

// Shared by the hostile-input suites: what a refused call must leave behind (nothing), and the
// checks that the server still serves afterwards.

#include "../endpoint/servetestsupport.h"

#include "service/soap/soapresponsereader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace testsupport {

/// The Mirror_* files of a data directory, sorted.
inline QStringList mirrorFiles(const QString &dataDir)
{
    return QDir(dataDir).entryList({u"Mirror_*"_s}, QDir::Files, QDir::Name);
}

/// Every table of a mirror with every row, as text: two equal dumps mean an unchanged mirror.
inline QString dumpMirror(const QString &path)
{
    if (!QFile::exists(path))
        return u"(no file)"_s;
    QString dump;
    const QString connection = QUuid::createUuid().toString();
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            return u"(cannot open)"_s;
        QSqlQuery tables(db);
        tables.exec(u"select name, sql from sqlite_master where type = 'table' order by name"_s);
        QStringList names;
        while (tables.next()) {
            names << tables.value(0).toString();
            dump += tables.value(1).toString() + u'\n';
        }
        for (const QString &name : names) {
            QSqlQuery rows(db);
            rows.exec(u"select * from \"%1\" order by rowid"_s.arg(name));
            while (rows.next()) {
                QStringList cells;
                for (int i = 0; i < rows.record().count(); ++i)
                    cells << (rows.isNull(i) ? u"NULL"_s : rows.value(i).toString());
                dump += name + u": "_s + cells.join(u'|') + u'\n';
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return dump;
}

/// The valid call that must still succeed after each attack: a TableSchema for the tenant.
inline bool stillServes(quint16 port, const QString &tenant)
{
    const auto answer = rawExchange(
        port, soapPost(ms::writeTableSchemaRequest(token(tenant), {u"ok"_s, {contactSchema()}}),
                       "TableSchema"));
    return answer.status == 200 && answer.body.contains("TableSchemaResponse");
}

/// A SOAP call for tenant "CustSec" whose body element is raw XML (the test's attack).
inline QByteArray envelope(const QString &signedToken, const QByteArray &bodyElement,
                           const QByteArray &prolog = {})
{
    return prolog +
           "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>"
           "<SignedToken xmlns=\"http://www.superoffice.com/online/mirroring/0.1\">" +
           signedToken.toLatin1() + "</SignedToken></s:Header><s:Body>" + bodyElement +
           "</s:Body></s:Envelope>";
}

/// A SOAP fault with faultcode s:Client and HTTP 500, as PROTOCOL.md asks of refused calls.
inline bool isClientFault(const RawResponse &answer)
{
    return answer.status == 500 && answer.body.contains("s:Client");
}

/// The fault's faultstring, for failure messages and the observed-results table.
inline QString faultString(const RawResponse &answer)
{
    const qsizetype begin = answer.body.indexOf("<faultstring");
    const qsizetype open = answer.body.indexOf('>', begin);
    const qsizetype end = answer.body.indexOf("</faultstring>", open);
    if (begin < 0 || open < 0 || end < 0)
        return QString::fromUtf8(answer.body.left(200));
    return QString::fromUtf8(answer.body.mid(open + 1, end - open - 1));
}

} // namespace testsupport

namespace testsupport {

/// Every mirror file of a data directory with its whole content: equal snapshots, nothing written.
inline QString snapshot(const QString &dataDir)
{
    QString text;
    for (const QString &file : mirrorFiles(dataDir)) {
        if (file.endsWith(u".sqlite3"_s))
            text += u"== "_s + file + u'\n' + dumpMirror(QDir(dataDir).filePath(file));
        else
            text += u"== "_s + file + u'\n'; // a -wal or -journal file is evidence of a write too
    }
    return text;
}

} // namespace testsupport
