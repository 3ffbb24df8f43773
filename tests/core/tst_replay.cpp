// SPDX-License-Identifier: MIT
// Fidelity measured on the data: the offline evaluation replayed over logged sign-ins agrees with the results the
// log gives each policy. On the synthetic tenant, whose log comes from its own, separate evaluator (the oracle),
// there must be no real contradiction; what the log cannot tell (group membership) is counted apart.
#include "support/loader.h"
#include "synth/synthesize.h"
#include "whatif/logcompare.h"
#include "whatif/replay.h"
#include "whatif/replayjson.h"
#include "whatif/whatifevaluator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace calens;
using namespace calens::test;
using namespace calens::whatif;
using J = nlohmann::json;

class TestReplay : public QObject
{
    Q_OBJECT
private slots:
    void demoTenantHasNoContradiction();
    void contradictionAndUnsettledAreApart();
    void contractJson();
};

void TestReplay::demoTenantHasNoContradiction()
{
    SynthOptions o; // the demo tenant: calens synth --seed 1 --sign-ins 2000
    o.seed = 1;
    o.signIns = 2000;
    Dataset demo;
    synthesize(o, demo);
    const ReplayReport r = replayLog(demo);
    QString first;
    for (const auto& e : r.examples)
        if (e.contradiction) {
            first = QString::fromStdString(
                e.policyName + " logged " + e.logged + ", evaluated " + e.evaluated + " by " + e.decidedBy + ": ");
            for (const auto& d : e.details) first += QString::fromStdString(d) + QLatin1String(" | ");
            break;
        }
    QVERIFY2(r.total.contradictions == 0, qPrintable(first));
    QVERIFY(r.signIns > 1500);
    QCOMPARE(r.total.pairs, r.total.agree + r.total.notEnoughInformation + r.total.contradictions);
    QVERIFY(r.total.agree > r.total.pairs / 2);
    QVERIFY(r.notEvaluated > 0); // wrong passwords: not compared
    qInfo("demo tenant: %llu sign-ins, %llu pairs, %.1f%% agree, %llu not enough information, %llu contradictions",
        (unsigned long long)r.signIns, (unsigned long long)r.total.pairs, 100.0 * r.agreement(),
        (unsigned long long)r.total.notEnoughInformation, (unsigned long long)r.total.contradictions);
    for (const auto& [reason, t] : r.byCondition)
        if (t.decided) qInfo("  %s decided %llu", reason.c_str(), (unsigned long long)t.decided);
}

