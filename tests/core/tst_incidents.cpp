// SPDX-License-Identifier: MIT
// Incident clustering, "what changed", and verification of a fix.
#include "diagnosis/diagnoser.h"
#include "diagnosis/facts.h"
#include "diagnosis/incidents.h"
#include "diagnosis/incidentwords.h"
#include "ingest/auditparser.h"
#include "query/incidenttreemodel.h"
#include "support/loader.h"
#include "support/testpaths.h"
#include "synth/synthesize.h"

#include <nlohmann/json.hpp>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace calens;
using namespace calens::test;

class TestIncidents : public QObject
{
    Q_OBJECT
private slots:
    void demoTenantClusters();
    void oneIncidentPerRootCause();
    void identitiesVerifiedOneByOne();
    void treeModelShowsNamesAsText();
    void gatewayIpChanged();
    void auditedChanges();
    void auditWithHugeLists();
    void verification();
    void cancel();

private:
    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("write");
        f.write(content);
        return path;
    }
    QTemporaryDir m_dir;
};

void TestIncidents::demoTenantClusters()
{
    Dataset d;
    synthesize({}, d);
    const auto incidents = clusterIncidents(d);
    QVERIFY(!incidents.empty());
    uint64_t total = 0, blocked = 0;
    std::set<std::string> causes;
    for (const Incident& i : incidents) {
        total += i.count;
        QCOMPARE(i.rows.size(), size_t(i.count));
        QVERIFY(i.firstMs <= i.lastMs);
        QCOMPARE(d.signIn(i.firstRow).createdMs(), i.firstMs);
        causes.insert(i.cause);
    }
    for (uint32_t r = 0; r < d.signInCount(); ++r)
        if (d.signIn(r).hasErrorCode() && isConditionalAccessBlock(d.signIn(r).errorCode())) ++blocked;
    QCOMPARE(total, blocked); // every blocked sign-in is in exactly one incident
    for (const char* c :
        { "device-not-compliant", "mfa-non-interactive", "untrusted-location", "workload-identity-not-excluded",
            "identity-risk", "block-policy", "approved-app-required", "authentication-strength", "terms-of-use" })
        QVERIFY2(causes.count(c), c);
    for (size_t i = 1; i < incidents.size(); ++i)
        QVERIFY(incidents[i - 1].count >= incidents[i].count); // biggest first

    // One incident per root cause: each blocked sign-in diagnosed on its own (no cache) gives a cause and a
    // blocking policy; there are as many incidents as distinct pairs, and each sign-in is in its pair's incident.
    const Diagnoser diagnoser(d);
    std::map<std::pair<std::string, QString>, std::set<uint32_t>> pairs;
    for (uint32_t r = 0; r < d.signInCount(); ++r) {
        if (!d.signIn(r).hasErrorCode() || !isConditionalAccessBlock(d.signIn(r).errorCode())) continue;
        const Diagnosis diag = diagnoser.diagnose(r, {}, Diagnoser::Detail::NoFixes);
        QString policy;
        for (const auto& p : diag.blockingPolicies)
            if (p.id == diag.causes.front().policyId || diag.causes.front().policyId.isEmpty()) {
                policy = p.id;
                break;
            }
        pairs[{ diag.cause, policy }].insert(r);
    }
    QCOMPARE(incidents.size(), pairs.size());
    qInfo("demo tenant: %llu blocked sign-ins in %zu incidents", (unsigned long long)blocked, incidents.size());
    for (const Incident& i : incidents) {
        const auto pair = pairs.find({ i.cause, i.policyId });
        QVERIFY2(pair != pairs.end(), i.cause.c_str());
        QCOMPARE(std::set<uint32_t>(i.rows.begin(), i.rows.end()), pair->second); // nothing lost, nothing foreign
        // Its identities split its sign-ins between them, each sign-in under the identity that signed in.
        uint64_t byIdentity = 0, byApp = 0;
        std::set<QString> keys;
        for (const IncidentIdentity& who : i.identities) {
            byIdentity += who.count;
            QCOMPARE(who.rows.size(), size_t(who.count));
            QVERIFY(keys.insert(who.kind + who.id).second); // each identity once
            QVERIFY(!who.apps.empty());
            QCOMPARE(d.signIn(who.firstRow).createdMs(), who.firstMs);
            QCOMPARE(q(d.signIn(who.firstRow).str(SF::AppId)), i.apps[who.apps.front()].appId);
            for (uint32_t row : who.rows) {
                const FactSheet sheet(d, row);
                QCOMPARE(sheet.principalId(), who.id);
                QCOMPARE(identityOf(i, row), &who);
                QVERIFY(d.signIn(row).createdMs() >= who.firstMs && d.signIn(row).createdMs() <= who.lastMs);
            }
        }
        for (const IncidentApp& app : i.apps) byApp += app.count;
        QCOMPARE(byIdentity, i.count);
        QCOMPARE(byApp, i.count);
        QCOMPARE(&firstIdentity(i), identityOf(i, i.firstRow));
        for (size_t w = 1; w < i.identities.size(); ++w)
            QVERIFY(i.identities[w - 1].count >= i.identities[w].count); // most blocked first
    }
    // The demo's headline: the Power BI refresh accounts blocked by the MFA policy are one incident.
    const auto mfa = std::find_if(incidents.begin(), incidents.end(), [](const Incident& i) {
        return i.cause == "mfa-non-interactive" && i.policyName.contains(QLatin1String("Power BI"));
    });
    QVERIFY(mfa != incidents.end());
    QVERIFY(mfa->identities.size() >= 2);
}

