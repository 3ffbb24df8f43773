// SPDX-License-Identifier: MIT
// The fast filter (every core, the search index's per-field and per-sign-in shortcuts) and the chart series
// computed on every core give exactly what the plain serial scan gives: every filter of tests/bench/ui_bench.cpp
// and tricky ones (negation, quotes, case, IP ranges, partial policy and user names), on a synthetic tenant
// big enough for many pieces per thread, before and after sign-ins are rewritten in place.
#include "model/signinref.h"
#include "query/aggregate.h"
#include "query/filterengine.h"
#include "synth/synthesize.h"

#include <QTest>

using namespace calens;

namespace {

const char* const kFilters[] = {
    // tests/bench/ui_bench.cpp
    "error:53003", "type:servicePrincipal", "svc-", "policy:CA002 result:failure", "ip:20.0.0.0/8", "control:mfa",
    "-error:0 country:NL", "user:contoso app:power", "result:reportOnlyFailure", "after:2026-10-10 error:ca",
    // negation, case, quotes
    "-svc-", "SVC-", "Svc-PbiGateway", "\"power bi\"", "\"Power BI\" -app:desktop", "-\"power bi\"", "\"a:b\"",
    "contoso -user:contoso", "-country:nl -country:de",
    // IP ranges and addresses as text
    "ip:10.0.0.0/8", "-ip:20.0.0.0/8", "ip:20.0.0.0/8 ip:20.1.0.0/16", "ip:2001:db8::/32", "145.34", "ip:145.34",
    // partial policy and user names, results and controls on one evaluation
    "policy:ca0", "policy:\"require mfa\"", "policy:CA01 -result:failure", "-policy:CA002", "-policy:ca0 error:ca",
    "policy:ca00 result:notApplied", "result:failure result:reportOnlyFailure", "result:failure control:mfa",
    "control:mfa control:compliantDevice", "-control:block", "-result:notApplied", "control:block policy:block",
    "user:ADELE", "user:adele.lauren", "-user:svc", "upn:@contoso", "sp:adf",
    // the other fields
    "app:teams -app:web", "resource:graph", "device:windows", "client:browser", "corr:2b", "id:f29e", "risk:high",
    "ca:failure", "ca:notApplied -error:0", "before:2026-10-12", "since:2026-10-12 until:2026-10-13",
    "contoso policy:ca0", "block", "fabrikam", ""
};

} // namespace

class TestFilterPaths : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fastEqualsSerial();
    void chartsEqualOnOneCore();
    void rewrittenSignInsAreSummarizedAgain();

private:
    void compareAll(const SearchIndex& index);
    Dataset m_d;
};

void TestFilterPaths::initTestCase()
{
    SynthOptions o;
    o.signIns = 150000; // three pieces of 65,536 rows: both cores and the last, short piece
    synthesize(o, m_d);
}

void TestFilterPaths::compareAll(const SearchIndex& index)
{
    int nonEmpty = 0;
    for (const char* text : kFilters) {
        const Filter filter = parseFilter(QString::fromUtf8(text));
        QVERIFY2(filter.errors.isEmpty(), qPrintable(filter.errors.join(QLatin1Char(';'))));
        const auto serial = applyFilter(m_d, index, filter, nullptr, 0, UINT32_MAX, { 1, false });
        const auto fast = applyFilter(m_d, index, filter);
        QVERIFY2(fast == serial,
            qPrintable(QStringLiteral("%1: %2 rows fast, %3 serial")
                           .arg(QLatin1String(text))
                           .arg(fast.size())
                           .arg(serial.size())));
        // A range in the middle, as the rows of a loading file are filtered batch by batch.
        const auto part = applyFilter(m_d, index, filter, nullptr, 70000, 140001);
        const auto partSerial = applyFilter(m_d, index, filter, nullptr, 70000, 140001, { 1, false });
        QCOMPARE(part, partSerial);
        nonEmpty += !serial.empty() && serial.size() < m_d.signInCount();
    }
    QVERIFY(nonEmpty > int(std::size(kFilters)) * 3 / 4); // the filters select something, and not everything
}

void TestFilterPaths::fastEqualsSerial()
{
    const SearchIndex index(m_d);
    compareAll(index);
}

