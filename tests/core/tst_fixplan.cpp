// SPDX-License-Identifier: MIT
// The change model without a network: a change made on a live copy touches exactly its list, refuses when it
// no longer applies, its blast radius finds the sign-ins it frees besides the diagnosed ones, and the script
// rendered from it rebuilds nothing of the object it rewrites.
#include "fix/applychange.h"
#include "fix/blastradius.h"
#include "fix/fixscript.h"
#include "fix/planner.h"
#include "model/dataset.h"
#include "model/signinref.h"
#include "synth/synthesize.h"

#include <QRegularExpression>
#include <QTest>

using namespace calens;
using namespace calens::fix;
using json = nlohmann::json;

namespace {

constexpr const char* kPolicy = "1a2b3c4d-0000-4000-8000-000000000001";
constexpr const char* kUser = "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c";
constexpr const char* kNatLocation = "197f0394-9014-4967-9711-70ceea7e81f7"; // demo: Azure egress (NAT gateway)

json policy()
{
    return json::parse(R"j({"id":"1a2b3c4d-0000-4000-8000-000000000001","displayName":"Require MFA",
        "modifiedDateTime":"2026-10-01T00:00:00Z","state":"enabled",
        "conditions":{"users":{"includeUsers":["All"],"excludeUsers":["0e9a7c1d-2b3f-4c5d-8e6f-7a8b9c0d1e2f"],
            "excludeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"serviceProvider",
                "externalTenants":{"@odata.type":"#microsoft.graph.conditionalAccessAllExternalTenants","membershipKind":"all"}}},
          "applications":{"includeApplications":["All"]},"clientApplications":null,
          "platforms":null,"locations":null,"devices":{"includeDeviceStates":[]}},
        "grantControls":{"operator":"OR","builtInControls":["mfa"]}})j");
}

Change excludeUser()
{
    return Change { Change::Kind::ExcludeUser, QString::fromLatin1(kPolicy), QStringLiteral("Require MFA"),
        QString::fromLatin1(kUser), QStringLiteral("svc@contoso.com") };
}

} // namespace

class TestFixPlan : public QObject
{
    Q_OBJECT
private slots:
    void changeTouchesOnlyItsList();
    void refusesWhatNoLongerApplies_data();
    void refusesWhatNoLongerApplies();
    void blastRadiusFindsASecondIdentity();
    void scriptRebuildsNothing_data();
    void scriptRebuildsNothing();
};

void TestFixPlan::changeTouchesOnlyItsList()
{
    const json live = policy();
    QString why;
    const auto applied = applyChange(live, excludeUser(), &why);
    QVERIFY2(applied, qPrintable(why));
    const auto diff = diffObjects(live, applied->after);
    QCOMPARE(diff.size(), size_t(1));
    QCOMPARE(diff[0].path, std::string("conditions.users.excludeUsers"));
    QVERIFY(diff[0].after == json::array({ "0e9a7c1d-2b3f-4c5d-8e6f-7a8b9c0d1e2f", kUser }));
    // The PATCH carries the whole conditions of the live copy: the guest exclusion and the beta-only device
    // states travel with it untouched.
    QVERIFY(applied->patchBody.size() == 1 && applied->patchBody.contains("conditions"));
    QVERIFY(applied->patchBody["conditions"]["users"]["excludeGuestsOrExternalUsers"]
        == live["conditions"]["users"]["excludeGuestsOrExternalUsers"]);
    QVERIFY(applied->patchBody["conditions"]["devices"] == live["conditions"]["devices"]);
    // Rollback puts exactly the live property back.
    QVERIFY(restoreBody(live, excludeUser())["conditions"] == live["conditions"]);
}

void TestFixPlan::refusesWhatNoLongerApplies_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("why");
    const QByteArray p = QByteArray::fromStdString(policy().dump());
    QTest::newRow("already excluded") << QByteArray(p).replace("0e9a7c1d-2b3f-4c5d-8e6f-7a8b9c0d1e2f", kUser)
                                      << int(Change::Kind::ExcludeUser) << QString::fromLatin1(kUser)
                                      << "already excluded";
    QTest::newRow("a user policy does not target service principals")
        << p << int(Change::Kind::ExcludeServicePrincipal) << QString::fromLatin1(kUser)
        << "does not target service principals";
    QTest::newRow("an id not in its strict form")
        << p << int(Change::Kind::ExcludeUser) << QStringLiteral("u'; Remove-Item") << "strict form";
    QTest::newRow("a country location gets no range")
        << QByteArray(
               R"({"id":"1a2b3c4d-0000-4000-8000-000000000001","@odata.type":"#microsoft.graph.countryNamedLocation"})")
        << int(Change::Kind::AddIpRange) << QStringLiteral("203.0.113.9/32") << "not an IP ranges location";
    QTest::newRow("a scope id is not an address")
        << p << int(Change::Kind::AddIpRange) << QStringLiteral("fe80::1%eth0/128") << "strict form";
}

void TestFixPlan::refusesWhatNoLongerApplies()
{
    QFETCH(QByteArray, object);
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(QString, why);
    Change c { Change::Kind(kind), QString::fromLatin1(kPolicy), {}, value, {} };
    QString error;
    QVERIFY(!applyChange(json::parse(object.toStdString()), c, &error));
    QVERIFY2(error.contains(why), qPrintable(error));
}