static QByteArray workload(
    const char* id, const char* time, int code, const char* sp, const char* app, const char* policy, const char* result)
{
    return QByteArray("{\"id\":\"") + id + "\",\"createdDateTime\":\"" + time + "\",\"servicePrincipalId\":\"" + sp
        + "\",\"servicePrincipalName\":\"" + sp + " job\",\"appId\":\"" + app + "\",\"appDisplayName\":\"" + app
        + " app\",\"resourceId\":\"res-pbi\",\"resourceDisplayName\":\"Power BI Service\","
          "\"signInEventTypes\":[\"servicePrincipal\"],\"ipAddress\":\"203.0.113.50\",\"status\":{\"errorCode\":"
        + QByteArray::number(code) + "},\"conditionalAccessStatus\":\"" + (code ? "failure" : "success")
        + "\",\"appliedConditionalAccessPolicies\":[{\"id\":\"" + policy + "\",\"displayName\":\"Policy " + policy
        + "\",\"enforcedGrantControls\":[\"Block\"],\"result\":\"" + result
        + "\",\"conditionsSatisfied\":\"application,servicePrincipals,location\"}]}";
}

void TestIncidents::oneIncidentPerRootCause()
{
    // Three service principals outside the trusted locations, two policies: one incident per policy, the
    // identities (and their apps) inside, each with its own story of what changed.
    const QByteArray page = "{\"value\":["
        + workload("a0", "2026-10-05T08:00:00Z", 0, "sp-a", "app-1", "p-loc", "notApplied") + ","
        + workload("a1", "2026-10-06T08:00:00Z", 53003, "sp-a", "app-1", "p-loc", "failure") + ","
        + workload("a2", "2026-10-06T09:00:00Z", 53003, "sp-a", "app-2", "p-loc", "failure") + ","
        + workload("b1", "2026-10-06T07:00:00Z", 53003, "sp-b", "app-1", "p-loc", "failure") + ","
        + workload("b2", "2026-10-06T10:00:00Z", 53003, "sp-b", "app-1", "p-loc", "failure") + ","
        + workload("b3", "2026-10-06T11:00:00Z", 53003, "sp-b", "app-1", "p-loc", "failure") + ","
        + workload("c1", "2026-10-06T12:00:00Z", 53003, "sp-c", "app-3", "p-other", "failure") + "]}";
    const Loaded l = load(write(QStringLiteral("group.json"), page));
    auto incidents = clusterIncidents(*l.dataset);
    QCOMPARE(incidents.size(), size_t(2));
    const Incident& loc = incidents[0];
    QCOMPARE(loc.policyId, QStringLiteral("p-loc"));
    QCOMPARE(loc.count, uint64_t(5));
    QCOMPARE(loc.identities.size(), size_t(2));
    QCOMPARE(loc.identities[0].id, QStringLiteral("sp-b")); // most blocked first
    QCOMPARE(loc.identities[0].count, uint64_t(3));
    QCOMPARE(loc.identities[1].id, QStringLiteral("sp-a"));
    QCOMPARE(loc.identities[1].apps.size(), size_t(2)); // one identity, two apps
    QCOMPARE(loc.apps.size(), size_t(2));
    QCOMPARE(loc.apps[0].appId, QStringLiteral("app-1"));
    QCOMPARE(loc.apps[0].count, uint64_t(4));
    QCOMPARE(loc.firstRow, l.dataset->findById("b1")); // the incident began with sp-b
    QCOMPARE(&firstIdentity(loc), &loc.identities[0]);
    QCOMPARE(identitiesInWords(loc), QStringLiteral("2 service principals"));
    QCOMPARE(identitiesNamed(loc), QStringLiteral("sp-b job and sp-a job"));
    QCOMPARE(appsInWords(loc), QStringLiteral("app-1 app and app-2 app"));
    QCOMPARE(incidents[1].policyId, QStringLiteral("p-other"));

    // "What changed" is told per identity: sp-a had a success before its first block, sp-b had none.
    explainChanges(*l.dataset, incidents);
    QCOMPARE(loc.identities[1].lastSuccessRow, l.dataset->findById("a0"));
    QVERIFY(loc.identities[1].changes.join(QLatin1Char('\n')).contains(QLatin1String("was notApplied at the last")));
    QCOMPARE(loc.identities[0].lastSuccessRow, UINT32_MAX);
    QVERIFY(loc.identities[0].changes.front().startsWith(QLatin1String("No earlier successful sign-in of sp-b job")));
    const QString details = incidentDetails(loc);
    QVERIFY2(details.contains(QLatin1String("What changed for sp-b job")), qPrintable(details));
    QVERIFY(incidentDetails(loc, &loc.identities[1]).contains(QLatin1String("What changed for sp-a job")));
}

