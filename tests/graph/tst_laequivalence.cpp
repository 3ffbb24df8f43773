// SPDX-License-Identifier: MIT
// Issue 15: on the synthetic tenant, the summaries CA Lens computes from files equal those it assembles from a
// workspace's answers to its pushed-down queries: the analyze counts, the top apps and identities, the timeline, the
// incidents (keys, counts, first and last seen, the last success before them) and the rows an incident fetch
// returns. The answers are computed here from the same tenant (tests/graph/support/lalocal); they are also fed cut
// into the parts a split query returns, which must add up to the same.
#include "lalocal.h"
#include "support/loader.h"

#include "diagnosis/incidents.h"
#include "export/outputfile.h"
#include "la/detailfile.h"
#include "la/lapipeline.h"
#include "query/aggregate.h"
#include "query/summary.h"
#include "synth/synthesize.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace calens;
using namespace calens::la;
using namespace calens::test;

namespace {

constexpr int64_t kStart = 1790812800000; // 2026-10-01T00:00:00Z
constexpr int64_t kDay = 86400000;

// Answers a pipeline from the local engine, each query answered as the parts it splits into `cuts` times over.
void runInParts(const Dataset& w, LaPipeline& pipeline, int cuts)
{
    std::vector<LaQuery> next = pipeline.start();
    while (!next.empty()) {
        for (const LaQuery& q : next) {
            std::vector<LaQuery> parts { q };
            for (int c = 0; c < cuts; ++c) {
                std::vector<LaQuery> finer;
                for (const LaQuery& p : parts)
                    for (const LaQuery& half : p.canSplit() ? p.split() : std::vector<LaQuery> { p })
                        finer.push_back(half);
                parts = std::move(finer);
            }
            for (const LaQuery& p : parts) QVERIFY(pipeline.take(p, QByteArray::fromStdString(localAnswer(w, p))));
        }
        next = pipeline.advance();
    }
    QVERIFY2(pipeline.error().isEmpty(), qPrintable(pipeline.error()));
}

std::map<QString, uint64_t> countsBy(const Dataset& d, Dimension dim)
{
    std::vector<uint32_t> rows;
    for (uint32_t r = 0; r < d.signInCount(); ++r)
        if (d.signIn(r).hasErrorCode() && isConditionalAccessBlock(d.signIn(r).errorCode())) rows.push_back(r);
    std::map<QString, uint64_t> out;
    for (const Bar& b : topBy(d, rows, dim, 100000)) out[b.label] = b.count;
    return out;
}

struct Expected
{
    uint64_t count;
    int64_t firstMs, lastMs, lastSuccessMs;
    std::string cause;
    QString policyId;
    std::set<std::string> ids;
};

} // namespace

class TestLaEquivalence : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Loaded m_workspace;
    TimeWindow m_window { kStart, kStart + 14 * kDay };

private slots:
    void initTestCase();
    void summaryEqualsTheFiles_data();
    void summaryEqualsTheFiles();
    void incidentsEqualTheFiles_data();
    void incidentsEqualTheFiles();
    void fetchReturnsTheIncidentsRows();
};

void TestLaEquivalence::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Dataset tenant;
    SynthOptions o;
    o.signIns = 3000;
    synthesize(o, tenant);
    const QString path = m_dir.filePath(QStringLiteral("workspace.json"));
    QString error;
    QVERIFY(exporter::writeFileAtomically(path, workspaceExport(tenant), &error));
    m_workspace = load(path);
    QCOMPARE(m_workspace.dataset->signInCount(), tenant.signInCount());
}

void TestLaEquivalence::summaryEqualsTheFiles_data()
{
    QTest::addColumn<int>("cuts");
    QTest::newRow("whole answers") << 0;
    QTest::newRow("each query cut in 8") << 3;
}

void TestLaEquivalence::summaryEqualsTheFiles()
{
    QFETCH(int, cuts);
    const Dataset& w = *m_workspace.dataset;
    LaPipeline pipeline(LaPipeline::Verb::Summary, m_window);
    runInParts(w, pipeline, cuts);
    const LaSummary remote = pipeline.summary();
    const Summary& r = remote.summary;
    const Summary local = summarize(w);
    QVERIFY(local.blockedByCa > 50);
    QCOMPARE(r.signIns, local.signIns);
    QCOMPARE(r.types, local.types);
    QCOMPARE(r.errorCodes, local.errorCodes);
    QCOMPARE(r.blocked53003, local.blocked53003);
    QCOMPARE(r.blockedByCa, local.blockedByCa);
    QCOMPARE(r.caStatus, local.caStatus);
    QCOMPARE(r.unmetControls, local.unmetControls);
    QCOMPARE(r.first, local.first);
    QCOMPARE(r.last, local.last);
    QCOMPARE(r.withoutPolicyDetail, local.withoutPolicyDetail);
    QCOMPARE(r.policies.size(), local.policies.size());
    std::map<std::string, const Summary::PolicyCounts*> byId;
    for (const auto& p : local.policies) byId[p.id] = &p;
    for (const auto& p : r.policies) {
        QVERIFY2(byId.count(p.id), p.id.c_str());
        QCOMPARE(p.results, byId[p.id]->results);
        QCOMPARE(p.displayName, byId[p.id]->displayName);
    }
    for (const auto& [dim, bars] :
        { std::pair { Dimension::App, &remote.apps }, std::pair { Dimension::Identity, &remote.identities } }) {
        const auto counts = countsBy(w, dim);
        QVERIFY(!bars->empty());
        std::vector<uint64_t> sorted;
        for (const auto& [label, n] : counts) sorted.push_back(n);
        std::sort(sorted.rbegin(), sorted.rend());
        for (size_t i = 0; i < bars->size(); ++i) {
            QVERIFY2(counts.count((*bars)[i].label), qPrintable((*bars)[i].label));
            QCOMPARE((*bars)[i].count, counts.at((*bars)[i].label));
            QCOMPARE((*bars)[i].count, sorted[i]); // the biggest, in order
        }
    }
    std::vector<uint32_t> all(w.signInCount());
    for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    const auto line = timeline(w, all);
    QCOMPARE(remote.timeline.size(), line.size());
    for (size_t i = 0; i < line.size(); ++i) {
        QCOMPARE(remote.timeline[i].startMs, line[i].startMs);
        QCOMPARE(remote.timeline[i].total, line[i].total);
        QCOMPARE(remote.timeline[i].blocked, line[i].blocked);
    }
}

