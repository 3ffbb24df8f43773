// SPDX-License-Identifier: MIT
// The filter language, sorting and chart aggregations over the synthetic tenant.
#include "model/signinref.h"
#include "query/aggregate.h"
#include "query/filterengine.h"
#include "query/rowsort.h"
#include "synth/synthesize.h"

#include <QTest>

#include <functional>
#include <numeric>
#include <random>

using namespace calens;

static QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

class TestFilter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parsing();
    void fieldsAgreeWithBruteForce_data();
    void fieldsAgreeWithBruteForce();
    void policyAndResultDescribeOneEvaluation();
    void policyMeansApplied();
    void unknownFieldsAreNamed_data();
    void unknownFieldsAreNamed();
    void quotedValuesRoundTrip();
    void sorting();
    void mergingBatchesEqualsSortingAll();
    void aggregations();

private:
    std::vector<uint32_t> rowsWhere(const std::function<bool(const SignInRef&)>& pred) const
    {
        std::vector<uint32_t> out;
        for (uint32_t r = 0; r < m_d.signInCount(); ++r)
            if (pred(m_d.signIn(r))) out.push_back(r);
        return out;
    }
    std::vector<uint32_t> filtered(const QString& text) const { return applyFilter(m_d, *m_index, parseFilter(text)); }
    Dataset m_d;
    std::unique_ptr<SearchIndex> m_index;
};

void TestFilter::initTestCase()
{
    SynthOptions o;
    o.signIns = 3000;
    synthesize(o, m_d);
    m_index = std::make_unique<SearchIndex>(m_d);
}

void TestFilter::parsing()
{
    Filter f = parseFilter(
        QStringLiteral("error:53003 type:service -app:teams policy:\"Require compliant device\" 2001:db8::1"));
    QCOMPARE(f.terms.size(), size_t(5));
    QVERIFY(f.errors.isEmpty());
    QCOMPARE(f.terms[0].number, 53003);
    QCOMPARE(f.terms[1].enums, std::vector<uint8_t> { uint8_t(SignInType::ServicePrincipal) });
    QVERIFY(f.terms[2].negated);
    QCOMPARE(f.terms[3].value, QStringLiteral("Require compliant device"));
    QCOMPARE(f.terms[4].field, FilterTerm::Field::Text); // an IPv6 address is not a field
    f = parseFilter(QStringLiteral("error:abc result:maybe ip:300.1.1.1/8 after:yesterday control:coffee ok"));
    QCOMPARE(f.terms.size(), size_t(1)); // only "ok" survives; each bad term says why
    QCOMPARE(f.errors.size(), 5);
    QVERIFY(f.errors[0].contains(QLatin1String("number")));
    QVERIFY(parseFilter(QString()).isEmpty());
}

void TestFilter::fieldsAgreeWithBruteForce_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<std::function<bool(const SignInRef&)>>("expected");
    using P = std::function<bool(const SignInRef&)>;
    QTest::newRow("error") << "error:53003" << P([](const SignInRef& s) { return s.errorCode() == 53003; });
    QTest::newRow("error:ca") << "error:ca"
                              << P([](const SignInRef& s) { return s.errorCode() == 53003 || s.errorCode() == 53002; });
    QTest::newRow("not error 0") << "-error:0" << P([](const SignInRef& s) { return s.errorCode() != 0; });
    QTest::newRow("type") << "type:servicePrincipal,managedIdentity" << P([](const SignInRef& s) {
        return s.type() == SignInType::ServicePrincipal || s.type() == SignInType::ManagedIdentity;
    });
    QTest::newRow("ca status") << "ca:failure"
                               << P([](const SignInRef& s) { return s.caStatus() == CaStatus::Failure; });
    QTest::newRow("ip range") << "ip:10.0.0.0/8" << P([](const SignInRef& s) {
        const auto ip = IpAddress::parse(s.str(SF::IpAddress));
        return ip && IpRange::parseCidr("10.0.0.0/8")->contains(*ip);
    });
    QTest::newRow("identity substring, any case") << "user:SVC-" << P([](const SignInRef& s) {
        for (SF f : { SF::UserPrincipalName, SF::ServicePrincipalName, SF::UserDisplayName, SF::ServicePrincipalId,
                 SF::UserId })
            if (text(s.str(f)).contains(QLatin1String("svc-"), Qt::CaseInsensitive)) return true;
        return false;
    });
    QTest::newRow("control") << "control:mfa" << P([](const SignInRef& s) {
        for (const PolicyEval& e : s.evals())
            if (e.result == PolicyResult::Failure && (e.grant & Grant::Mfa)) return true;
        return false;
    });
    QTest::newRow("after") << "after:2026-10-08"
                           << P([](const SignInRef& s) { return s.createdMs() >= 1791417600000; });
    QTest::newRow("two terms are AND") << "error:53003 type:nonInteractiveUser" << P([](const SignInRef& s) {
        return s.errorCode() == 53003 && s.type() == SignInType::NonInteractiveUser;
    });
}

