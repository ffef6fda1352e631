#include "service/common/error.h"
#include "service/store/sqlservertype.h"

#include <QTest>

class TestSqlServerType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() {}
};

QTEST_APPLESS_MAIN(TestSqlServerType)
#include "tst_sqlservertype.moc"