void TestLaEquivalence::incidentsEqualTheFiles_data()
{
    summaryEqualsTheFiles_data();
}

void TestLaEquivalence::incidentsEqualTheFiles()
{
    QFETCH(int, cuts);
    const Dataset& w = *m_workspace.dataset;
    std::vector<Incident> local = clusterIncidents(w);
    explainChanges(w, local);
    std::map<std::string, Expected> expected;
    for (const Incident& inc : local) {
        IncidentLead lead { inc.cause, inc.confidence, inc.policyId, inc.policyName, inc.unmetControls };
        Expected e { inc.count, inc.firstMs, inc.lastMs,
            firstIdentity(inc).lastSuccessRow == UINT32_MAX ? INT64_MIN
                                                            : w.signIn(firstIdentity(inc).lastSuccessRow).createdMs(),
            inc.cause, inc.policyId, {} };
        QVERIFY(expected.emplace(incidentKey(w, inc.firstRow, lead), e).second);
    }
    QVERIFY(expected.size() > 10);
    LaPipeline pipeline(LaPipeline::Verb::Incidents, m_window);
    runInParts(w, pipeline, cuts);
    const auto& remote = pipeline.incidents();
    QCOMPARE(pipeline.incidentAssembler().unsampled(), uint64_t(0));
    QCOMPARE(remote.size(), expected.size());
    for (size_t i = 0; i < remote.size(); ++i) {
        const RemoteIncident& inc = remote[i];
        const auto it = expected.find(inc.key);
        QVERIFY2(it != expected.end(), inc.key.c_str());
        QCOMPARE(inc.count, it->second.count);
        QCOMPARE(inc.firstMs, it->second.firstMs);
        QCOMPARE(inc.lastMs, it->second.lastMs);
        QCOMPARE(inc.cause, it->second.cause);
        QCOMPARE(inc.policyId, it->second.policyId);
        QCOMPARE(inc.lastSuccessMs, it->second.lastSuccessMs);
        if (i) QVERIFY(remote[i - 1].count >= inc.count); // biggest first, like the local list
    }
}

void TestLaEquivalence::fetchReturnsTheIncidentsRows()
{
    const Dataset& w = *m_workspace.dataset;
    LaPipeline list(LaPipeline::Verb::Incidents, m_window);
    runLocally(w, list);
    for (int number : { 1, 2, int(list.incidents().size()) }) {
        const RemoteIncident& wanted = list.incidents()[size_t(number - 1)];
        LaPipeline fetch(LaPipeline::Verb::Fetch, m_window, number);
        DetailFile file;
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("incident-%1.json").arg(number));
        QVERIFY(file.open(path, &error));
        fetch.setRowSink([&file](const std::vector<std::string_view>& cells) { file.row(cells); });
        runLocally(w, fetch);
        QVERIFY2(fetch.error().isEmpty(), qPrintable(fetch.error()));
        QVERIFY(file.commit(&error));
        // The local incident with the same key: its rows, and the last success before it.
        std::vector<Incident> local = clusterIncidents(w);
        explainChanges(w, local);
        std::set<std::string> ids;
        for (const Incident& inc : local) {
            IncidentLead lead { inc.cause, inc.confidence, inc.policyId, inc.policyName, inc.unmetControls };
            if (incidentKey(w, inc.firstRow, lead) != wanted.key) continue;
            for (uint32_t r : inc.rows) ids.insert(std::string(w.signIn(r).str(SF::Id)));
            // The last success of the identity blocked first, to the app of that block, before it.
            const uint32_t success = firstIdentity(inc).lastSuccessRow;
            if (success != UINT32_MAX) ids.insert(std::string(w.signIn(success).str(SF::Id)));
        }
        QVERIFY(!ids.empty());
        const Loaded fetched = load(path);
        std::set<std::string> got;
        for (uint32_t r = 0; r < fetched.dataset->signInCount(); ++r)
            got.insert(std::string(fetched.signIn(r).str(SF::Id)));
        QCOMPARE(got, ids);
        // Read back, the rows cluster into the same incident (same cause, policy, count).
        const auto again = clusterIncidents(*fetched.dataset);
        QCOMPARE(again.front().cause, wanted.cause);
        QCOMPARE(again.front().policyId, wanted.policyId);
        QCOMPARE(again.front().count, wanted.count);
    }
}

QTEST_GUILESS_MAIN(TestLaEquivalence)
#include "tst_laequivalence.moc"
