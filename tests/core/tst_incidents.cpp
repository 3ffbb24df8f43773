// SPDX-License-Identifier: MIT
// Incident clustering, "what changed", and verification of a fix.
#include "diagnosis/incidents.h"
#include "ingest/auditparser.h"
#include "support/loader.h"
#include "support/testpaths.h"
#include "synth/synthesize.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace calens;
using namespace calens::test;

class TestIncidents : public QObject
{
    Q_OBJECT
private slots:
    void demoTenantClusters();
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
    QCOMPARE(inc.principalId, QStringLiteral("sp-gw"));
    QCOMPARE(inc.policyName, QStringLiteral("Workload identities outside trusted locations"));
    explainChanges(*l.dataset, incidents);
    QCOMPARE(inc.lastSuccessRow, l.dataset->findById("a"));
    const QString changes = inc.changes.join(QLatin1Char('\n'));
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
    const QString text = incidents[0].changes.join(QLatin1Char('\n'));
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