void TestIncidents::treeModelShowsNamesAsText()
{
    // A hostile policy and service principal name: the tree shows them as they are, its tooltips never render them.
    const QByteArray page = "{\"value\":["
        + workload("h1", "2026-10-06T08:00:00Z", 53003, "<b>sp</b>", "app-1", "<img src=x onerror=alert(1)>", "failure")
        + ","
        + workload("h2", "2026-10-06T09:00:00Z", 53003, "sp-2", "app-1", "<img src=x onerror=alert(1)>", "failure")
        + "]}";
    const Loaded l = load(write(QStringLiteral("hostile.json"), page));
    IncidentTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidents(clusterIncidents(*l.dataset));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex incident = model.index(0, 0);
    QCOMPARE(model.rowCount(incident), 2);
    const QModelIndex policy = model.index(0, IncidentTreeModel::Policy);
    QCOMPARE(policy.data().toString(), QStringLiteral("Policy <img src=x onerror=alert(1)>"));
    const QString tip = policy.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("Policy &lt;img src=x onerror=alert(1)&gt;")), qPrintable(tip));
    QVERIFY(!tip.contains(QLatin1String("<img")));
    QModelIndex sp;
    for (int r = 0; r < model.rowCount(incident); ++r)
        if (model.index(r, 0, incident).data().toString().startsWith(QLatin1String("<b>")))
            sp = model.index(r, 0, incident);
    QVERIFY(sp.isValid());
    QCOMPARE(sp.data().toString(), QStringLiteral("<b>sp</b> job"));
    QVERIFY(!sp.data(Qt::ToolTipRole).toString().contains(QLatin1String("<b>")));
    QCOMPARE(model.identityAt(sp)->id, QStringLiteral("<b>sp</b>"));
    QCOMPARE(model.parent(sp), incident);
    QCOMPARE(model.index(0, IncidentTreeModel::SignIns).data().toULongLong(), 2ull);
}