void TestFilterPaths::chartsEqualOnOneCore()
{
    const SearchIndex index(m_d);
    for (const char* text : { "", "error:ca", "svc-", "result:reportOnlyFailure" }) {
        const auto rows = applyFilter(m_d, index, parseFilter(QString::fromUtf8(text)));
        const ChartSeries fast = chartSeries(m_d, rows, &index);
        const ChartSeries plain = chartSeries(m_d, rows, nullptr, 1);
        auto same = [](const std::vector<Bar>& a, const std::vector<Bar>& b) {
            if (a.size() != b.size()) return false;
            for (size_t i = 0; i < a.size(); ++i)
                if (a[i].label != b[i].label || a[i].count != b[i].count || a[i].filterTerm != b[i].filterTerm)
                    return false;
            return true;
        };
        QVERIFY(!plain.byPolicy.empty() || QByteArray(text) == "svc-");
        QVERIFY(same(fast.byPolicy, plain.byPolicy));
        QVERIFY(same(fast.byReportOnly, plain.byReportOnly));
        QVERIFY(same(fast.byControl, plain.byControl));
        QVERIFY(same(fast.byIdentity, plain.byIdentity));
        QVERIFY(same(fast.byApp, plain.byApp));
        QVERIFY(same(fast.byIp, plain.byIp));
        QVERIFY(same(fast.byError, plain.byError));
        QCOMPARE(fast.timeline.size(), plain.timeline.size());
        for (size_t i = 0; i < fast.timeline.size(); ++i) {
            QCOMPARE(fast.timeline[i].total, plain.timeline[i].total);
            QCOMPARE(fast.timeline[i].blocked, plain.timeline[i].blocked);
        }
    }
}

void TestFilterPaths::rewrittenSignInsAreSummarizedAgain()
{
    // Policy rows that arrive apart give sign-ins already summarized a new policy list (here: a failed MFA
    // policy on sign-ins that had none); the index notices and the fast path still agrees.
    SearchIndex index(m_d);
    const Filter failedMfa = parseFilter(QStringLiteral("control:mfa"));
    const auto before = applyFilter(m_d, index, failedMfa);
    std::vector<uint32_t> changed;
    for (uint32_t row = 5; row < m_d.signInCount() && changed.size() < 40; row += 3001) {
        const SignInRef s = m_d.signIn(row);
        bool failed = false;
        for (const PolicyEval& e : s.evals()) failed |= e.result == PolicyResult::Failure;
        if (failed) continue;
        SignInDraft d;
        d.policyDetail = Tristate::True;
        PolicyEvalDraft& p = d.addPolicy();
        p.id = "00000000-0000-0000-0000-00000000f00d";
        p.displayName = "Rewritten: require MFA";
        p.result = PolicyResult::Failure;
        p.grant = Grant::Mfa;
        m_d.setEvals(row, d);
        changed.push_back(row);
    }
    QVERIFY(!changed.empty());
    index.extend(m_d);
    const auto after = applyFilter(m_d, index, failedMfa);
    QCOMPARE(after.size(), before.size() + changed.size());
    QCOMPARE(applyFilter(m_d, index, parseFilter(QStringLiteral("policy:rewritten"))), changed);
    compareAll(index);

    // More than 64 policies: every 64th shares a bit in the per-sign-in summaries, which then only narrow
    // the candidates and the evaluations decide.
    std::vector<std::string> names;
    names.reserve(90);
    for (int i = 0; i < 90; ++i) names.push_back("Extra policy " + std::to_string(i));
    for (uint32_t row = 11, n = 0; row < m_d.signInCount(); row += 997, ++n) {
        SignInDraft d;
        d.policyDetail = Tristate::True;
        for (int k = 0; k < 3; ++k) {
            PolicyEvalDraft& p = d.addPolicy();
            const std::string& name = names[(n * 7 + uint32_t(k) * 31) % names.size()];
            p.id = name;
            p.displayName = name;
            p.result = k == 0 ? PolicyResult::Failure
                : k == 1      ? PolicyResult::ReportOnlyFailure
                              : PolicyResult::Success;
            p.grant = k == 0 ? Grant::CompliantDevice : Grant::Mfa;
        }
        m_d.setEvals(row, d);
    }
    QVERIFY(m_d.policyRefs().size() > 100);
    index.extend(m_d);
    compareAll(index);
    for (const char* text : { "policy:\"extra policy 7\"", "policy:\"extra policy 7\" result:failure",
             "-policy:\"extra policy 1\"", "policy:extra result:reportOnlyFailure", "\"extra policy 8\"",
             "policy:\"policy 64\"", "policy:\"policy 6\" -result:notApplied" }) {
        const Filter filter = parseFilter(QString::fromUtf8(text));
        const auto serial = applyFilter(m_d, index, filter, nullptr, 0, UINT32_MAX, { 1, false });
        QVERIFY2(!serial.empty(), text);
        QVERIFY2(applyFilter(m_d, index, filter) == serial, text);
    }
}

QTEST_GUILESS_MAIN(TestFilterPaths)
#include "tst_filterpaths.moc"