void TestReplay::contradictionAndUnsettledAreApart()
{
    // Three Graph beta sign-ins of one user against two policy definitions (formats.md §1.4, §2.1):
    // r1: the log applied "Block contractors" though today's definition excludes the user -> a contradiction
    //     decided by users; r2: "MFA except break-glass group" applied, and whether the user is in the excluded
    //     group is not in any log -> not enough information; r3: a wrong password -> not compared.
    QTemporaryDir dir;
    const QString signIns = dir.filePath(QStringLiteral("s.json")), policies = dir.filePath(QStringLiteral("p.json"));
    auto record = [](const char* id, int code, const char* ca, const J& applied) {
        return J { { "id", id }, { "createdDateTime", "2026-10-05T10:15:00Z" }, { "userId", "u-1" },
            { "userPrincipalName", "a@contoso.com" }, { "userType", "member" }, { "appId", "a1" },
            { "resourceId", "00000003-0000-0ff1-ce00-000000000000" }, { "ipAddress", "203.0.113.7" },
            { "clientAppUsed", "Browser" }, { "isInteractive", true }, { "signInEventTypes", { "interactiveUser" } },
            { "status", { { "errorCode", code } } }, { "conditionalAccessStatus", ca },
            { "deviceDetail", { { "operatingSystem", "Windows10" }, { "isCompliant", true } } },
            { "appliedConditionalAccessPolicies", applied } };
    };
    auto entry = [](const char* id, const char* result) {
        return J { { "id", id }, { "displayName", id }, { "enforcedGrantControls", J::array() },
            { "enforcedSessionControls", J::array() }, { "result", result } };
    };
    const J page { { "value",
        { record("r1", 53003, "failure", { entry("p-block", "failure"), entry("p-mfa", "success") }),
            record("r2", 0, "success", { entry("p-block", "notApplied"), entry("p-mfa", "success") }),
            record("r3", 50126, "notApplied", { entry("p-block", "notApplied"), entry("p-mfa", "notApplied") }) } } };
    const J defs { { "value",
        { { { "id", "p-block" }, { "displayName", "Block contractors" }, { "state", "enabled" },
              { "conditions",
                  { { "users", { { "includeUsers", { "All" } }, { "excludeUsers", { "u-1" } } } },
                      { "applications", { { "includeApplications", { "All" } } } } } },
              { "grantControls", { { "operator", "OR" }, { "builtInControls", { "block" } } } } },
            { { "id", "p-mfa" }, { "displayName", "MFA except break-glass" }, { "state", "enabled" },
                { "conditions",
                    { { "users", { { "includeUsers", { "All" } }, { "excludeGroups", { "g-breakglass" } } } },
                        { "applications", { { "includeApplications", { "All" } } } } } },
                { "grantControls", { { "operator", "OR" }, { "builtInControls", { "mfa" } } } } } } } };
    for (const auto& [path, content] : { std::pair { signIns, page }, std::pair { policies, defs } }) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(content.dump()));
    }
    const Loaded l = load({ signIns, policies });
    const ReplayReport r = replayLog(*l.dataset);
    QCOMPARE(r.signIns, uint64_t(2));
    QCOMPARE(r.notEvaluated, uint64_t(1));
    QCOMPARE(r.total.pairs, uint64_t(4));
    QCOMPARE(r.total.contradictions, uint64_t(1)); // r1 x p-block
    QCOMPARE(r.total.notEnoughInformation, uint64_t(2)); // r1 x p-mfa, r2 x p-mfa: the excluded group
    QCOMPARE(r.total.agree, uint64_t(1)); // r2 x p-block: not applied, and excluded today
    QCOMPARE(r.byCondition.at("users").decided, uint64_t(3));
    QCOMPARE(r.examples.front().signInId, std::string("r1"));
    QVERIFY(r.examples.front().contradiction);
    QCOMPARE(r.examples.front().decidedBy, std::string("users"));
    bool excludedDetail = false;
    for (const auto& d : r.examples.front().details)
        excludedDetail |= d.find("excluded (user u-1)") != std::string::npos;
    QVERIFY(excludedDetail);
    // whatif --sign-in-id on the wrong-password sign-in says why it is not compared, instead of disagreeing.
    const auto verdicts = WhatIfEvaluator(*l.dataset).evaluate(fromSignIn(l.byId("r3")));
    const auto notCompared = compareWithLog(l.byId("r3"), verdicts);
    QCOMPARE(notCompared.size(), size_t(1));
    QCOMPARE(notCompared.front().evaluation, std::string("notEvaluated"));
    QCOMPARE(r.byPolicy[0].tally.contradictions, uint64_t(1));
    QCOMPARE(r.byPolicy[1].tally.notEnoughInformation, uint64_t(2));
}

void TestReplay::contractJson()
{
    SynthOptions o;
    o.seed = 5;
    o.signIns = 300;
    Dataset d;
    synthesize(o, d);
    const auto j = toJson(replayLog(d));
    for (const char* key : { "signIns", "pairs", "agree", "notEnoughInformation", "contradictions", "byPolicy",
             "byCondition", "examples" })
        QVERIFY2(j.contains(key), key);
    for (const char* key : { "id", "displayName", "agree", "notEnoughInformation", "contradictions" })
        QVERIFY2(j["byPolicy"][0].contains(key), key);
    if (!j["examples"].empty())
        for (const char* key : { "signInId", "policyId", "logged", "evaluated", "decidedBy" })
            QVERIFY2(j["examples"][0].contains(key), key);
    QCOMPARE(j["pairs"].get<uint64_t>(),
        j["agree"].get<uint64_t>() + j["notEnoughInformation"].get<uint64_t>() + j["contradictions"].get<uint64_t>());
}

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
