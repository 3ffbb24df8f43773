// SPDX-License-Identifier: MIT
// Issue 14 items 5, 6, 9, 10, 11 against the Graph emulator's fault modes: no redirect is followed with
// credentials, next-link cycles end, a trickling response meets a deadline, oversized responses are refused,
// a token with CR/LF is never used, the process is not dumpable while it holds secrets, and an interrupted
// `calens fetch` saves what it had as a partial file and says so.
#include "emulatorprocess.h"
#include "graph/fetchjob.h"
#include "graph/nondumpable.h"
#include "graph/tokenprovider.h"
#include "ingest/timestamp.h"
#include "model/dataset.h"
#include "support/testpaths.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace calens;
using namespace calens::graph;
using calens::test::EmulatorProcess;

Q_DECLARE_METATYPE(calens::graph::GraphError)

namespace {

Credentials secretCredentials()
{
    Credentials c;
    c.method = Credentials::Method::ClientSecret;
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    c.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    c.clientSecret = QString::fromLatin1(test::kEmulatorSecret);
    return c;
}

RetryPolicy quick()
{
    RetryPolicy r;
    r.baseDelayMs = 20;
    r.maxRetries = 3;
    r.transferTimeoutMs = 10000;
    return r;
}

FetchOptions window()
{
    FetchOptions o;
    o.sinceMs = parseTimestamp("2026-10-03T00:00:00Z");
    o.untilMs = parseTimestamp("2026-10-05T00:00:00Z");
    o.slices = 1;
    o.concurrency = 1;
    o.pageSize = 50;
    o.directoryData = false;
    return o;
}

struct Outcome
{
    bool finished = false, ok = false;
    GraphError error;
    size_t signIns = 0;
    int retries = 0;
};

Outcome fetch(EmulatorProcess& emu, const RetryPolicy& retry, FetchOptions options = window())
{
    Endpoints e;
    e.authority = QUrl(emu.url());
    e.graph = QUrl(emu.url());
    FetchJob job(e, secretCredentials(), options);
    job.setRetryPolicy(retry);
    QSignalSpy done(&job, &FetchJob::finished);
    job.start();
    Outcome out;
    out.finished = done.wait(test::kHangGuardMs);
    if (!out.finished) return out;
    out.ok = done.first().first().toBool();
    out.error = job.error();
    out.signIns = job.dataset().signInCount();
    out.retries = job.progress().retries;
    return out;
}

// Token acquisition alone; the error, if any.
std::optional<GraphError> token(EmulatorProcess& emu, int deadlineMs = 60000, bool* hasToken = nullptr)
{
    QNetworkAccessManager nam;
    TokenProvider tokens(&nam, Endpoints { QUrl(emu.url()), QUrl(emu.url()) }, secretCredentials());
    tokens.setLimits(deadlineMs, qint64(64) << 10);
    QSignalSpy ready(&tokens, &TokenProvider::tokenReady);
    QSignalSpy failed(&tokens, &TokenProvider::failed);
    tokens.acquire();
    QDeadlineTimer deadline(test::kHangGuardMs);
    while (ready.isEmpty() && failed.isEmpty() && !deadline.hasExpired()) QTest::qWait(20);
    if (hasToken) *hasToken = tokens.hasToken();
    if (failed.isEmpty()) return std::nullopt;
    return failed.first().first().value<GraphError>();
}

QJsonArray captured(EmulatorProcess& emu)
{
    return QJsonDocument::fromJson(emu.stats()).object().value(QStringLiteral("captured")).toArray();
}

QStringList emulator(QStringList more)
{
    return QStringList { QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--sign-ins"),
        QStringLiteral("1500") }
    + more;
}

} // namespace

class TestGraphGuards : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<GraphError>(); }
    void tokenRedirectIsNotFollowed();
    void oversizedTokenResponseIsRefused();
    void tokenWithLineBreakIsNeverUsed();
    void tricklingTokenResponseMeetsADeadline();
    void graphRedirectIsNotFollowed();
    void selfLinkCycleEnds();
    void growingLinkCycleEnds();
    void pagesPerQueryAreBounded();
    void tricklingPageMeetsADeadline();
    void oversizedPageIsRefused();
    void notDumpableWhileSecretsAreHeld();
    void interruptedFetchSavesAPartialFile_data();
    void interruptedFetchSavesAPartialFile();
};

