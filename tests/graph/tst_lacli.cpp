// SPDX-License-Identifier: MIT
// Issue 15: `calens la` and `calens adx` against the emulated Log Analytics and Data Explorer query endpoints. The
// emulator serves answers this test computed from the synthetic tenant (it never runs KQL), with the service's
// limits: results over the record limit come back as a 200 with PartialError and must be split, `Prefer: wait`
// timeouts (504), 429 with Retry-After, a PartialError of another kind (an error, never data), a token for the wrong
// audience. The command's answers must equal what CA Lens assembles in-process from the same answers, which
// tst_laequivalence shows equal to the summaries of the files.
#include "emulatorprocess.h"
#include "lalocal.h"
#include "support/loader.h"
#include "support/testpaths.h"

#include "export/outputfile.h"
#include "ingest/timestamp.h"
#include "la/detailfile.h"
#include "la/lapipeline.h"
#include "synth/synthesize.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace calens;
using namespace calens::la;
using namespace calens::test;

namespace {

constexpr int64_t kStart = 1790812800000; // 2026-10-01T00:00:00Z
constexpr int64_t kDay = 86400000;
constexpr const char* kWorkspace = "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c";
constexpr int kRowLimit = 60; // small enough that the situation and policy queries must be split

struct Run
{
    int code = -1;
    QString out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run runCli(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CALENS_TEST_CLIENT_SECRET"), QString::fromLatin1(kEmulatorSecret));
    p.setProcessEnvironment(env);
    p.start(calensBinary(), args);
    Run r;
    if (!p.waitForFinished(kHangGuardMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString iso(int64_t ms)
{
    return QString::fromStdString(formatIso(ms));
}

QJsonObject stats(EmulatorProcess& emu)
{
    return QJsonDocument::fromJson(emu.stats()).object()[QStringLiteral("queries")].toObject();
}

} // namespace

class TestLaCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Loaded m_workspace;
    TimeWindow m_window { kStart, kStart + 14 * kDay };
    std::vector<RemoteIncident> m_incidents; // as CA Lens assembles them in-process
    std::set<std::string> m_fetchIds; // the rows an in-process fetch of incident 1 returns

    QString answers() const { return m_dir.filePath(QStringLiteral("answers")); }

    QStringList emulatorArgs(QStringList more = {}) const
    {
        return QStringList { QStringLiteral("--la-answers"), answers(), QStringLiteral("--la-row-limit"),
            QString::number(kRowLimit) }
        + more;
    }

    QStringList laArgs(const EmulatorProcess& emu, const QString& verb, QStringList more = {}) const
    {
        return QStringList { QStringLiteral("la"), QStringLiteral("--workspace"), QString::fromLatin1(kWorkspace),
            QStringLiteral("--tenant"), QStringLiteral("contoso.com"), QStringLiteral("--client-id"),
            QStringLiteral("app"), QStringLiteral("--client-secret-env"), QStringLiteral("CALENS_TEST_CLIENT_SECRET"),
            QStringLiteral("--api-url"), emu.url(), QStringLiteral("--authority-url"), emu.url(),
            QStringLiteral("--since"), iso(m_window.fromMs), QStringLiteral("--until"), iso(m_window.toMs), verb }
        + more;
    }

private slots:
    void initTestCase();
    void summaryHasAnalyzesKeysAndCounts();
    void incidentsAsAssembledInProcess();
    void fetchWritesAFileTheOtherCommandsRead();
    void dataExplorerGivesTheSameAnswers();
    void faults_data();
    void faults();
    void deviceCodeSignsInForTheWorkspace();
    void usage_data();
    void usage();
};

void TestLaCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(answers()));
    Dataset tenant;
    SynthOptions o;
    o.signIns = 3000;
    synthesize(o, tenant);
    const QString path = m_dir.filePath(QStringLiteral("workspace.json"));
    QString error;
    QVERIFY(exporter::writeFileAtomically(path, workspaceExport(tenant), &error));
    m_workspace = load(path);
    const Dataset& w = *m_workspace.dataset;
    // Every query the command can ask: the pipelines run on local answers name them; their parts down to 5 cuts too
    // (the limits below need 3 at most).
    std::vector<LaQuery> roots;
    LaPipeline summary(LaPipeline::Verb::Summary, m_window), incidents(LaPipeline::Verb::Incidents, m_window),
        fetch(LaPipeline::Verb::Fetch, m_window, 1);
    for (LaPipeline* p : { &summary, &incidents, &fetch })
        for (const LaQuery& q : runLocally(w, *p)) roots.push_back(q);
    m_incidents = incidents.incidents();
    QVERIFY(m_incidents.size() > 10);
    QVERIFY(writeAnswers(w, roots, answers(), 5) > 100);
    DetailFile file;
    const QString fetched = m_dir.filePath(QStringLiteral("inprocess.json"));
    QVERIFY(file.open(fetched, &error));
    LaPipeline again(LaPipeline::Verb::Fetch, m_window, 1);
    again.setRowSink([&file](const std::vector<std::string_view>& cells) { file.row(cells); });
    runLocally(w, again);
    QVERIFY(file.commit(&error));
    const Loaded rows = load(fetched);
    for (uint32_t r = 0; r < rows.dataset->signInCount(); ++r)
        m_fetchIds.insert(std::string(rows.signIn(r).str(SF::Id)));
    QVERIFY(m_fetchIds.size() > 1);
}

void TestLaCli::summaryHasAnalyzesKeysAndCounts()
{
    // A record limit of 50 for this run (above the policy results and the 25 of a ranked list): the timeline is cut.
    QStringList args = emulatorArgs({ QStringLiteral("--la-latency"), QStringLiteral("300") });
    args[args.indexOf(QString::number(kRowLimit))] = QStringLiteral("50");
    EmulatorProcess emu(args);
    QVERIFY(emu.start());
    const Run r = runCli(laArgs(emu, QStringLiteral("summary"), { QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject got = r.json();
    const Run a = runCli(
        { QStringLiteral("analyze"), m_dir.filePath(QStringLiteral("workspace.json")), QStringLiteral("--json") });
    QCOMPARE(a.code, 0);
    const QJsonObject want = a.json();
    // analyze's keys, with the same values as analyze of the workspace's sign-ins as files.
    for (const QString& key : want.keys()) {
        QVERIFY2(got.contains(key), qPrintable(key));
        if (key == QLatin1String("inputs") || key == QLatin1String("policies")) continue;
        QVERIFY2(got[key] == want[key],
            qPrintable(
                key + QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(QJsonObject { { key, got[key] } }).toJson())));
    }
    std::map<QString, QJsonValue> policies;
    for (const QJsonValue p : want[QStringLiteral("policies")].toArray())
        policies[p[QStringLiteral("id")].toString()] = p;
    QCOMPARE(got[QStringLiteral("policies")].toArray().size(), qsizetype(policies.size()));
    for (const QJsonValue p : got[QStringLiteral("policies")].toArray())
        QCOMPARE(p, policies[p[QStringLiteral("id")].toString()]);
    QCOMPARE(got[QStringLiteral("inputs")][0][QStringLiteral("records")], want[QStringLiteral("signIns")]);
    QVERIFY(got[QStringLiteral("blockedByApp")].toArray().size() > 3);
    QVERIFY(got[QStringLiteral("timeline")][QStringLiteral("bins")].toArray().size() > 10);
    // The record limit made some queries split, and the output says which.
    const QJsonArray splits = got[QStringLiteral("splits")].toArray();
    QVERIFY(!splits.isEmpty());
    QVERIFY(splits[0][QStringLiteral("reason")].toString().contains(QLatin1String("record count limit 50")));
    const QJsonObject s = stats(emu);
    QVERIFY(s[QStringLiteral("truncated")].toInt() > 0);
    QCOMPARE(s[QStringLiteral("unanswered")].toInt(), 0);
    // Five at a time, never more: the summary starts five queries at once, splits queue behind them.
    QCOMPARE(s[QStringLiteral("maxConcurrent")].toInt(), 5);
    QVERIFY(got[QStringLiteral("queries")][QStringLiteral("maxInFlight")].toInt() <= 5);
    for (const QJsonValue w : s[QStringLiteral("preferWait")].toArray()) QCOMPARE(w.toInt(), 300);
    for (const QJsonValue a2 : s[QStringLiteral("audiences")].toArray())
        QCOMPARE(a2.toString(), QStringLiteral("https://api.loganalytics.io"));
}

void TestLaCli::incidentsAsAssembledInProcess()
{
    EmulatorProcess emu(emulatorArgs());
    QVERIFY(emu.start());
    const Run r = runCli(laArgs(emu, QStringLiteral("incidents"), { QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray list = r.json()[QStringLiteral("incidents")].toArray();
    QCOMPARE(list.size(), qsizetype(m_incidents.size()));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject j = list[i].toObject();
        const RemoteIncident& want = m_incidents[size_t(i)];
        QCOMPARE(j[QStringLiteral("number")].toInt(), int(i + 1));
        QCOMPARE(j[QStringLiteral("count")].toInteger(), qint64(want.count));
        QCOMPARE(j[QStringLiteral("firstSeen")].toString(), iso(want.firstMs));
        QCOMPARE(j[QStringLiteral("lastSeen")].toString(), iso(want.lastMs));
        QCOMPARE(j[QStringLiteral("cause")].toString(), QString::fromStdString(want.cause));
        QCOMPARE(j[QStringLiteral("policy")][QStringLiteral("id")].toString(), want.policyId);
        QCOMPARE(j[QStringLiteral("principal")][QStringLiteral("id")].toString(), want.principalId);
        QCOMPARE(j[QStringLiteral("sampleCorrelationId")].toString(), want.sampleCorrelationId);
        QCOMPARE(j[QStringLiteral("lastSuccess")].isNull(), want.lastSuccessMs == INT64_MIN);
    }
    QVERIFY(!r.json()[QStringLiteral("splits")].toArray().isEmpty());
    // Human output: one line per incident, numbered for fetch.
    const Run human = runCli(laArgs(emu, QStringLiteral("incidents")));
    QCOMPARE(human.code, 0);
    QVERIFY(human.out.contains(QLatin1String("1. ")));
    QVERIFY(human.out.contains(QLatin1String("fetch --incident N")));
}

void TestLaCli::fetchWritesAFileTheOtherCommandsRead()
{
    EmulatorProcess emu(emulatorArgs());
    QVERIFY(emu.start());
    const QString out = m_dir.filePath(QStringLiteral("incident1.json"));
    const Run r = runCli(laArgs(emu, QStringLiteral("fetch"),
        { QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("-o"), out, QStringLiteral("--json") }));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.json()[QStringLiteral("signIns")].toInteger(), qint64(m_fetchIds.size()));
    const Loaded fetched = load(out);
    std::set<std::string> ids;
    for (uint32_t i = 0; i < fetched.dataset->signInCount(); ++i)
        ids.insert(std::string(fetched.signIn(i).str(SF::Id)));
    QCOMPARE(ids, m_fetchIds);
    const Run d = runCli({ QStringLiteral("diagnose"), out, QStringLiteral("--correlation-id"),
        m_incidents.front().sampleCorrelationId, QStringLiteral("--json") });
    QVERIFY2(d.code == 0, qPrintable(d.err));
    QCOMPARE(d.json()[QStringLiteral("cause")].toString(), QString::fromStdString(m_incidents.front().cause));
    // No such incident: the request cannot be answered (exit 1), and nothing is written.
    const QString none = m_dir.filePath(QStringLiteral("none.json"));
    const Run missing = runCli(laArgs(emu, QStringLiteral("fetch"),
        { QStringLiteral("--incident"), QStringLiteral("9999"), QStringLiteral("-o"), none }));
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(QLatin1String("no incident 9999")));
    QVERIFY(!QFile::exists(none));
}

void TestLaCli::dataExplorerGivesTheSameAnswers()
{
    EmulatorProcess emu(emulatorArgs());
    QVERIFY(emu.start());
    const Run la = runCli(laArgs(emu, QStringLiteral("summary"), { QStringLiteral("--json") }));
    QVERIFY2(la.code == 0, qPrintable(la.err));
    QStringList adxArgs = laArgs(emu, QStringLiteral("incidents"), { QStringLiteral("--json") });
    adxArgs[0] = QStringLiteral("adx");
    adxArgs.replace(adxArgs.indexOf(QStringLiteral("--workspace")), QStringLiteral("--database"));
    adxArgs.replace(adxArgs.indexOf(QString::fromLatin1(kWorkspace)), QStringLiteral("SecurityLogs"));
    adxArgs.replace(adxArgs.indexOf(QStringLiteral("--api-url")), QStringLiteral("--cluster"));
    const Run inc = runCli(adxArgs);
    QVERIFY2(inc.code == 0, qPrintable(inc.err));
    QCOMPARE(inc.json()[QStringLiteral("incidents")].toArray().size(), qsizetype(m_incidents.size()));
    adxArgs.replace(adxArgs.indexOf(QStringLiteral("incidents")), QStringLiteral("summary"));
    const Run sum = runCli(adxArgs);
    QVERIFY2(sum.code == 0, qPrintable(sum.err));
    for (const char* key :
        { "signIns", "errorCodes", "blockedByConditionalAccess", "policies", "unmetControls", "timeline" })
        QCOMPARE(sum.json()[QLatin1String(key)], la.json()[QLatin1String(key)]);
    QCOMPARE(
        sum.json()[QStringLiteral("source")][QStringLiteral("service")].toString(), QStringLiteral("dataExplorer"));
    const QJsonObject s = stats(emu);
    QVERIFY(s[QStringLiteral("truncated")].toInt() > 0); // Data Explorer's frames said so too, and were split
    QVERIFY(s[QStringLiteral("audiences")].toArray().contains(emu.url()));
}

void TestLaCli::faults_data()
{
    QTest::addColumn<QStringList>("emulator");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::newRow("PartialError is an error, not data")
        << QStringList { QStringLiteral("--query-fault"), QStringLiteral("partial:after=2:count=1") } << QStringList {}
        << 3 << QStringLiteral("E_RUNAWAY_QUERY");
    QTest::newRow("429 waits for Retry-After")
        << QStringList { QStringLiteral("--query-fault"), QStringLiteral("throttle:every=2:count=4") } << QStringList {}
        << 0 << QStringLiteral("HTTP 429");
    QTest::newRow("504 past Prefer: wait splits the query")
        << QStringList { QStringLiteral("--query-fault"), QStringLiteral("slow:ms=2500:count=1") }
        << QStringList { QStringLiteral("--server-timeout"), QStringLiteral("1") } << 0 << QStringLiteral("HTTP 504");
    QTest::newRow("a dropped connection is asked again")
        << QStringList { QStringLiteral("--query-fault"), QStringLiteral("drop:count=2") } << QStringList {} << 0
        << QStringLiteral("asking again");
    QTest::newRow("a token for another audience is refused")
        << QStringList {} << QStringList { QStringLiteral("--cloud"), QStringLiteral("usgov") } << 3
        << QStringLiteral("InvalidAuthenticationTokenAudience");
    QTest::newRow("a query the service rejects")
        << QStringList {} << QStringList { QStringLiteral("--until"), QStringLiteral("2026-10-14T00:00:00Z") } << 3
        << QStringLiteral("BadArgumentError");
}

void TestLaCli::faults()
{
    QFETCH(QStringList, emulator);
    QFETCH(QStringList, extra);
    QFETCH(int, code);
    QFETCH(QString, says);
    EmulatorProcess emu(emulatorArgs(emulator));
    QVERIFY(emu.start());
    QStringList args = laArgs(emu, QStringLiteral("summary"), { QStringLiteral("--json") });
    for (int i = 0; i + 1 < extra.size(); i += 2) {
        const int at = int(args.indexOf(extra[i]));
        if (at >= 0) {
            args[at + 1] = extra[i + 1];
        } else {
            args.insert(1, extra[i + 1]);
            args.insert(1, extra[i]);
        }
    }
    const Run r = runCli(args);
    QVERIFY2(r.code == code, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    if (code != 0) {
        QVERIFY(r.out.isEmpty()); // nothing that looks like an answer
        return;
    }
    EmulatorProcess clean(emulatorArgs());
    QVERIFY(clean.start());
    const Run reference = runCli(laArgs(clean, QStringLiteral("summary"), { QStringLiteral("--json") }));
    for (const char* key : { "signIns", "errorCodes", "policies", "unmetControls", "timeline", "blockedByIdentity" })
        QCOMPARE(r.json()[QLatin1String(key)], reference.json()[QLatin1String(key)]);
}

void TestLaCli::deviceCodeSignsInForTheWorkspace()
{
    EmulatorProcess emu(emulatorArgs());
    QVERIFY(emu.start());
    QStringList args = laArgs(emu, QStringLiteral("summary"), { QStringLiteral("--json") });
    const int at = int(args.indexOf(QStringLiteral("--client-secret-env")));
    args.removeAt(at + 1);
    args[at] = QStringLiteral("--device-code");
    const Run r = runCli(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("enter the code")));
    for (const QJsonValue a : stats(emu)[QStringLiteral("audiences")].toArray())
        QCOMPARE(a.toString(), QStringLiteral("https://api.loganalytics.io"));
}

void TestLaCli::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    const QStringList base { QStringLiteral("la"), QStringLiteral("--tenant"), QStringLiteral("t"),
        QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("--device-code") };
    QTest::newRow("no workspace") << base + QStringList { QStringLiteral("summary") } << QStringLiteral("--workspace");
    QTest::newRow("not a GUID") << base
            + QStringList { QStringLiteral("--workspace"), QStringLiteral("x'y"), QStringLiteral("summary") }
                                << QStringLiteral("GUID");
    QTest::newRow("no verb") << base + QStringList { QStringLiteral("--workspace"), QString::fromLatin1(kWorkspace) }
                             << QStringLiteral("summary, incidents, fetch");
    QTest::newRow("fetch without -o") << base
            + QStringList { QStringLiteral("--workspace"), QString::fromLatin1(kWorkspace), QStringLiteral("fetch"),
                  QStringLiteral("--incident"), QStringLiteral("1") }
                                      << QStringLiteral("-o OUT.json");
    QTest::newRow("plain http away from loopback") << base
            + QStringList { QStringLiteral("--workspace"), QString::fromLatin1(kWorkspace), QStringLiteral("--api-url"),
                  QStringLiteral("http://example.com"), QStringLiteral("summary") }
                                                   << QStringLiteral("--api-url");
    QTest::newRow("adx without database") << QStringList { QStringLiteral("adx"), QStringLiteral("--cluster"),
        QStringLiteral("https://c.kusto.windows.net"), QStringLiteral("summary") }
                                          << QStringLiteral("--database");
}

void TestLaCli::usage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = runCli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestLaCli)
#include "tst_lacli.moc"
