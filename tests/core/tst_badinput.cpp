// SPDX-License-Identifier: MIT
// Broken and hostile inputs: a clear message naming the file and the reason, readable records kept
// and counted, and never a crash or a hang.
#include "ingest/timestamp.h"
#include "support/loader.h"
#include "support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace calens;
using namespace calens::test;

class TestBadInput : public QObject
{
    Q_OBJECT
private slots:
    void corpus_data();
    void corpus();
    void unknownEnumsAreKept();
    void powershellDepthTruncation();
    void deepNesting();
    void hugeString();
    void legacyEncoding();
    void errorCodeForms();
    void duplicatesAcrossFiles();
    void symlinkLoop();
    void missingFile();
    void fuzzFindings();
};

void TestBadInput::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QString>("message"); // expected in the error (when records == -1) or in a warning

    auto row = [](const char* file, const char* format, int records, int skipped, bool truncated, const char* msg) {
        QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(format) << records << skipped
                            << truncated << QString::fromLatin1(msg);
    };
    row("empty.json", "unknown", -1, 0, false, "the file is empty");
    row("blank.json", "unknown", -1, 0, false, "the file is empty");
    row("binary.dat", "unknown", -1, 0, false, "binary data");
    row("not-sign-ins.json", "unknown", -1, 0, false, "not a sign-in export");
    row("array-of-numbers.json", "portal-json", -1, 3, false, "no record could be read");
    row("truncated.json", "graph-json", 2, 0, true, "ends in the middle of a record");
    row("bad-record.json", "graph-json", 2, 1, false, "record at byte 652 skipped");
    row("bad-line.jsonl", "diag-jsonl", 2, 1, false, "line 2 skipped");
    row("garbage-after.json", "graph-json", 2, 0, false, "unexpected 'x' at byte 1014");
    row("InteractiveSignIns_wrong-width.csv", "portal-csv", 2, 1, false,
        "line 3 skipped: 4 fields where the header has 9");
    row("unclosed-quote.csv", "la-csv", 1, 0, true, "quoted field starting at line 3 is never closed");
    row("truncated.json.gz", "graph-json", 63, 0, true, "ends in the middle of a record");
    row("corrupt.json.gz", "graph-json", 63, 0, false, "corrupt gzip data near compressed byte");
    row("utf16.json", "graph-json", 1, 0, false, "");
}

void TestBadInput::corpus()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, records);
    QFETCH(int, skipped);
    QFETCH(bool, truncated);
    QFETCH(QString, message);
    const Loaded l = load(testData(QStringLiteral("broken/") + file));
    QCOMPARE(l.reports.size(), size_t(1));
    const InputReport& r = l.reports[0];
    QCOMPARE(q(formatName(r.format)), format);
    QCOMPARE(int(r.skipped), skipped);
    QCOMPARE(r.truncated, truncated);
    QVERIFY(r.path.endsWith(file));
    if (records < 0) {
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
        QCOMPARE(l.dataset->signInCount(), size_t(0));
        return;
    }
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(int(r.records), records);
    QCOMPARE(int(l.dataset->signInCount()), records);
    const QString all = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(message), qPrintable(all));
    if (!message.isEmpty()) QVERIFY2(all.contains(file), "warnings name the file");
}

void TestBadInput::unknownEnumsAreKept()
{
    const Loaded l = load(testData(QStringLiteral("broken/future-enums.json")));
    const SignInRef s = l.signIn(0);
    QCOMPARE(s.caStatus(), CaStatus::Unknown);
    QCOMPARE(s.evals().size(), size_t(1));
    const PolicyEval& e = s.evals()[0];
    QCOMPARE(e.result, PolicyResult::Unknown);
    QCOMPARE(q(s.resultText(e)), QStringLiteral("someFutureResult")); // the original text survives
    QCOMPARE(e.conditionsSatisfied, 3u); // application,users; the unknown name is ignored
}

