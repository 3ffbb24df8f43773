// SPDX-License-Identifier: MIT
// Incident clustering, "what changed", and verification of a fix.
#include "diagnosis/incidents.h"
#include "support/loader.h"
#include "synth/synthesize.h"

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