void TestFilter::fieldsAgreeWithBruteForce()
{
    QFETCH(QString, filter);
    QFETCH(std::function<bool(const SignInRef&)>, expected);
    const auto got = filtered(filter);
    const auto want = rowsWhere(expected);
    QVERIFY2(!want.empty() || filter.startsWith(QLatin1String("ip")), "the case should select something");
    QCOMPARE(got, want);
}

void TestFilter::policyAndResultDescribeOneEvaluation()
{
    const QString name = text(m_d.text(m_d.policyRefs()[1].displayName));
    const auto got = filtered(QStringLiteral("policy:\"%1\" result:failure").arg(name));
    const auto want = rowsWhere([&](const SignInRef& s) {
        for (const PolicyEval& e : s.evals())
            if (e.policy == 1 && e.result == PolicyResult::Failure) return true;
        return false;
    });
    QVERIFY(!want.empty());
    QCOMPARE(got, want);
    // Free text finds sign-ins whose failing policy has that name.
    QVERIFY(filtered(QStringLiteral("\"%1\"").arg(name)).size() >= want.size());
}

void TestFilter::policyMeansApplied()
{
    // Every sign-in lists every policy (most as notApplied): policy:X alone keeps those X applied to.
    for (size_t p = 0; p < m_d.policyRefs().size(); ++p) {
        const QString name = text(m_d.text(m_d.policyRefs()[p].displayName));
        const auto want = rowsWhere([&](const SignInRef& s) {
            for (const PolicyEval& e : s.evals()) {
                if (text(m_d.text(m_d.policyRefs()[e.policy].displayName)).contains(name, Qt::CaseInsensitive)
                    && (e.result == PolicyResult::Success || e.result == PolicyResult::Failure
                        || e.result == PolicyResult::ReportOnlySuccess || e.result == PolicyResult::ReportOnlyFailure
                        || e.result == PolicyResult::ReportOnlyInterrupted))
                    return true;
            }
            return false;
        });
        QCOMPARE(filtered(QStringLiteral("policy:") + quoteFilterValue(name)), want);
        QVERIFY2(want.size() < m_d.signInCount(), qPrintable(name));
        // Negated: none of its evaluations applied.
        QCOMPARE(filtered(QStringLiteral("-policy:") + quoteFilterValue(name)).size(), m_d.signInCount() - want.size());
    }
    // With a result, the result decides: where the policy was evaluated and did not apply.
    const QString first = text(m_d.text(m_d.policyRefs()[0].displayName));
    const auto notApplied = filtered(QStringLiteral("policy:%1 result:notApplied").arg(quoteFilterValue(first)));
    QVERIFY(!notApplied.empty());
}

void TestFilter::unknownFieldsAreNamed_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message"); // empty: no error
    QTest::newRow("typo") << "erorr:53003"
                          << "did you mean error:";
    QTest::newRow("no such field") << "colour:blue"
                                   << "there is no field \"colour\"";
    QTest::newRow("prefix") << "resou:teams"
                            << "did you mean resource:";
    QTest::newRow("IPv6 is text") << "dead:beef::1" << QString();
    QTest::newRow("time is text") << "08:15" << QString();
    QTest::newRow("quoted is text") << "\"https://login.microsoftonline.com\"" << QString();
}

void TestFilter::unknownFieldsAreNamed()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const Filter f = parseFilter(filter);
    if (message.isEmpty()) {
        QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.join(QLatin1Char(';'))));
        QCOMPARE(f.terms.size(), size_t(1));
        QCOMPARE(int(f.terms[0].field), int(FilterTerm::Field::Text));
    } else {
        QCOMPARE(f.errors.size(), 1);
        QVERIFY2(f.errors[0].contains(message), qPrintable(f.errors[0]));
        QVERIFY(f.terms.empty()); // not applied as text either: the table does not empty by surprise
    }
}

