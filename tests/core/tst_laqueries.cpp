// SPDX-License-Identifier: MIT
// Issue 15 step 1: every query CA Lens writes for a Log Analytics workspace (and the verification and fetch-hint
// queries of the diagnosis) passes Microsoft's own Kusto analyzer against the four sign-in tables as Microsoft's
// table reference declares them: no error, no unknown column, and a result with the columns the assembler reads.
// The check is shown to catch what it is for: a leg that names a column its table lacks, and a table whose JSON
// text column is not converted before the union.
#include "diagnosis/diagnoser.h"
#include "diagnosis/errortext.h"
#include "diagnosis/fetchhint.h"
#include "diagnosis/incidents.h"
#include "la/laquery.h"
#include "la/signintables.h"
#include "model/dataset.h"
#include "support/kustocheck.h"
#include "synth/synthesize.h"

#include <QTest>

#include <map>

using namespace calens;
using namespace calens::la;
using namespace calens::test;

namespace {

constexpr int64_t kStart = 1790812800000; // 2026-10-01T00:00:00Z
constexpr int64_t kDay = 86400000;

QStringList hostile()
{
    return { QStringLiteral("\"; SigninLogs | take 1; print \""), QStringLiteral("a\\\" | where 1 == 1 //"),
        QStringLiteral("line\nbreak\r\u2028end"), QStringLiteral("'single' and @\"verbatim\""),
        QStringLiteral("\u202e\u0000nul") };
}

// One query of every kind, split and sharded as the client would, with values taken from responses (hostile
// ones included) where the queries carry them.
std::vector<LaQuery> everyQuery()
{
    std::vector<LaQuery> out;
    const TimeWindow week { kStart, kStart + 7 * kDay };
    for (QueryKind k : { QueryKind::Totals, QueryKind::Policies, QueryKind::UnmetControls, QueryKind::TopApps,
             QueryKind::TopIdentities, QueryKind::Timeline, QueryKind::SituationCounts }) {
        LaQuery q;
        q.kind = k;
        q.window = week;
        q.binMs = 3600000;
        out.push_back(q);
        for (const LaQuery& half : q.split()) out.push_back(half);
    }
    LaQuery samples;
    samples.kind = QueryKind::SituationSamples;
    samples.window = week;
    samples.situations = { QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") };
    for (const QString& h : hostile()) samples.situations.push_back(h);
    out.push_back(samples);
    LaQuery detail = samples;
    detail.kind = QueryKind::Detail;
    out.push_back(detail);
    LaQuery last;
    last.kind = QueryKind::LastSuccess;
    last.window = week;
    last.targets = { { QStringLiteral("6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c"),
        QStringLiteral("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"), kStart + kDay } };
    for (const QString& h : hostile()) last.targets.push_back({ h, h, kStart + 2 * kDay });
    out.push_back(last);
    return out;
}

QString errorsOf(const nlohmann::json& result)
{
    QStringList errors;
    for (const auto& d : result["diagnostics"])
        if (d["severity"] == "Error" || d["code"] == "KS142")
            errors << QString::fromStdString(d["code"].get<std::string>() + " " + d["message"].get<std::string>());
    return errors.join(QStringLiteral("; "));
}

std::map<QString, QString> columnsOf(const nlohmann::json& result)
{
    std::map<QString, QString> out;
    for (const auto& c : result["columns"])
        out[QString::fromStdString(c["name"].get<std::string>())]
            = QString::fromStdString(c["type"].get<std::string>());
    return out;
}

nlohmann::json check(const QStringList& queries)
{
    QString why;
    auto result = kustoCheck(queries, &why);
    if (!result) return nlohmann::json(why.toStdString());
    return *result;
}

// A copy of the four tables in which table `which` also has `extra` (of `type`), or in which `retyped` has that
// type instead of its own: what a schema mistake in CA Lens would look like.
struct AlteredTables
{
    std::vector<std::vector<TableColumn>> columns;
    std::vector<SignInTable> tables;
    AlteredTables(size_t which, std::string_view extra, std::string_view retyped, KqlType type)
    {
        for (const SignInTable& t : signInTables()) columns.emplace_back(t.columns.begin(), t.columns.end());
        for (TableColumn& c : columns[which])
            if (c.name == retyped) c.type = type;
        if (!extra.empty()) columns[which].push_back({ extra, type });
        for (size_t i = 0; i < columns.size(); ++i) {
            SignInTable t = signInTables()[i];
            t.columns = columns[i];
            tables.push_back(t);
        }
    }
};

} // namespace

class TestLaQueries : public QObject
{
    Q_OBJECT
private slots:
    void schemaMatchesTheReference();
    void blockCodesAreTheIncidentCodes();
    void splitsCoverTheWindow();
    void everyQueryPassesTheAnalyzer();
    void analyzerCatchesAColumnATableLacks();
    void analyzerCatchesAnUnconvertedTextColumn();
    void diagnosisQueriesPassTheAnalyzer();
};

void TestLaQueries::schemaMatchesTheReference()
{
    // Column counts of Microsoft's table reference (formats.md §3.2; +TenantId on SigninLogs, a standard column).
    const std::map<std::string_view, size_t> expected { { "SigninLogs", 78 }, { "AADNonInteractiveUserSignInLogs", 69 },
        { "AADServicePrincipalSignInLogs", 35 }, { "AADManagedIdentitySignInLogs", 35 } };
    for (const SignInTable& t : signInTables()) QCOMPARE(t.columns.size(), expected.at(t.name));
    const SignInTable* interactive = signInTable("SigninLogs");
    const SignInTable* sp = signInTable("AADServicePrincipalSignInLogs");
    QVERIFY(interactive && sp);
    QCOMPARE(interactive->find("ConditionalAccessPolicies")->type, KqlType::Dynamic);
    QCOMPARE(sp->find("ConditionalAccessPolicies")->type, KqlType::String);
    QCOMPARE(signInTable("AADNonInteractiveUserSignInLogs")->find("DeviceDetail")->type, KqlType::String);
    QCOMPARE(interactive->find("ResultType")->type, KqlType::String);
    QVERIFY(!sp->find("AppDisplayName"));
    QVERIFY(!sp->find("DeviceDetail"));
}

void TestLaQueries::blockCodesAreTheIncidentCodes()
{
    std::vector<int> listed(blockCodes().begin(), blockCodes().end());
    for (int code = 0; code < 1000000; ++code)
        QCOMPARE(isConditionalAccessBlock(code), std::find(listed.begin(), listed.end(), code) != listed.end());
}

void TestLaQueries::splitsCoverTheWindow()
{
    LaQuery q;
    q.kind = QueryKind::SituationCounts;
    q.window = { kStart + 123, kStart + 3 * kDay + 7 };
    const auto halves = q.split();
    QCOMPARE(halves.size(), size_t(2));
    QCOMPARE(halves[0].window.fromMs, q.window.fromMs);
    QCOMPARE(halves[0].window.toMs, halves[1].window.fromMs);
    QCOMPARE(halves[1].window.toMs, q.window.toMs);
    QCOMPARE(halves[0].window.toMs % 1000, int64_t(0));
    QVERIFY(halves[0].text() != halves[1].text());
    q.window = { kStart, kStart + 1999 };
    QVERIFY(!q.canSplit());

    LaQuery top;
    top.kind = QueryKind::TopIdentities;
    top.window = q.window;
    auto shards = top.split();
    QCOMPARE(shards.size(), size_t(2));
    QCOMPARE(shards[0].shards, 2);
    QCOMPARE(shards[0].window, top.window); // a ranked list is never cut by time
    shards = shards[1].split();
    QCOMPARE(shards[0].shard, 1);
    QCOMPARE(shards[1].shard, 3);
    QCOMPARE(shards[1].shards, 4);
    QVERIFY(shards[1].text().contains(QLatin1String("hash(Who, 4) == 3")));
}

void TestLaQueries::everyQueryPassesTheAnalyzer()
{
    const std::vector<LaQuery> queries = everyQuery();
    QStringList texts;
    for (const LaQuery& q : queries) texts << q.text();
    const nlohmann::json results = check(texts);
    if (results.is_string()) QSKIP(results.get<std::string>().c_str());
    QCOMPARE(results.size(), texts.size());
    for (size_t i = 0; i < queries.size(); ++i) {
        const QString name = queries[i].describe();
        const QString errors = errorsOf(results[i]);
        QVERIFY2(errors.isEmpty(), qPrintable(name + QStringLiteral(": ") + errors + QLatin1Char('\n') + texts[i]));
        // The result has exactly the columns, with the types, the assembler reads.
        std::map<QString, QString> want;
        for (const ResultColumn& c : queries[i].resultColumns())
            want[c.name] = QString::fromLatin1(kqlTypeName(c.type).data());
        const auto got = columnsOf(results[i]);
        for (const auto& [column, type] : want) {
            QVERIFY2(got.count(column), qPrintable(name + QStringLiteral(": no column ") + column));
            QVERIFY2(got.at(column) == type,
                qPrintable(name + QStringLiteral(": ") + column + QStringLiteral(" is ") + got.at(column)
                    + QStringLiteral(", expected ") + type));
        }
        if (queries[i].kind != QueryKind::SituationSamples && queries[i].kind != QueryKind::Detail
            && queries[i].kind != QueryKind::LastSuccess)
            QCOMPARE(got.size(), want.size());
    }
    // Values from responses stay whole string literals: each hostile value is one literal, read back exactly.
    for (size_t i = 0; i < queries.size(); ++i) {
        if (queries[i].situations.empty() && queries[i].targets.empty()) continue;
        QStringList strings;
        for (const auto& s : results[i]["strings"]) strings << QString::fromStdString(s.get<std::string>());
        for (const QString& h : hostile()) QVERIFY2(strings.contains(h), qPrintable(queries[i].describe()));
    }
}

void TestLaQueries::analyzerCatchesAColumnATableLacks()
{
    // If CA Lens believed the service-principal table had AppDisplayName, its leg would name that column.
    const AlteredTables wrong(2, "AppDisplayName", {}, KqlType::String);
    LaQuery q;
    q.kind = QueryKind::TopApps;
    q.window = { kStart, kStart + kDay };
    const QString text = q.text(wrong.tables);
    QVERIFY(text != q.text());
    const nlohmann::json results = check({ text, q.text() });
    if (results.is_string()) QSKIP(results.get<std::string>().c_str());
    const QString errors = errorsOf(results[0]);
    QVERIFY2(errors.contains(QLatin1String("KS142")) && errors.contains(QLatin1String("'AppDisplayName'")),
        qPrintable(errors));
    QVERIFY(errorsOf(results[1]).isEmpty());
}

void TestLaQueries::analyzerCatchesAnUnconvertedTextColumn()
{
    // Declared dynamic where the non-interactive table really keeps JSON text: no todynamic() in its leg, the
    // union then holds two columns of different types and the name no longer resolves. (The analyzer unifies such
    // a clash when the text leg comes last, so the check relies on the leg order SigninLogs first.)
    const AlteredTables wrong(1, {}, "ConditionalAccessPolicies", KqlType::Dynamic);
    LaQuery q;
    q.kind = QueryKind::Policies;
    q.window = { kStart, kStart + kDay };
    const QString text = q.text(wrong.tables);
    QCOMPARE(text.count(QLatin1String("= todynamic(ConditionalAccessPolicies)")), 2);
    QCOMPARE(q.text().count(QLatin1String("= todynamic(ConditionalAccessPolicies)")), 3);
    const nlohmann::json results = check({ text });
    if (results.is_string()) QSKIP(results.get<std::string>().c_str());
    const QString errors = errorsOf(results[0]);
    QVERIFY2(
        errors.contains(QLatin1String("'ConditionalAccessPolicies'")), qPrintable(errors + QLatin1Char('\n') + text));
}

void TestLaQueries::diagnosisQueriesPassTheAnalyzer()
{
    // The verification query of every fix of every incident of the demo tenant, and the fetch hints of pasted errors.
    Dataset d;
    SynthOptions o;
    o.signIns = 3000;
    synthesize(o, d);
    const Diagnoser diagnoser(d);
    QStringList texts;
    for (const Incident& inc : clusterIncidents(d))
        for (const Diagnosis::Fix& f : diagnoser.diagnose(inc.firstRow).fixes)
            if (!f.kql.isEmpty()) texts << f.kql;
    const int fixQueries = int(texts.size());
    QVERIFY(fixQueries > 5);
    for (const QString& pasted :
        { QStringLiteral("AADSTS53003: Access has been blocked by Conditional Access policies. Trace ID: "
                         "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 Correlation ID: 6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c "
                         "Timestamp: 2026-10-03 10:00:00Z"),
            QStringLiteral("AADSTS53003 Timestamp: 2026-10-03 10:00:00Z app id 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 "
                           "IP address: 203.0.113.7 Signed in as: \"; print 1 //@contoso.com") }) {
        const FetchHint hint = fetchHintFor(parseErrorText(pasted));
        QVERIFY(!hint.kql.isEmpty());
        texts << hint.kql;
    }
    const nlohmann::json results = check(texts);
    if (results.is_string()) QSKIP(results.get<std::string>().c_str());
    for (int i = 0; i < texts.size(); ++i)
        QVERIFY2(errorsOf(results[size_t(i)]).isEmpty(),
            qPrintable(errorsOf(results[size_t(i)]) + QLatin1Char('\n') + texts[i]));
}

QTEST_GUILESS_MAIN(TestLaQueries)
#include "tst_laqueries.moc"