void TestFixPlan::blastRadiusFindsASecondIdentity()
{
    // Demo tenant: an ADF integration runtime blocked from 52.174.88.84 by a workload-identity location policy.
    // Adding 52.174.88.0/24 to the trusted NAT location frees it, and also a Databricks job account (another
    // identity, another policy) signing in from 52.174.88.137: the blast radius must name that.
    Dataset d;
    SynthOptions o;
    o.seed = 1;
    synthesize(o, d);
    const uint32_t adf = d.findById("d11dc4c5-9681-441d-b8ef-9e3c0bb25822");
    QVERIFY(adf != UINT32_MAX);
    json before;
    for (const NamedLocation& n : d.namedLocations())
        if (n.id == kNatLocation) before = json::parse(n.json);
    QVERIFY(before.is_object());
    const Change c { Change::Kind::AddIpRange, QString::fromLatin1(kNatLocation), {}, QStringLiteral("52.174.88.0/24"),
        {} };
    QString why;
    const auto plan = planFix(d, "add-trusted-ip", QStringLiteral("t"), c, before, { adf }, &why);
    QVERIFY2(plan, qPrintable(why));
    QCOMPARE(plan->blast.fixed, std::vector<std::string> { "d11dc4c5-9681-441d-b8ef-9e3c0bb25822" });
    bool databricks = false;
    for (const auto& x : plan->blast.collateral)
        databricks
            |= x.identity == "svc-databricks-etl@contoso.com" && x.after == "notApplied" && x.before == "failure";
    QVERIFY2(databricks, qPrintable(plan->blast.summary.join(QLatin1Char('\n'))));
    QVERIFY(plan->blast.summary.join(QLatin1Char(' ')).contains(QLatin1String("svc-databricks-etl@contoso.com")));
    // A trusted location: the warning names every policy that sees it, not only the blocking one.
    QVERIFY(plan->warnings.join(QLatin1Char(' ')).contains(QLatin1String("All trusted locations")));
    QVERIFY(plan->blast.affectedPolicies.size() > 1);
}

void TestFixPlan::scriptRebuildsNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::newRow("exclude user") << int(Change::Kind::ExcludeUser) << QString::fromLatin1(kUser);
    QTest::newRow("exclude service principal")
        << int(Change::Kind::ExcludeServicePrincipal) << QString::fromLatin1(kUser);
    QTest::newRow("IPv4 range") << int(Change::Kind::AddIpRange) << QStringLiteral("203.0.113.9/32");
    QTest::newRow("IPv6 range") << int(Change::Kind::AddIpRange) << QStringLiteral("2001:db8:10::/64");
}

void TestFixPlan::scriptRebuildsNothing()
{
    QFETCH(int, kind);
    QFETCH(QString, value);
    const Change c { Change::Kind(kind), QString::fromLatin1(kPolicy), QStringLiteral("P"), value, {} };
    const QString ps
        = changeScript(c, QStringLiteral("https://graph.microsoft.com"), QStringLiteral("2026-10-01T00:00:00Z"));
    // Reads the live object (beta, as it writes), backs it up before it sends anything, refuses on drift.
    QVERIFY(ps.contains(QLatin1String("https://graph.microsoft.com/beta/identity/conditionalAccess/")));
    QVERIFY(ps.indexOf(QLatin1String("-Method GET")) < ps.indexOf(QLatin1String("Set-Content")));
    QVERIFY(ps.indexOf(QLatin1String("Set-Content")) < ps.indexOf(QLatin1String("-Method PATCH")));
    QVERIFY(ps.contains(QLatin1String("-ne $plannedModified -and -not $Force")));
    // The body is the live copy's top-level property, sent whole: no property of the Graph resources is
    // written out by hand (that is how the old scripts dropped guests, filters and beta-only fields).
    QVERIFY(ps.contains(QLatin1String("$body = @{ $topLevel = $live[$topLevel] }")));
    const QStringList properties { QStringLiteral("includeUsers"), QStringLiteral("excludeUsers"),
        QStringLiteral("includeGroups"), QStringLiteral("excludeGroups"), QStringLiteral("includeRoles"),
        QStringLiteral("excludeRoles"), QStringLiteral("includeGuestsOrExternalUsers"),
        QStringLiteral("excludeGuestsOrExternalUsers"), QStringLiteral("includeServicePrincipals"),
        QStringLiteral("excludeServicePrincipals"), QStringLiteral("servicePrincipalFilter"),
        QStringLiteral("includeApplications"), QStringLiteral("applicationFilter"), QStringLiteral("clientAppTypes"),
        QStringLiteral("platforms"), QStringLiteral("locations"), QStringLiteral("devices"), QStringLiteral("users"),
        QStringLiteral("clientApplications"), QStringLiteral("ipRanges"), QStringLiteral("isTrusted"),
        QStringLiteral("displayName"), QStringLiteral("grantControls"), QStringLiteral("sessionControls") };
    // Outside the one literal that names the changed path (and the description for people), none appears.
    QString code = ps;
    code.remove(QRegularExpression(QStringLiteral("\\$listPath = '(?:[^'\\n]|'')*'")));
    code.remove(QRegularExpression(QStringLiteral("\\$topLevel = '(?:[^'\\n]|'')*'")));
    code.remove(QRegularExpression(QStringLiteral("\\$description = '(?:[^'\\n]|'')*'")));
    for (const QString& p : properties)
        QVERIFY2(!code.contains(
                     QRegularExpression(QStringLiteral("\\b%1\\b").arg(p), QRegularExpression::CaseInsensitiveOption)),
            qPrintable(p));
    if (c.kind == Change::Kind::AddIpRange)
        QVERIFY(ps.contains(value.contains(QLatin1Char(':'))
                ? QLatin1String("$cidrType = '#microsoft.graph.iPv6CidrRange'")
                : QLatin1String("$cidrType = '#microsoft.graph.iPv4CidrRange'")));
}

QTEST_GUILESS_MAIN(TestFixPlan)
#include "tst_fixplan.moc"