void TestIncidents::identitiesVerifiedOneByOne()
{
    const QByteArray before = "{\"value\":["
        + workload("a1", "2026-10-06T08:00:00Z", 53003, "sp-a", "app-1", "p-loc", "failure") + ","
        + workload("b1", "2026-10-06T08:30:00Z", 53003, "sp-b", "app-1", "p-loc", "failure") + ","
        + workload("c1", "2026-10-06T09:00:00Z", 53003, "sp-c", "app-1", "p-loc", "failure") + "]}";
    const Loaded l = load(write(QStringLiteral("before3.json"), before));
    const auto incidents = clusterIncidents(*l.dataset);
    QCOMPARE(incidents.size(), size_t(1));
    QCOMPARE(incidents[0].identities.size(), size_t(3));
    const int64_t fixedAt = l.dataset->signIn(l.dataset->findById("c1")).createdMs() + 3600000;

    // sp-a got through after the fix, the others did not sign in yet: fixed so far, not fixed everywhere.
    const QByteArray partly = "{\"value\":["
        + workload("a2", "2026-10-06T11:00:00Z", 0, "sp-a", "app-1", "p-loc", "notApplied") + ","
        + workload("x2", "2026-10-06T11:00:00Z", 53003, "sp-x", "app-1", "p-loc", "failure") + "]}";
    const Loaded p = load(write(QStringLiteral("partly.json"), partly));
    Verification v = verifyIncident(*p.dataset, incidents[0], fixedAt);
    QCOMPARE(v.state, Verification::State::Fixed);
    QCOMPARE(v.identitiesFixed, uint64_t(1));
    QCOMPARE(v.identitiesUnseen, uint64_t(2)); // sp-x is not one of the incident's identities
    QVERIFY2(v.text.startsWith(QLatin1String("Fixed so far: the latest sign-ins of 1 of the 3 identities")),
        qPrintable(v.text));

    // sp-b is still blocked: not fixed, and the text names who.
    const QByteArray bad = "{\"value\":["
        + workload("a2", "2026-10-06T11:00:00Z", 0, "sp-a", "app-1", "p-loc", "notApplied") + ","
        + workload("b2", "2026-10-06T11:30:00Z", 53003, "sp-b", "app-1", "p-loc", "failure") + "]}";
    const Loaded b = load(write(QStringLiteral("bad3.json"), bad));
    v = verifyIncident(*b.dataset, incidents[0], fixedAt);
    QCOMPARE(v.state, Verification::State::StillFailing);
    QCOMPARE(v.identitiesFailing, uint64_t(1));
    QVERIFY2(v.text.contains(QLatin1String("1 of the 3 identities were still blocked")), qPrintable(v.text));
    QVERIFY(v.text.contains(QLatin1String("sp-b job")));
    QCOMPARE(v.latestRow, b.dataset->findById("b2"));

    // In the same data, each identity is judged after its own last block: nobody signed in since.
    v = verifyIncident(*l.dataset, incidents[0], INT64_MIN);
    QCOMPARE(v.state, Verification::State::NoSignInYet);
    QVERIFY2(v.text.contains(QLatin1String("none of the 3 identities signed in after their last block")),
        qPrintable(v.text));

    // The incident of one sign-in: that identity and app only.
    const Incident one = signInIncident(*l.dataset, l.dataset->findById("b1"));
    QCOMPARE(one.identities.size(), size_t(1));
    QCOMPARE(one.identities[0].id, QStringLiteral("sp-b"));
    QCOMPARE(verifyIncident(*b.dataset, one, fixedAt).state, Verification::State::StillFailing);
}

static QByteArray signIn(const char* id, const char* time, int code, const char* ip, const char* result)
{
    return QByteArray("{\"id\":\"") + id + "\",\"createdDateTime\":\"" + time
        + "\",\"servicePrincipalId\":\"sp-gw\",\"servicePrincipalName\":\"Power BI gateway\",\"appId\":\"app-gw\","
          "\"resourceId\":\"res-pbi\",\"resourceDisplayName\":\"Power BI "
          "Service\",\"signInEventTypes\":[\"servicePrincipal\"],\"ipAddress\":\""
        + ip + "\",\"status\":{\"errorCode\":" + QByteArray::number(code) + "},\"conditionalAccessStatus\":\""
        + (code ? "failure" : "success")
        + "\",\"appliedConditionalAccessPolicies\":[{\"id\":\"p-loc\",\"displayName\":\"Workload identities outside "
          "trusted locations\","
          "\"enforcedGrantControls\":[\"Block\"],\"result\":\""
        + result + "\",\"conditionsSatisfied\":\"application,servicePrincipals,location\"}]}";
}

