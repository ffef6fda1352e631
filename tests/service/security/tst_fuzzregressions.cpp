#include "targets/fuzztargets.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

/// Replays every kept fuzzing input (fuzz/regressions/<name>/, each a crash that was fixed) and
/// every seed (fuzz/corpus/<name>/) through the harness bodies: a crash or a sanitizer report
/// fails the run. The harnesses check their own invariants with qFatal.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        int inputs = 0;
        for (const QString &kind : {u"regressions"_s, u"corpus"_s}) {
            for (const QString &target :
                 {u"soap_request"_s, u"jwt"_s, u"rsa_key"_s, u"http_request"_s, u"xml_subset"_s}) {
                QDirIterator it(QStringLiteral(MIRRORSCOPE_FUZZ_DIR "/") + kind + u'/' + target,
                                QDir::Files);
                while (it.hasNext()) {
                    const QString path = it.next();
                    QTest::newRow(qPrintable(kind + u'/' + target + u'/' + it.fileName()))
                        << target << path;
                    ++inputs;
                }
            }
        }
        QVERIFY2(inputs > 10, "the seed corpora are missing");
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray input = file.readAll();
        const auto *data = reinterpret_cast<const uint8_t *>(input.constData());
        const auto size = size_t(input.size());
        if (target == "soap_request"_L1)
            ms::fuzz::soapRequest(data, size);
        else if (target == "jwt"_L1)
            ms::fuzz::jwt(data, size);
        else if (target == "rsa_key"_L1)
            ms::fuzz::rsaKey(data, size);
        else if (target == "xml_subset"_L1)
            ms::fuzz::xmlSubset(data, size);
        else
            ms::fuzz::httpRequest(data, size);
    }
};

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
