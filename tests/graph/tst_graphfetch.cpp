// SPDX-License-Identifier: MIT
// FetchJob against the Graph emulator: complete, duplicate-free results under every fault and all together.
#include "emulatorprocess.h"
#include "graph/fetchjob.h"
#include "ingest/timestamp.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "support/testpaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace calens;
using namespace calens::graph;
using calens::test::EmulatorProcess;

namespace {

constexpr uint64_t kSeed = 7;
constexpr int kSignIns = 2500;

struct Outcome
{
    bool ok = false;
    GraphError error;
    QSet<QString> ids;
    size_t rows = 0;
    size_t policies = 0, namedLocations = 0, servicePrincipals = 0, audits = 0, changes = 0;
    QString firstActor;
    QStringList warnings;
    FetchProgress progress;
    uint64_t withoutCa = 0;
    bool reportOnlyUnknown = false; // any policy result read as unknownFutureValue
};

FetchOptions window()
{
    FetchOptions o;
    o.sinceMs = parseTimestamp("2026-10-03T00:00:00Z");
    o.untilMs = parseTimestamp("2026-10-11T06:30:00Z");
    return o;
}

Credentials secretCredentials(const QString& secret = QString::fromLatin1(test::kEmulatorSecret))
{
    Credentials c;
    c.method = Credentials::Method::ClientSecret;
    c.tenant = QStringLiteral("contoso.onmicrosoft.com");
    c.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    c.clientSecret = secret;
    return c;
}

RetryPolicy fastRetries()
{
    RetryPolicy r;
    r.baseDelayMs = 20;
    r.maxRetries = 6;
    r.transferTimeoutMs = 5000;
    return r;
}

Outcome run(EmulatorProcess& emu, const FetchOptions& options, const Credentials& credentials = secretCredentials(),
    RetryPolicy retry = fastRetries())
{
    Endpoints e;
    e.authority = QUrl(emu.url());
    e.graph = QUrl(emu.url());
    FetchJob job(e, credentials, options);
    job.setRetryPolicy(retry);
    QSignalSpy done(&job, &FetchJob::finished);
    job.start();
    Outcome out;
    if (!done.wait(calens::test::kHangGuardMs)) return out;
    out.ok = done.first().first().toBool();
    out.error = job.error();
    out.warnings = job.warnings();
    out.progress = job.progress();
    out.withoutCa = job.withoutCaPolicies();
    Dataset& d = job.dataset();
    out.rows = d.signInCount();
    for (uint32_t row = 0; row < d.signInCount(); ++row) {
        const SignInRef s = d.signIn(row);
        out.ids.insert(QString::fromUtf8(s.str(SF::Id).data(), qsizetype(s.str(SF::Id).size())));
        for (const PolicyEval& ev : s.evals())
            if (s.resultText(ev) == "unknownFutureValue") out.reportOnlyUnknown = true;
    }
    out.policies = d.policies().size();
    out.namedLocations = d.namedLocations().size();
    out.servicePrincipals = d.servicePrincipals().size();
    out.audits = job.directoryAudits().size();
    out.changes = d.changes().size();
    if (!d.changes().empty()) out.firstActor = QString::fromStdString(d.changes().front().actor);
    return out;
}

QJsonObject faultsFired(EmulatorProcess& emu)
{
    return QJsonDocument::fromJson(emu.stats()).object().value(QStringLiteral("faults")).toObject();
}

} // namespace

class TestGraphFetch : public QObject
{
    Q_OBJECT

private:
    QSet<QString> m_truth;

    static QStringList tenantArgs(QStringList more = {})
    {
        return QStringList { QStringLiteral("--seed"), QString::number(kSeed), QStringLiteral("--sign-ins"),
            QString::number(kSignIns) }
        + more;
    }

private slots:
    void initTestCase()
    {
        const FetchOptions o = window();
        m_truth = test::groundTruth(kSeed, kSignIns, o.sinceMs, o.untilMs);
        QVERIFY(m_truth.size() > 1000);
    }