void TestIncidents::gatewayIpChanged()
{
    const QByteArray page
        = "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":["
        + signIn("a", "2026-10-05T08:00:00Z", 0, "198.51.100.20", "notApplied") + ","
        + signIn("b", "2026-10-06T08:00:00Z", 53003, "203.0.113.50", "failure") + ","
        + signIn("c", "2026-10-06T09:00:00Z", 53003, "203.0.113.50", "failure") + "]}";
    const QByteArray locations
        = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/"
          "namedLocations\",\"value\":["
          "{\"@odata.type\":\"#microsoft.graph.ipNamedLocation\",\"id\":\"loc\",\"displayName\":\"Gateway "
          "egress\",\"isTrusted\":true,"
          "\"modifiedDateTime\":\"2026-10-05T17:30:00Z\",\"ipRanges\":[{\"cidrAddress\":\"198.51.100.0/24\"}]}]}";
    const Loaded l
        = load(QStringList { write(QStringLiteral("s.json"), page), write(QStringLiteral("l.json"), locations) });
    auto incidents = clusterIncidents(*l.dataset);
    QCOMPARE(incidents.size(), size_t(1));
    Incident& inc = incidents[0];
    QCOMPARE(inc.count, uint64_t(2));
    QCOMPARE(inc.cause, std::string("untrusted-location"));
    QCOMPARE(inc.identities.size(), size_t(1));
    QCOMPARE(inc.identities.front().id, QStringLiteral("sp-gw"));
    QCOMPARE(inc.policyName, QStringLiteral("Workload identities outside trusted locations"));
    explainChanges(*l.dataset, incidents);
    QCOMPARE(inc.identities.front().lastSuccessRow, l.dataset->findById("a"));
    const QString changes = inc.identities.front().changes.join(QLatin1Char('\n'));
    QVERIFY2(changes.contains(QLatin1String("changed from 198.51.100.20 (trusted) to 203.0.113.50 (not trusted)")),
        qPrintable(changes));
    QVERIFY(changes.contains(QLatin1String("was notApplied at the last success")));
    QVERIFY(changes.contains(QLatin1String("Named location 'Gateway egress' was modified at 2026-10-05T17:30:00Z")));
}

void TestIncidents::auditedChanges()
{
    // The audit log says who changed what between the last success and the first failure.
    const QByteArray page
        = "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":["
        + signIn("a", "2026-10-05T08:00:00Z", 0, "203.0.113.50", "reportOnlyFailure") + ","
        + signIn("b", "2026-10-06T08:00:00Z", 53003, "203.0.113.50", "failure") + "]}";
    const QString audits = testData(QStringLiteral("audits/directory-audits-page.json"));
    const Loaded l = load(QStringList { write(QStringLiteral("s.json"), page), audits });
    QCOMPARE(l.reports[1].format, Format::DirectoryAudits);
    QCOMPARE(int(l.reports[1].records), 3); // the group change is not about Conditional Access
    QVERIFY(l.reports[1].warnings.join(QLatin1Char('\n')).contains(QLatin1String("1 audit record(s) not about")));
    const auto& changes = l.dataset->changes();
    QCOMPARE(changes.size(), size_t(3));
    QCOMPARE(QString::fromStdString(changes[0].id), QStringLiteral("Policy_0004")); // oldest first
    const DirectoryChange& update = changes[2];
    QCOMPARE(QString::fromStdString(update.actor), QStringLiteral("alice@contoso.com"));
    QCOMPARE(QString::fromStdString(update.targetId), QStringLiteral("p-loc"));
    QCOMPARE(int(update.details.size()), 2); // the timestamp is not a change worth naming
    QCOMPARE(QString::fromStdString(update.details[0]),
        QStringLiteral("state: enabledForReportingButNotEnforced → enabled"));
    QCOMPARE(QString::fromStdString(update.details[1]),
        QStringLiteral("conditions.clientApplications.excludeServicePrincipals: removed sp-gw"));
    QCOMPARE(QString::fromStdString(changes[1].actor), QStringLiteral("Network sync automation"));
    QCOMPARE(QString::fromStdString(changes[1].details.at(0)), QStringLiteral("ipRanges: removed 203.0.113.0/24"));

    auto incidents = clusterIncidents(*l.dataset);
    QCOMPARE(incidents.size(), size_t(1));
    explainChanges(*l.dataset, incidents);
    const QString text = incidents[0].identities.front().changes.join(QLatin1Char('\n'));
    QVERIFY2(
        text.contains(QString::fromUtf8("Update conditional access policy 'Workload identities outside trusted "
                                        "locations' at 2026-10-05T18:00:00Z by alice@contoso.com: state: "
                                        "enabledForReportingButNotEnforced → enabled; conditions.clientApplications."
                                        "excludeServicePrincipals: removed sp-gw.")),
        qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Update named location 'Gateway egress' at 2026-10-05T17:30:00Z by Network "
                                        "sync automation")));
    QVERIFY(!text.contains(QLatin1String("2026-09-01"))); // before the last success: not part of this story
    // The policy's own change comes first.
    QVERIFY(text.indexOf(QLatin1String("Update conditional access policy"))
        < text.indexOf(QLatin1String("named location")));
}