void TestBadInput::powershellDepthTruncation()
{
    const Loaded l = load(testData(QStringLiteral("broken/powershell-depth2.json")));
    const InputReport& r = l.reports[0];
    QCOMPARE(r.format, Format::PowershellJson);
    QCOMPARE(int(r.records), 2);
    const SignInRef a = l.byId("ps-1");
    QCOMPARE(a.errorCode(), 53003); // from "@{ErrorCode=53003; ...}"
    QCOMPARE(q(a.str(SF::FailureReason)), QStringLiteral("Access has been blocked by Conditional Access policies."));
    QCOMPARE(a.policyDetail(), Tristate::Unset); // a type name is not an empty list
    QCOMPARE(a.caStatus(), CaStatus::Failure);
    const SignInRef b = l.byId("ps-2");
    QCOMPARE(q(formatIso(b.createdMs())), QStringLiteral("2026-10-01T08:00:00Z")); // "/Date(ms)/"
    const QString all = r.warnings.join(QLatin1Char('\n'));
    QVERIFY2(
        all.contains(QLatin1String("-Depth 10")) && all.contains(QLatin1String("AppliedConditionalAccessPolicies")),
        qPrintable(all));
}

static QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

static QByteArray signIn(int i, const QByteArray& extra = {})
{
    return QByteArrayLiteral("{\"id\":\"id-") + QByteArray::number(i)
        + QByteArrayLiteral("\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"status\":{\"errorCode\":53003}") + extra
        + QByteArrayLiteral("}");
}

void TestBadInput::deepNesting()
{
    QTemporaryDir dir;
    const int depth = 100000;
    const QByteArray nested = QByteArray(depth, '[') + QByteArray(depth, ']');
    // Deep nesting under a key CA Lens does not read, and under ones it does: the sign-ins stay readable.
    const QByteArray page = QByteArrayLiteral("{\"@odata.context\":\"x#auditLogs/signIns\",\"value\":[") + signIn(1)
        + "," + signIn(2, ",\"deep\":" + nested) + "," + signIn(3, ",\"deviceDetail\":" + nested) + ","
        + signIn(4, ",\"appliedConditionalAccessPolicies\":" + nested) + "]}";
    const Loaded l = load(writeFile(dir, QStringLiteral("deep.json"), page));
    QCOMPARE(int(l.reports[0].records + l.reports[0].skipped), 4);
    QVERIFY(l.reports[0].records >= 2);
    QCOMPARE(l.byId("id-1").errorCode(), 53003);
}

void TestBadInput::hugeString()
{
    QTemporaryDir dir;
    const QByteArray big(40 << 20, 'a'); // 40 MiB in one value: larger than the read buffer
    const QByteArray page
        = QByteArrayLiteral("[") + signIn(1, ",\"userAgent\":\"" + big + "\"") + "," + signIn(2) + "]";
    const Loaded l = load(writeFile(dir, QStringLiteral("huge.json"), page));
    QCOMPARE(int(l.reports[0].records), 2);
    QCOMPARE(l.byId("id-1").str(SF::UserAgent).size(), size_t(40 << 20));
}

void TestBadInput::legacyEncoding()
{
    // Windows-1252 bytes: é (0xE9), ü (0xFC) and the euro sign (0x80, where Latin-1 has a control).
    QTemporaryDir dir;
    const QByteArray json = "["
        + signIn(1,
            ",\"userDisplayName\":\"Ren\xe9"
            "e \x80\"")
        + "," + signIn(2) + "]";
    const Loaded j = load(writeFile(dir, QStringLiteral("ansi.json"), json));
    QCOMPARE(int(j.reports[0].records), 2);
    QCOMPARE(q(j.byId("id-1").str(SF::UserDisplayName)), QStringLiteral("Ren\u00e9e \u20ac"));
    QVERIFY(j.reports[0].warnings.join(QLatin1Char('\n')).contains(QLatin1String("1 record(s) were not UTF-8")));

    const QByteArray csv = "\"Date (UTC)\",\"Request ID\",\"User\",\"Status\",\"Sign-in error code\"\n"
                           "\"2026-10-01T08:00:01Z\",\"r1\",\"J\xfcrgen\",\"Failure\",\"53003\"\n"
                           "\"2026-10-01T08:00:02Z\",\"r2\",\"J\xc3\xbcrgen\",\"Failure\",\"53003\"\n";
    const Loaded c = load(writeFile(dir, QStringLiteral("InteractiveSignIns_ansi.csv"), csv));
    QCOMPARE(int(c.reports[0].records), 2);
    QCOMPARE(q(c.byId("r1").str(SF::UserDisplayName)), QStringLiteral("J\u00fcrgen"));
    QCOMPARE(q(c.byId("r2").str(SF::UserDisplayName)), QStringLiteral("J\u00fcrgen")); // UTF-8 rows untouched
    QVERIFY(c.reports[0].warnings.join(QLatin1Char('\n')).contains(QLatin1String("1 row(s) were not UTF-8")));
}