    void cleanFetchMatchesGroundTruth()
    {
        EmulatorProcess emu(tenantArgs());
        QString error;
        QVERIFY2(emu.start(&error), qPrintable(error));
        FetchOptions o = window();
        o.pageSize = 97; // many pages per slice
        const Outcome out = run(emu, o);
        QVERIFY2(out.ok, qPrintable(out.error.text()));
        QCOMPARE(out.rows, size_t(out.ids.size()));
        QCOMPARE(out.ids, m_truth);
        QCOMPARE(out.progress.duplicates, uint64_t(0)); // half-open slices: nothing seen twice
        QVERIFY(out.progress.pages > 12);
        QVERIFY(out.policies > 0);
        QVERIFY(out.namedLocations > 0);
        QVERIFY(out.servicePrincipals > 0);
        QVERIFY(out.audits > 0);
        QCOMPARE(out.changes, out.audits); // the policy-change audits reach the data, for "what changed"
        QCOMPARE(out.firstActor, QStringLiteral("ca-admin@contoso.com"));
        QVERIFY(!out.reportOnlyUnknown); // Prefer: include-unknown-enum-members was sent
        QCOMPARE(out.withoutCa, uint64_t(0));
    }

    void singleSequentialQueryMatchesToo()
    {
        EmulatorProcess emu(tenantArgs());
        QVERIFY(emu.start());
        FetchOptions o = window();
        o.slices = 1;
        o.concurrency = 1;
        o.directoryData = false;
        const Outcome out = run(emu, o);
        QVERIFY2(out.ok, qPrintable(out.error.text()));
        QCOMPARE(out.ids, m_truth);
    }

    void faults_data()
    {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<QStringList>("expectFired");
        QTest::newRow("429 Retry-After") << QStringList { QStringLiteral("throttle:every=3:count=3") }
                                         << QStringList { QStringLiteral("throttle") };
        QTest::newRow("503") << QStringList { QStringLiteral("unavailable:every=4:count=2") }
                             << QStringList { QStringLiteral("unavailable") };
        QTest::newRow("dropped connection")
            << QStringList { QStringLiteral("drop:every=3:count=5") } << QStringList { QStringLiteral("drop") };
        QTest::newRow("truncated JSON") << QStringList { QStringLiteral("truncate:every=2:count=5") }
                                        << QStringList { QStringLiteral("truncate") };
        QTest::newRow("slow response") << QStringList { QStringLiteral("slow:every=5:count=2:ms=700") }
                                       << QStringList { QStringLiteral("slow") };
        QTest::newRow("401 expired token")
            << QStringList { QStringLiteral("expire:after=4:count=1") } << QStringList { QStringLiteral("expire") };
        QTest::newRow("all together") << QStringList { QStringLiteral("throttle:every=7:count=2"),
            QStringLiteral("unavailable:every=11:count=1"), QStringLiteral("drop:every=5:count=3"),
            QStringLiteral("truncate:every=6:count=3"), QStringLiteral("slow:every=9:count=2:ms=400"),
            QStringLiteral("expire:after=8:count=1") }
                                      << QStringList { QStringLiteral("throttle"), QStringLiteral("drop"),
                                             QStringLiteral("truncate"), QStringLiteral("expire") };
    }

    void faults()
    {
        QFETCH(QStringList, faults);
        QFETCH(QStringList, expectFired);
        QStringList args = tenantArgs();
        for (const QString& f : faults) args << QStringLiteral("--fault") << f;
        EmulatorProcess emu(args);
        QVERIFY(emu.start());
        FetchOptions o = window();
        o.pageSize = 150;
        o.directoryData = false;
        const Outcome out = run(emu, o);
        QVERIFY2(out.ok, qPrintable(out.error.text()));
        QCOMPARE(out.rows, size_t(out.ids.size()));
        QCOMPARE(out.ids, m_truth);
        const QJsonObject fired = faultsFired(emu);
        for (const QString& f : expectFired) QVERIFY2(fired.value(f).toInt() > 0, qPrintable(f));
        if (!expectFired.contains(QStringLiteral("slow"))) QVERIFY(out.progress.retries > 0); // slow is no error
    }