void TestIncidents::auditWithHugeLists()
{
    // A policy excluding 200,000 users, two of them removed: compared in linear time, shown by example.
    std::string before = "{\"state\":\"enabled\",\"excludeUsers\":[", after = before;
    for (int i = 0; i < 200000; ++i) {
        const std::string id = (i ? ",\"u" : "\"u") + std::to_string(i) + "\"";
        before += id;
        if (i != 7 && i != 9) after += id;
    }
    before += "]}";
    after += "]}";
    nlohmann::json audit = { { "id", "x" }, { "activityDisplayName", "Update conditional access policy" },
        { "activityDateTime", "2026-10-05T18:00:00Z" }, { "category", "Policy" },
        { "targetResources",
            { { { "id", "p" }, { "displayName", "P" },
                { "modifiedProperties",
                    { { { "displayName", "ConditionalAccessPolicy" }, { "oldValue", before },
                        { "newValue", after } } } } } } } };
    QString error;
    bool conditionalAccess = false;
    const auto change = parseDirectoryAudit(audit.dump(), &error, &conditionalAccess);
    QVERIFY2(change, qPrintable(error));
    QVERIFY(conditionalAccess);
    QCOMPARE(int(change->details.size()), 1);
    QCOMPARE(QString::fromStdString(change->details[0]), QStringLiteral("excludeUsers: removed u7, u9"));
}

void TestIncidents::verification()
{
    const QByteArray before
        = "{\"value\":[" + signIn("b", "2026-10-06T08:00:00Z", 53003, "203.0.113.50", "failure") + "]}";
    const Loaded l = load(write(QStringLiteral("before.json"), before));
    const auto incidents = clusterIncidents(*l.dataset);
    QCOMPARE(incidents.size(), size_t(1));
    const int64_t fixedAt = l.dataset->signIn(0).createdMs() + 3600000;

    const Loaded none = load(write(QStringLiteral("none.json"), before));
    QCOMPARE(verifyIncident(*none.dataset, incidents[0], fixedAt).state, Verification::State::NoSignInYet);

    const QByteArray stillBad
        = "{\"value\":[" + signIn("x", "2026-10-06T10:00:00Z", 53003, "203.0.113.50", "failure") + "]}";
    const Loaded bad = load(write(QStringLiteral("bad.json"), stillBad));
    const Verification vb = verifyIncident(*bad.dataset, incidents[0], fixedAt);
    QCOMPARE(vb.state, Verification::State::StillFailing);
    QVERIFY(vb.text.startsWith(QLatin1String("Not fixed")));

    const QByteArray good = "{\"value\":[" + signIn("x", "2026-10-06T10:00:00Z", 53003, "203.0.113.50", "failure") + ","
        + signIn("y", "2026-10-06T11:00:00Z", 0, "203.0.113.50", "notApplied") + "]}";
    const Loaded ok = load(write(QStringLiteral("good.json"), good));
    const Verification vg = verifyIncident(*ok.dataset, incidents[0], fixedAt);
    QCOMPARE(vg.state, Verification::State::Fixed);
    QCOMPARE(vg.successes, uint64_t(1));
    QCOMPARE(vg.failures, uint64_t(1));
}

void TestIncidents::cancel()
{
    Dataset d;
    synthesize({}, d);
    std::atomic<bool> stop { true };
    QVERIFY(clusterIncidents(d, &stop).empty());
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
