// XmlSubsetTokenizer against expat: for every document the fast tokenizer accepts, both parsers
// must give the same tokens; where it refuses, however late, expat reads the document from its
// start and what the cursor's readers see must be exactly what expat alone gives them.

#include "service/soap/xmlcursor.h"
#include "service/soap/xmlsubsettokenizer.h"
#include "targets/fuzztargets.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace ms {

namespace {

struct Stream
{
    QList<XmlToken> tokens;
    QString error; // empty: the document was read to its end
};

Stream read(QByteArrayView data, XmlCursor::Parser parser, bool *usedSubset = nullptr)
{
    Stream stream;
    XmlCursor cursor(data, parser);
    try {
        while (cursor.nextToken() != XmlToken::Kind::EndDocument) {
            XmlToken token = cursor.currentToken();
            // A deep copy: the text may view the tokenizer's buffer, valid until the next token.
            token.text = QByteArray(token.text.constData(), token.text.size());
            stream.tokens.append(token);
        }
    } catch (const Error &error) {
        stream.error = error.message();
    }
    if (usedSubset)
        *usedSubset = cursor.usesSubsetTokenizer(); // to the end, without falling back
    return stream;
}

/// The comparison the xml_subset fuzz harness makes (fuzz/targets/xmlsubsetfuzz.cpp).
bool agrees(QByteArrayView data, QByteArray *why)
{
    *why = fuzz::xmlSubsetDisagreement(data);
    return why->isEmpty();
}

const QByteArray kEnvelope =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">\r\n"
    "  <s:Header><h:SignedToken s:mustUnderstand=\"1\" "
    "xmlns:h=\"http://www.superoffice.com/online/mirroring/0.1\">a.b.c</h:SignedToken></s:Header>"
    "<s:Body><RowDataRequest xmlns=\"http://www.superoffice.com/online/mirroring/0.1\" "
    "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'><ClientState/><Batches><RowBatch>"
    "<TableName>contact</TableName><Columns><Column>id</Column><Column>name</Column></Columns>"
    "<Rows><Row><Operation>Insert</Operation><Lsn xsi:nil=\" true \"/><Values><V>1</V>"
    "<V>Acme &amp; Co &lt;&gt;&quot;&apos; &#65;&#x1F600; \xc3\xa6\xe2\x82\xac\xf0\x9f\x98\x80"
    "</V></Values></Row><Row><Operation>Delete</Operation><Lsn>7</Lsn><Values><V>2</V>"
    "<V xsi:nil=\"1\"></V><V enc=\"base64\" other='x&#9;y\r\nz'>QQ==</V></Values></Row></Rows>"
    "<Lsn>7</Lsn></RowBatch></Batches></RowDataRequest></s:Body></s:Envelope>\n";

} // namespace

class TestXmlSubsetTokenizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainDocumentsAreReadByTheSubsetTokenizerAlikeExpat_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("envelope") << kEnvelope;
        QTest::newRow("no declaration") << QByteArray("<a>x</a>");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF<a/>");
        QTest::newRow("standalone") << QByteArray("<?xml version='1.0' standalone='yes'?><a/>");
        QTest::newRow("default namespace undeclared")
            << QByteArray("<a xmlns='urn:x'><b xmlns=''><c/></b><d/></a>");
        QTest::newRow("prefix rebound")
            << QByteArray("<p:a xmlns:p='urn:1'><p:b xmlns:p='urn:2'/><p:c/></p:a>");
        QTest::newRow("xml:lang") << QByteArray("<a xml:lang='en'>t</a>");
        QTest::newRow("space in end tag") << QByteArray("<a>t</a  >");
        QTest::newRow("line ends") << QByteArray("<a>1\r\n2\r3\n</a>");
        QTest::newRow("attribute white space") << QByteArray("<a b=' x\ty\r\nz\rw &#10; '/>");
        QTest::newRow("references") << QByteArray("<a>&#x10FFFF;&#1114111;&#xE000;]&gt;</a>");
        QTest::newRow("64 levels")
            << QByteArray(QByteArray("<a>").repeated(64) + QByteArray("</a>").repeated(64));
    }
    void plainDocumentsAreReadByTheSubsetTokenizerAlikeExpat()
    {
        QFETCH(QByteArray, document);
        QVERIFY(XmlSubsetTokenizer::accepts(document));
        bool usedSubset = false;
        const Stream fast = read(document, XmlCursor::Parser::Automatic, &usedSubset);
        QVERIFY(usedSubset);
        QVERIFY2(fast.error.isEmpty(), qPrintable(fast.error));
        QByteArray why;
        QVERIFY2(agrees(document, &why), why.constData());
    }

    void othersGoToExpat_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<bool>("readable");
        const auto row = [](const char *name, const QByteArray &doc, bool ok) {
            QTest::newRow(name) << doc << ok;
        };
        // Well-formed, but outside the subset: expat reads them.
        row("comment", "<a><!-- c --></a>", true);
        row("cdata", "<a><![CDATA[<x>]]></a>", true);
        row("processing instruction", "<a><?pi x?></a>", true);
        row("latin-1 declaration", "<?xml version='1.0' encoding='ISO-8859-1'?><a>\xe6</a>", true);
        row("non-ASCII name", "<\xc3\xa6>x</\xc3\xa6>", true);
        row("DEL character", "<a>\x7f</a>", true);
        row("comment after root", "<a/><!-- c -->", true);
        // Not well-formed: expat refuses them with its message.
        // Too deep for the cursor (nesting is capped at 64), whichever parser reads it.
        row("65 levels", QByteArray("<a>").repeated(65) + QByteArray("</a>").repeated(65), false);
        row("empty", "", false);
        row("doctype", "<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", false);
        row("undeclared entity", "<a>&foo;</a>", false);
        row("lone ampersand", "<a>a & b</a>", false);
        row("mismatched tags", "<a><b></a></b>", false);
        row("unclosed", "<a><b></b>", false);
        row("two roots", "<a/><b/>", false);
        row("text before root", "x<a/>", false);
        row("unbound prefix", "<p:a/>", false);
        row("unbound attribute prefix", "<a p:x='1'/>", false);
        row("duplicate attribute", "<a x='1' x='2'/>", false);
        row("duplicate expanded attribute", "<a xmlns:p='urn:x' xmlns:q='urn:x' p:x='1' q:x='2'/>",
            false);
        row("unquoted attribute", "<a x=1/>", false);
        row("lt in attribute", "<a x='<'/>", false);
        row("attributes without space", "<a x='1'y='2'/>", false);
        row("cdata end in text", "<a>]]></a>", false);
        row("control character", "<a>\x01</a>", false);
        row("character reference to NUL", "<a>&#0;</a>", false);
        row("surrogate reference", "<a>&#xD800;</a>", false);
        row("surrogate bytes", "<a>\xed\xa0\x80</a>", false);
        row("overlong", "<a>\xc0\xaf</a>", false);
        row("truncated UTF-8", "<a>\xe2\x82</a>", false);
        row("U+FFFE", "<a>\xef\xbf\xbe</a>", false);
        row("empty prefix binding", "<a xmlns:p=''/>", false);
        row("xmlns prefix on element", "<xmlns:a/>", false);
        row("declaration not at start", " <?xml version='1.0'?><a/>", false);
    }
    void othersGoToExpat()
    {
        QFETCH(QByteArray, document);
        QFETCH(bool, readable);
        QVERIFY(!XmlSubsetTokenizer::accepts(document));
        bool usedSubset = true;
        const Stream stream = read(document, XmlCursor::Parser::Automatic, &usedSubset);
        QVERIFY(!usedSubset);
        QCOMPARE(stream.error.isEmpty(), readable);
        QCOMPARE(stream.error, read(document, XmlCursor::Parser::Expat).error);
    }

    void errorsOfTheReaderStillNameTheLine()
    {
        XmlCursor cursor("<a>\n  <b/>\n</a>");
        QVERIFY(cursor.usesSubsetTokenizer());
        QVERIFY(cursor.nextChildElement()); // a
        QVERIFY(cursor.nextChildElement()); // b
        QCOMPARE(cursor.error(u"unexpected"_s).message(), u"unexpected (line 2, column 3)"_s);
    }

    void lateRefusalsContinueWithExpatWhereTheReadersAre_data()
    {
        QTest::addColumn<QByteArray>("document");
        QByteArray many;
        for (int i = 0; i < 600; ++i) // more than one batch of expat's tokens
            many += "<v n='" + QByteArray::number(i) + "'>t" + QByteArray::number(i) + "</v>\n";
        QTest::newRow("comment late") << "<a>" + many + "<!-- c --><b/></a>";
        QTest::newRow("comment inside a text") << "<a>" + many + "<b>abc<!-- c -->def</b></a>";
        QTest::newRow("reference inside a text") << "<a>" + many + "<b>abc&#x1;def</b></a>";
        QTest::newRow("cdata after a text") << "<a>" + many + "<b>abc<![CDATA[<d>]]>ef</b></a>";
        QTest::newRow("processing instruction after the root") << "<a>" + many + "</a><?pi x?>";
        QTest::newRow("undeclared entity late") << "<a>" + many + "<b>&foo;</b></a>";
        QTest::newRow("mismatched tag late") << "<a>" + many + "<b></c></a>";
        QTest::newRow("truncated late") << "<a>" + many + "<b>abc";
        QTest::newRow("65 levels late") << "<a>" + many + QByteArray("<d>").repeated(64) + "</a>";
    }
    void lateRefusalsContinueWithExpatWhereTheReadersAre()
    {
        // The subset tokenizer hands out hundreds of tokens before it refuses: the cursor's
        // stream (merged texts) and error must still be expat's alone.
        QFETCH(QByteArray, document);
        QVERIFY(!XmlSubsetTokenizer::accepts(document));
        QByteArray why;
        QVERIFY2(agrees(document, &why), why.constData());
        bool usedSubset = true;
        read(document, XmlCursor::Parser::Automatic, &usedSubset);
        QVERIFY(!usedSubset);
    }

    void aTextBegunBeforeTheRefusalIsReadWhole()
    {
        const QByteArray document = "<a><b>abc<!-- c -->d&amp;e</b><c>x</c></a>";
        XmlCursor cursor(document);
        QVERIFY(cursor.nextChildElement()); // a
        QVERIFY(cursor.nextChildElement()); // b
        QVERIFY(cursor.usesSubsetTokenizer());
        QCOMPARE(cursor.readText(), u"abcd&e"_s);
        QVERIFY(!cursor.usesSubsetTokenizer());
        QVERIFY(cursor.nextChildElement());
        QVERIFY(cursor.isElement(QLatin1StringView(), "c"_L1));
        QCOMPARE(cursor.readText(), u"x"_s);
        QVERIFY(!cursor.nextChildElement());
    }

    void readerErrorsBeforeALateRefusalNameExpatsPosition_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<bool>("xmlError");
        QByteArray many;
        for (int i = 0; i < 600; ++i)
            many += "<v>t</v>\n";
        // Well-formed: the reader's error, at expat's position (where expat alone has paused).
        QTest::newRow("comment far on") << "<a>\n <b/>\n" + many + "<!-- c --></a>" << false;
        // Not well-formed near the error: expat alone meets its own error first.
        QTest::newRow("entity near") << QByteArray("<a>\n <b/>\n<c>&foo;</c></a>") << true;
    }
    void readerErrorsBeforeALateRefusalNameExpatsPosition()
    {
        QFETCH(QByteArray, document);
        QFETCH(bool, xmlError);
        const auto errorAtB = [&](XmlCursor::Parser parser) {
            try {
                XmlCursor cursor(document, parser);
                cursor.nextChildElement(); // a
                cursor.nextChildElement(); // b
                return cursor.error(u"unexpected"_s).message();
            } catch (const Error &error) {
                return error.message();
            }
        };
        const QString expected = errorAtB(XmlCursor::Parser::Expat);
        QCOMPARE(expected.startsWith(u"unexpected"_s), !xmlError);
        QCOMPARE(errorAtB(XmlCursor::Parser::Automatic), expected);
    }

    void randomMutationsNeverMakeTheParsersDisagree()
    {
        // Every mutant must read alike through the automatic cursor and expat alone, errors
        // included, whether the subset tokenizer accepts it, refuses it at once or late.
        // Seeded, so that a failure can be replayed.
        const quint32 seed = qEnvironmentVariableIsSet("MS_MUTATION_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("MS_MUTATION_SEED"))
                                 : 20261123u;
        QRandomGenerator random(seed);
        const QByteArray alphabet("<>/=&;#x\"' \r\n\t:ab]![?-\x01\x7f\xc3\xa6\xed\xef\xbf\xbe");
        int accepted = 0;
        const int mutants = 20000;
        // Every other mutant is a long body (about 700 tokens, several of expat's batches), so
        // that refusals also come late, after the cursor has handed out many tokens.
        const qsizetype rowsAt = kEnvelope.indexOf("<Row>");
        const qsizetype rowsEnd = kEnvelope.indexOf("</Rows>");
        const QByteArray longEnvelope = kEnvelope.first(rowsAt) +
                                        kEnvelope.sliced(rowsAt, rowsEnd - rowsAt).repeated(12) +
                                        kEnvelope.sliced(rowsEnd);
        for (int i = 0; i < mutants; ++i) {
            QByteArray doc = i % 2 ? longEnvelope : kEnvelope;
            const int edits = 1 + int(random.bounded(3));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = random.bounded(int(doc.size()));
                switch (random.bounded(3)) {
                case 0:
                    doc[at] = alphabet[random.bounded(int(alphabet.size()))];
                    break;
                case 1:
                    doc.remove(at, 1 + random.bounded(4));
                    break;
                default:
                    doc.insert(at, alphabet[random.bounded(int(alphabet.size()))]);
                }
            }
            QByteArray why;
            if (!agrees(doc, &why))
                QFAIL(qPrintable(u"seed %1, mutant %2: %3\n%4"_s.arg(seed).arg(i).arg(
                    QString::fromUtf8(why),
                    QString::fromUtf8(doc.toPercentEncoding(" <>/=\"':")))));
            accepted += XmlSubsetTokenizer::accepts(doc) ? 1 : 0;
        }
        qInfo("%d of %d mutants were plain enough for the subset tokenizer; all were compared",
              accepted, mutants);
        QVERIFY(accepted > mutants / 20); // the comparison must actually have run
    }
};

} // namespace ms

QTEST_GUILESS_MAIN(ms::TestXmlSubsetTokenizer)
#include "tst_xmlsubsettokenizer.moc"