void TestBadInput::errorCodeForms()
{
    QTemporaryDir dir;
    auto withCode = [](int i, const QByteArray& code) -> QByteArray {
        return "{\"id\":\"id-" + QByteArray::number(i)
            + "\",\"createdDateTime\":\"2026-10-01T00:00:00Z\",\"status\":{\"errorCode\":" + code + "}}";
    };
    const QByteArray page = "[" + withCode(1, "53003.0") + "," + withCode(2, "\" 53003 \"") + "," + withCode(3, "null")
        + "," + withCode(4, "\"\"") + "," + withCode(5, "true") + "," + withCode(6, "-2147483649") + ","
        + withCode(7, "{\"a\":1}") + "]";
    const Loaded l = load(writeFile(dir, QStringLiteral("codes.json"), page));
    QCOMPARE(int(l.reports[0].records), 7);
    QCOMPARE(l.byId("id-1").errorCode(), 53003);
    QCOMPARE(l.byId("id-2").errorCode(), 53003);
    for (const char* id : { "id-3", "id-4", "id-5", "id-6", "id-7" }) QVERIFY2(!l.byId(id).hasErrorCode(), id);
    // null and "" are "not given"; true, the out-of-range number and the object are reported.
    const QString warnings = l.reports[0].warnings.join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QLatin1String("3 sign-in(s) have an error code that is not a whole number in range "
                                             "(the first: \"true\")")),
        qPrintable(warnings));
}

void TestBadInput::duplicatesAcrossFiles()
{
    QTemporaryDir dir;
    const QString a = writeFile(dir, QStringLiteral("a.json"), "[" + signIn(1) + "," + signIn(2) + "]");
    const QString b = writeFile(dir, QStringLiteral("b.json"), "[" + signIn(2) + "," + signIn(3) + "]");
    const Loaded l = load(QStringList { a, b });
    QCOMPARE(l.dataset->signInCount(), size_t(3));
    QCOMPARE(l.duplicates, uint64_t(1));
    QCOMPARE(int(l.reports[1].duplicates), 1);
}

void TestBadInput::symlinkLoop()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    writeFile(dir, QStringLiteral("sub/one.json"), "[" + signIn(1) + "]");
    QVERIFY(QFile::link(dir.path(), dir.filePath(QStringLiteral("sub/loop"))));
    const Loaded l = load(dir.path()); // must end
    QCOMPARE(l.dataset->signInCount(), size_t(1));
}

void TestBadInput::missingFile()
{
    const Loaded l = load(testData(QStringLiteral("broken/does-not-exist.json")));
    QCOMPARE(l.reports.size(), size_t(1));
    QVERIFY2(l.reports[0].error.contains(QLatin1String("No such file")), qPrintable(l.reports[0].error));
}

void TestBadInput::fuzzFindings()
{
    // Inputs the fuzzers once crashed on (tests/data/fuzz): each must now read without a crash, and say
    // what it could not read.
    const QDir dir(testData(QStringLiteral("fuzz")));
    const QStringList files = dir.entryList(QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString& name : files) {
        const Loaded l = load(dir.filePath(name));
        QCOMPARE(l.reports.size(), size_t(1));
        QVERIFY2(!l.reports[0].error.isEmpty() || l.reports[0].records > 0 || !l.reports[0].warnings.isEmpty(),
            qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