    void stalledResponseTimesOutAndRetries()
    {
        EmulatorProcess emu(tenantArgs({ QStringLiteral("--fault"), QStringLiteral("slow:every=3:count=1:ms=4000") }));
        QVERIFY(emu.start());
        FetchOptions o = window();
        o.directoryData = false;
        RetryPolicy r = fastRetries();
        r.transferTimeoutMs = 800;
        const Outcome out = run(emu, o, secretCredentials(), r);
        QVERIFY2(out.ok, qPrintable(out.error.text()));
        QCOMPARE(out.ids, m_truth);
        QVERIFY(out.progress.retries > 0);
    }

    void retriesExhaustedKeepWhatWasFetched()
    {
        EmulatorProcess emu(tenantArgs({ QStringLiteral("--fault"), QStringLiteral("drop:after=4:count=0") }));
        QVERIFY(emu.start());
        FetchOptions o = window();
        o.pageSize = 100;
        o.concurrency = 1;
        o.directoryData = false;
        RetryPolicy r = fastRetries();
        r.maxRetries = 2;
        const Outcome out = run(emu, o, secretCredentials(), r);
        QVERIFY(!out.ok);
        QCOMPARE(out.error.kind, GraphError::Kind::Network);
        QVERIFY2(out.error.text().contains(QLatin1String("gave up after 2 retries")), qPrintable(out.error.text()));
        QVERIFY(out.rows >= 300); // the four pages before the fault stay
        QCOMPARE(out.rows, size_t(out.ids.size()));
        QVERIFY((out.ids - m_truth).isEmpty());
    }

    void licenceErrorIsExplained()
    {
        EmulatorProcess emu(tenantArgs({ QStringLiteral("--fault"), QStringLiteral("licence") }));
        QVERIFY(emu.start());
        const Outcome out = run(emu, window());
        QVERIFY(!out.ok);
        QCOMPARE(out.error.kind, GraphError::Kind::Licence);
        QCOMPARE(out.error.code, QStringLiteral("Authentication_RequestFromNonPremiumTenantOrB2CTenant"));
        QVERIFY(out.error.text().contains(QLatin1String("P1 or P2")));
    }

    void missingCaPermissionIsExplained()
    {
        EmulatorProcess emu(tenantArgs({ QStringLiteral("--fault"), QStringLiteral("nocapolicy") }));
        QVERIFY(emu.start());
        FetchOptions o = window();
        o.directoryData = false;
        const Outcome out = run(emu, o);
        QVERIFY2(out.ok, qPrintable(out.error.text()));
        QCOMPARE(out.ids, m_truth);
        QCOMPARE(out.withoutCa, uint64_t(m_truth.size()));
        QCOMPARE(out.warnings.size(), 1);
        QVERIFY(out.warnings.first().contains(QLatin1String("Policy.Read.All")));
    }

    void filtersNarrowTheFetch()
    {
        EmulatorProcess emu(tenantArgs());
        QVERIFY(emu.start());
        FetchOptions o = window();
        o.errorCode = 53003;
        o.directoryData = false;
        const Outcome out = run(emu, o);
        QVERIFY2(out.ok, qPrintable(out.error.text()));
        QVERIFY(!out.ids.isEmpty());
        QVERIFY(out.ids.size() < m_truth.size());
        QVERIFY((out.ids - m_truth).isEmpty());
    }

    void cancelStopsAndKeepsRecords()
    {
        EmulatorProcess emu(tenantArgs({ QStringLiteral("--latency"), QStringLiteral("300") }));
        QVERIFY(emu.start());
        Endpoints e { QUrl(emu.url()), QUrl(emu.url()) };
        FetchOptions o = window();
        o.pageSize = 50;
        FetchJob job(e, secretCredentials(), o);
        QSignalSpy done(&job, &FetchJob::finished);
        connect(&job, &FetchJob::progressChanged, &job, [&job](const FetchProgress& p) {
            if (p.signIns > 0) job.cancel();
        });
        job.start();
        QVERIFY(done.wait(calens::test::kHangGuardMs));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(job.error().kind, GraphError::Kind::Cancelled);
        QVERIFY(job.dataset().signInCount() > 0);
        QVERIFY(!job.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestGraphFetch)
#include "tst_graphfetch.moc"
