#include "sqlsession.h"

#include "sqlconnectionpool.h"
#include "sqldialect.h"

#include "service/common/logging.h"

#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace ms {

SqlSession::SqlSession(SqlServerContext &context, const QString &database, const QString &tenant)
    : m_context(&context), m_db(context.pool->connection(database))
{
    const DatabaseTarget &target = context.pool->target();
    m_location = u"database %1 on %2:%3"_s.arg(database, target.host).arg(target.port);
    if (!tenant.isEmpty())
        m_location = context.dialect->tenantContainer(tenant) + u" in "_s + m_location;
}

Error SqlSession::error(const QSqlError &failure, const QString &what)
{
    const QString reason =
        sqlErrorReason(failure.databaseText().isEmpty() ? failure.text() : failure.databaseText());
    const SqlDialect &sql = dialect();
    if (sql.isConnectionFailure(failure)) {
        // Not removed here: queries of this call still hold it. The next call's ping finds it
        // dead and opens a new one (SqlConnectionPool::connection).
        const QString message = u"cannot reach %1 while %2 (%3): %4"_s.arg(
            m_context->pool->serverText(), what, m_location, reason);
        qCWarning(lcStore).noquote() << message;
        return serverError(message);
    }
    if (sql.classify(failure) == Error::Kind::Client) {
        const QString message = u"%1 refused %2: %3"_s.arg(sql.productName(), what, reason);
        qCInfo(lcStore).noquote() << message;
        return clientError(message);
    }
    if (failure.nativeErrorCode() == u"55P03") { // lock_not_available: lock_timeout ran out
        const QString message =
            u"%1 failed while %2 in %3: another session holds a lock on it (%4); try again "
            "when it is released"_s.arg(sql.productName(), what, m_location, reason);
        qCWarning(lcStore).noquote() << message;
        return serverError(message);
    }
    const QString message = u"%1 failed while %2 in %3: %4 (SQLSTATE %5)"_s.arg(
        sql.productName(), what, m_location, reason, failure.nativeErrorCode());
    qCWarning(lcStore).noquote() << message;
    return serverError(message);
}

void SqlSession::exec(const QString &sql, const QString &what)
{
    QSqlQuery query(m_db);
    // Forward-only everywhere: QODBC asks for a static cursor otherwise, which FreeTDS serves
    // with a server cursor, made for one SELECT, not for SET, DDL or MERGE (unverified
    // against a real SQL Server; QPSQL reads results the same either way).
    query.setForwardOnly(true);
    if (!query.exec(sql))
        throw error(query.lastError(), what);
}

QSqlQuery SqlSession::prepare(const QString &sql, const QString &what)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw error(query.lastError(), what);
    return query;
}

void SqlSession::execute(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        throw error(query.lastError(), what);
}

QSqlQuery SqlSession::run(const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery query = prepare(sql, what);
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values[i]);
    execute(query, what);
    return query;
}

SqlTransaction::SqlTransaction(SqlSession &session, QString what)
    : m_session(session), m_what(std::move(what))
{
    if (!m_session.database().transaction())
        throw m_session.error(m_session.database().lastError(),
                              u"beginning a transaction for %1"_s.arg(m_what));
}

SqlTransaction::~SqlTransaction()
{
    if (!m_done && m_session.database().isOpen() && !m_session.database().rollback())
        qCWarning(lcStore).noquote()
            << "Rollback of" << m_what << "failed:" << m_session.database().lastError().text();
}

void SqlTransaction::commit()
{
    if (!m_session.database().commit())
        throw m_session.error(m_session.database().lastError(), u"committing %1"_s.arg(m_what));
    m_done = true;
}

} // namespace ms