void TestFilter::quotedValuesRoundTrip()
{
    for (const QString& v : { QStringLiteral("plain"), QStringLiteral("two words"), QStringLiteral("say \"hi\""),
             QStringLiteral("back\\slash"), QStringLiteral("-starts with a dash"), QStringLiteral("x\" -policy:y") }) {
        const Filter f = parseFilter(QStringLiteral("app:") + quoteFilterValue(v));
        QVERIFY2(f.errors.isEmpty(), qPrintable(v));
        QCOMPARE(f.terms.size(), size_t(1));
        QCOMPARE(f.terms[0].value, v);
        QVERIFY(!f.terms[0].negated);
    }
    const Filter text = parseFilter(QStringLiteral("\"-x\"")); // quoted text is searched for, never negated
    QCOMPARE(text.terms.size(), size_t(1));
    QVERIFY(!text.terms[0].negated);
    QCOMPARE(text.terms[0].value, QStringLiteral("-x"));
}

void TestFilter::sorting()
{
    std::vector<uint32_t> rows = filtered(QStringLiteral("error:53003"));
    QVERIFY(sortRows(m_d, *m_index, rows, SignInColumn::Time, false));
    for (size_t i = 1; i < rows.size(); ++i)
        QVERIFY(m_d.signIn(rows[i - 1]).createdMs() <= m_d.signIn(rows[i]).createdMs());
    QVERIFY(sortRows(m_d, *m_index, rows, SignInColumn::Identity, true));
    for (size_t i = 1; i < rows.size(); ++i)
        QVERIFY(m_index->lower(displayedText(m_d, rows[i - 1], SignInColumn::Identity))
            >= m_index->lower(displayedText(m_d, rows[i], SignInColumn::Identity)));
    std::atomic<bool> stop { true };
    std::vector<uint32_t> all(m_d.signInCount());
    std::iota(all.begin(), all.end(), 0u);
    QVERIFY(!sortRows(m_d, *m_index, all, SignInColumn::Time, false, &stop));
}

void TestFilter::mergingBatchesEqualsSortingAll()
{
    // The session merges each batch of a loading file into the rows shown: the result must be what
    // one sort of every row gives, for every column and both directions, whatever order rows arrive in.
    std::vector<uint32_t> arrival(m_d.signInCount());
    std::iota(arrival.begin(), arrival.end(), 0u);
    std::mt19937 rng(7);
    std::shuffle(arrival.begin(), arrival.end(), rng);
    for (int c = 0; c < SignInTableModel::NumColumns; ++c)
        for (const bool descending : { false, true }) {
            const auto column = SignInColumn(c);
            std::vector<uint32_t> all = arrival;
            QVERIFY(sortRows(m_d, *m_index, all, column, descending));
            std::vector<uint32_t> shown;
            const RowOrder order(m_d, *m_index, column, descending);
            for (size_t from = 0; from < arrival.size(); from += 700) {
                std::vector<uint32_t> batch(
                    arrival.begin() + long(from), arrival.begin() + long(std::min(arrival.size(), from + 700)));
                QVERIFY(sortRows(m_d, *m_index, batch, column, descending));
                std::vector<uint32_t> merged;
                std::merge(shown.begin(), shown.end(), batch.begin(), batch.end(), std::back_inserter(merged), order);
                shown = std::move(merged);
            }
            QVERIFY2(shown == all, qPrintable(QStringLiteral("column %1, descending %2").arg(c).arg(descending)));
        }
}

void TestFilter::aggregations()
{
    const auto rows = filtered(QStringLiteral("error:53003"));
    const auto byPolicy = topBy(m_d, rows, Dimension::FailingPolicy, 5);
    QVERIFY(!byPolicy.empty() && byPolicy.size() <= 5);
    for (size_t i = 1; i < byPolicy.size(); ++i) QVERIFY(byPolicy[i - 1].count >= byPolicy[i].count);
    // Clicking a bar filters to exactly the sign-ins it counted.
    QCOMPARE(
        uint64_t(
            applyFilter(m_d, *m_index, parseFilter(byPolicy[0].filterTerm + QStringLiteral(" error:53003"))).size()),
        byPolicy[0].count);
    const auto buckets = timeline(m_d, rows);
    uint64_t total = 0;
    for (const auto& b : buckets) {
        total += b.total;
        QVERIFY(b.blocked <= b.total);
    }
    QCOMPARE(total, uint64_t(rows.size()));
    QVERIFY(buckets.size() <= 72);
}

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
