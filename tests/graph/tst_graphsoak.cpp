// SPDX-License-Identifier: MIT
// Graph faults under load: 50,000 sign-ins fetched through the emulator with every transient fault mixed in
// at random (fixed seed), some given at start and some added through the admin endpoint. Nothing may be lost
// and nothing duplicated compared with the tenant's ground truth.
#include "emulatorprocess.h"
#include "graph/fetchjob.h"
#include "ingest/timestamp.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "support/testpaths.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace calens;
using namespace calens::graph;
using calens::test::EmulatorProcess;

namespace {

constexpr uint64_t kSeed = 11;
constexpr int kSignIns = 50000;
constexpr uint32_t kFaultSeed = 20261001;

// Every fault the emulator can inject that a fetch must ride out. Left out: "licence" (a tenant without
// Entra ID P1 cannot be fetched at all; tst_graphfetch checks its error) and "nocapolicy" without a count
// (the tenant would hide its policies for good).
QStringList randomFaults(std::mt19937& rng, int rounds)
{
    const char* kinds[] = { "throttle", "unavailable", "drop", "truncate", "slow", "expire", "nocapolicy" };
    auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    QStringList specs;
    for (int r = 0; r < rounds; ++r) {
        for (const char* kind : kinds) {
            QString spec = QString::fromLatin1(kind);
            if (qstrcmp(kind, "expire") == 0) {
                spec += QStringLiteral(":after=%1:count=1").arg(between(2, 40));
            } else {
                spec += QStringLiteral(":every=%1:count=%2:after=%3")
                            .arg(between(3, 9))
                            .arg(between(1, 4))
                            .arg(between(0, 30));
                if (qstrcmp(kind, "slow") == 0) spec += QStringLiteral(":ms=%1").arg(between(100, 600));
            }
            specs << spec;
        }
    }
    std::shuffle(specs.begin(), specs.end(), rng);
    return specs;
}

} // namespace

class TestGraphSoak : public QObject
{
    Q_OBJECT

private slots:
    void fiftyThousandUnderFaults()
    {
        FetchOptions o;
        o.sinceMs = parseTimestamp("2026-10-01T00:00:00Z");
        o.untilMs = parseTimestamp("2026-10-15T00:00:00Z");
        o.pageSize = 1000;
        o.concurrency = 4;
        o.directoryData = false;
        QElapsedTimer t;
        t.start();
        const QSet<QString> truth = test::groundTruth(kSeed, kSignIns, o.sinceMs, o.untilMs);
        QVERIFY(truth.size() > 45000);
        const qint64 truthMs = t.elapsed();

        std::mt19937 rng(kFaultSeed);
        const QStringList atStart = randomFaults(rng, 2);
        const QStringList later = randomFaults(rng, 1);
        QStringList args { QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--sign-ins"),
            QString::number(kSignIns), QStringLiteral("--latency"), QStringLiteral("15") };
        for (const QString& f : atStart) args << QStringLiteral("--fault") << f;
        EmulatorProcess emu(args);
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        for (const QString& f : later) {
            const QByteArray reply = emu.get(QStringLiteral("/_emulator/faults?add=") + f);
            QVERIFY2(!reply.contains("BadRequest"), reply.constData());
        }
        const qint64 startMs = t.elapsed();

        Endpoints e;
        e.authority = QUrl(emu.url());
        e.graph = QUrl(emu.url());
        Credentials c;
        c.method = Credentials::Method::ClientSecret;
        c.tenant = QStringLiteral("contoso.onmicrosoft.com");
        c.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        c.clientSecret = QString::fromLatin1(test::kEmulatorSecret);
        RetryPolicy retry;
        retry.baseDelayMs = 20;
        retry.maxRetries = 8;
        retry.transferTimeoutMs = 5000;
        FetchJob job(e, c, o);
        job.setRetryPolicy(retry);
        QSignalSpy done(&job, &FetchJob::finished);
        job.start();
        QVERIFY2(done.wait(calens::test::kHangGuardMs * CALENS_SLOWDOWN), "the fetch ends");
        QVERIFY2(done.first().first().toBool(), qPrintable(job.error().text()));
        const qint64 fetchMs = t.elapsed() - startMs;

        Dataset& d = job.dataset();
        QSet<QString> ids;
        for (uint32_t row = 0; row < d.signInCount(); ++row) {
            const std::string_view id = d.signIn(row).str(SF::Id);
            ids.insert(QString::fromUtf8(id.data(), qsizetype(id.size())));
        }
        QCOMPARE(size_t(ids.size()), d.signInCount()); // nothing duplicated
        const QSet<QString> lost = truth - ids, extra = ids - truth;
        QVERIFY2(lost.isEmpty(),
            qPrintable(QStringLiteral("%1 lost, e.g. %2").arg(lost.size()).arg(lost.values().value(0))));
        QVERIFY2(extra.isEmpty(), qPrintable(QStringLiteral("%1 extra").arg(extra.size())));

        const QJsonObject stats = QJsonDocument::fromJson(emu.stats()).object();
        const QJsonObject fired = stats.value(QStringLiteral("faults")).toObject();
        for (const char* kind : { "throttle", "unavailable", "drop", "truncate", "slow", "expire" })
            QVERIFY2(fired.value(QLatin1String(kind)).toInt() > 0, kind);
        qInfo("%lld sign-ins; ground truth %lld ms, fetch %lld ms, %d page requests, %llu retries; faults %s",
            qlonglong(ids.size()), truthMs, fetchMs, stats.value(QStringLiteral("signInRequests")).toInt(),
            qulonglong(job.progress().retries), QJsonDocument(fired).toJson(QJsonDocument::Compact).constData());
    }
};

QTEST_GUILESS_MAIN(TestGraphSoak)
#include "tst_graphsoak.moc"