void TestGraphGuards::tokenRedirectIsNotFollowed()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--token-fault"), QStringLiteral("redirect") }));
    QVERIFY(emu.start());
    const auto error = token(emu);
    QVERIFY(error);
    QVERIFY2(error->message.contains(QLatin1String("redirect to ") + emu.url() + QLatin1String("/_emulator/capture")),
        qPrintable(error->text()));
    QCOMPARE(captured(emu).size(), 0); // the secret was never sent on
}

void TestGraphGuards::oversizedTokenResponseIsRefused()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--token-fault"), QStringLiteral("huge") }));
    QVERIFY(emu.start());
    const auto error = token(emu);
    QVERIFY(error);
    QVERIFY2(error->message.contains(QLatin1String("larger than 64 KiB")), qPrintable(error->text()));
}

void TestGraphGuards::tokenWithLineBreakIsNeverUsed()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--token-fault"), QStringLiteral("crlf") }));
    QVERIFY(emu.start());
    bool has = true;
    const auto error = token(emu, 60000, &has);
    QVERIFY(error);
    QCOMPARE(error->code, QStringLiteral("malformed-token"));
    QVERIFY(!has);
}

void TestGraphGuards::tricklingTokenResponseMeetsADeadline()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--token-fault"), QStringLiteral("trickle") }));
    QVERIFY(emu.start());
    const auto error = token(emu, 1500 * CALENS_SLOWDOWN); // ~100 bytes at one a second take minutes
    QVERIFY(error);
    QCOMPARE(error->code, QStringLiteral("deadline"));
}

void TestGraphGuards::graphRedirectIsNotFollowed()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--fault"), QStringLiteral("redirect:count=1") }));
    QVERIFY(emu.start());
    const Outcome out = fetch(emu, quick());
    QVERIFY(out.finished && !out.ok);
    QCOMPARE(out.error.code, QStringLiteral("redirect"));
    QVERIFY2(out.error.message.contains(emu.url() + QLatin1String("/_emulator/capture")), qPrintable(out.error.text()));
    QCOMPARE(captured(emu).size(), 0); // the bearer token was never sent on
}

void TestGraphGuards::selfLinkCycleEnds()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--fault"), QStringLiteral("selflink") }));
    QVERIFY(emu.start());
    const Outcome out = fetch(emu, quick());
    QVERIFY(out.finished && !out.ok);
    QCOMPARE(out.error.code, QStringLiteral("nextlink-cycle"));
    QVERIFY2(out.error.message.contains(QLatin1String("already followed")), qPrintable(out.error.text()));
    QVERIFY(out.signIns > 0); // what came before is kept
}

void TestGraphGuards::growingLinkCycleEnds()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--fault"), QStringLiteral("growinglink") }));
    QVERIFY(emu.start());
    const Outcome out = fetch(emu, quick());
    QVERIFY(out.finished && !out.ok);
    QCOMPARE(out.error.code, QStringLiteral("nextlink-cycle"));
    QVERIFY2(out.error.message.contains(QLatin1String("already fetched")), qPrintable(out.error.text()));
    const int requests = QJsonDocument::fromJson(emu.stats()).object().value(QStringLiteral("signInRequests")).toInt();
    QVERIFY2(requests <= 6, qPrintable(QString::number(requests)));
}

void TestGraphGuards::pagesPerQueryAreBounded()
{
    EmulatorProcess emu(emulator({}));
    QVERIFY(emu.start());
    RetryPolicy r = quick();
    r.maxPagesPerQuery = 3;
    FetchOptions o = window();
    o.pageSize = 5;
    const Outcome out = fetch(emu, r, o);
    QVERIFY(out.finished && !out.ok);
    QVERIFY2(out.error.message.contains(QLatin1String("more than 3 pages")), qPrintable(out.error.text()));
}

void TestGraphGuards::tricklingPageMeetsADeadline()
{
    // The first page trickles one byte every 200 ms: each byte restarts the transfer timeout (10 s here), so
    // only the whole-response deadline ends it; the page is then asked again and the fetch completes.
    EmulatorProcess emu(emulator({ QStringLiteral("--fault"), QStringLiteral("trickle:count=1:ms=200") }));
    QVERIFY(emu.start());
    RetryPolicy r = quick();
    r.maxRetries = 6;
    r.responseDeadlineMs = 3000 * CALENS_SLOWDOWN; // ample for a whole page, short of a trickled one
    const Outcome out = fetch(emu, r);
    QVERIFY2(out.finished && out.ok, qPrintable(out.error.text()));
    QVERIFY(out.retries >= 1);
    QVERIFY(out.signIns > 0);
}

void TestGraphGuards::oversizedPageIsRefused()
{
    EmulatorProcess emu(emulator({ QStringLiteral("--fault"), QStringLiteral("huge:count=1:kb=2048") }));
    QVERIFY(emu.start());
    RetryPolicy r = quick();
    r.maxPageBytes = qint64(1) << 20;
    const Outcome out = fetch(emu, r);
    QVERIFY(out.finished && !out.ok);
    QCOMPARE(out.error.code, QStringLiteral("too-large"));
    QVERIFY2(out.error.message.contains(QLatin1String("larger than 1 MiB")), qPrintable(out.error.text()));
}

void TestGraphGuards::notDumpableWhileSecretsAreHeld()
{
    QVERIFY(NonDumpable::isDumpable());
    {
        QNetworkAccessManager nam;
        TokenProvider tokens(&nam, Endpoints {}, secretCredentials());
        QVERIFY(!NonDumpable::isDumpable());
        {
            FetchJob job(Endpoints {}, secretCredentials(), window());
            QVERIFY(!NonDumpable::isDumpable());
        }
        QVERIFY(!NonDumpable::isDumpable()); // the token provider still holds the secret
    }
    QVERIFY(NonDumpable::isDumpable());
}

void TestGraphGuards::interruptedFetchSavesAPartialFile_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("Ctrl+C") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestGraphGuards::interruptedFetchSavesAPartialFile()
{
    QFETCH(int, signal);
    // Every page takes 400 ms: the fetch is still running when the signal comes.
    EmulatorProcess emu(emulator({ QStringLiteral("--fault"), QStringLiteral("slow:every=1:count=0:ms=400") }));
    QVERIFY(emu.start());
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("fetch.json"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CALENS_TEST_SECRET"), QString::fromLatin1(test::kEmulatorSecret));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(test::calensBinary(),
        { QStringLiteral("fetch"), QStringLiteral("--tenant"), QStringLiteral("contoso.com"),
            QStringLiteral("--client-id"), QStringLiteral("app"), QStringLiteral("--client-secret-env"),
            QStringLiteral("CALENS_TEST_SECRET"), QStringLiteral("--authority-url"), emu.url(),
            QStringLiteral("--graph-url"), emu.url(), QStringLiteral("--since"), QStringLiteral("2026-10-01T00:00:00Z"),
            QStringLiteral("--until"), QStringLiteral("2026-10-14T00:00:00Z"), QStringLiteral("--slices"),
            QStringLiteral("1"), QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--no-directory"),
            QStringLiteral("-o"), out });
    QVERIFY(p.waitForStarted());
    // Wait for the first progress line that counts sign-ins, then interrupt.
    QByteArray err;
    const QDeadlineTimer deadline(test::kHangGuardMs);
    const QRegularExpression some(QStringLiteral("pages, [1-9][0-9]* sign-ins"));
    while (!some.match(QString::fromUtf8(err)).hasMatch() && !deadline.hasExpired() && p.state() == QProcess::Running) {
        p.waitForReadyRead(200);
        err += p.readAllStandardError();
    }
    QVERIFY2(p.state() == QProcess::Running, err.constData());
    ::kill(pid_t(p.processId()), signal);
    QVERIFY(p.waitForFinished(test::kHangGuardMs));
    err += p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 128 + signal);
    QVERIFY2(err.contains("interrupted") && err.contains("the fetch is partial"), err.constData());
    QVERIFY(!QFile::exists(out));
    const QString partial = dir.filePath(QStringLiteral("fetch.partial.json"));
    QVERIFY2(err.contains(partial.toUtf8()), err.constData());
    const test::CliRun analyzed = test::runCalens({ QStringLiteral("analyze"), partial, QStringLiteral("--json") });
    QCOMPARE(analyzed.code, 0);
    QVERIFY(QJsonDocument::fromJson(analyzed.out).object().value(QStringLiteral("signIns")).toInt() > 0);
}

QTEST_GUILESS_MAIN(TestGraphGuards)
#include "tst_graphguards_cli.moc"
