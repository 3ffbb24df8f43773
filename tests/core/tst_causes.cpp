// SPDX-License-Identifier: MIT
// One row per documented cause and per rule the diagnosis once got wrong. Each record is a Graph beta signIn in
// the shape Microsoft documents (formats.md §1.3-1.4: appliedConditionalAccessPolicies with enforcedGrantControls as
// display strings, sessionControlsNotSatisfied, tokenProtectionStatusDetails, authenticationRequirementPolicies,
// originalTransferMethod, ipAddressFromResourceProvider, conditionalAccessAudiences), policies are Graph
// conditionalAccessPolicy JSON (§2.1) and named locations Graph namedLocation JSON (§2.2). The Microsoft Learn page
// behind each rule is named on its row.
#include "diagnosis/diagnoser.h"
#include "diagnosis/diagnosisjson.h"
#include "diagnosis/facts.h"
#include "diagnosis/flowchart.h"
#include "support/loader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <functional>

using namespace calens;
using namespace calens::test;
using J = nlohmann::json;

namespace {

const char* kTenant = "7a8b9c0d-1111-4222-8333-944455556666";
const char* kPartner = "0f0e0d0c-2222-4333-8444-955566667777";

// A non-interactive refresh of Power BI by a member, as the Graph beta list returns it.
J baseSignIn()
{
    return J::parse(R"({
      "id": "req-1", "createdDateTime": "2026-10-05T10:15:00Z", "correlationId": "corr-1",
      "userId": "6f3c0d2e-8a41-4b7e-9c55-1d2e3f4a5b6c", "userPrincipalName": "svc-refresh@contoso.com",
      "userDisplayName": "Refresh account", "userType": "member", "crossTenantAccessType": "none",
      "appId": "871c010f-5e61-4fb1-83ac-98610a7e9110", "appDisplayName": "Power BI Desktop",
      "resourceId": "00000009-0000-0000-c000-000000000000", "resourceDisplayName": "Power BI Service",
      "homeTenantId": "7a8b9c0d-1111-4222-8333-944455556666", "resourceTenantId": "7a8b9c0d-1111-4222-8333-944455556666",
      "ipAddress": "203.0.113.7", "clientAppUsed": "Mobile Apps and Desktop clients", "isInteractive": false,
      "signInEventTypes": ["nonInteractiveUser"], "authenticationProtocol": "none", "originalTransferMethod": "none",
      "status": {"errorCode": 53003, "failureReason": "Access has been blocked by Conditional Access policies."},
      "conditionalAccessStatus": "failure",
      "deviceDetail": {"deviceId": "", "displayName": "GW-VM-01", "operatingSystem": "Windows 10", "browser": "",
                       "isCompliant": false, "isManaged": false, "trustType": ""},
      "location": {"city": "Amsterdam", "state": "Noord-Holland", "countryOrRegion": "NL"},
      "riskLevelDuringSignIn": "none", "riskLevelAggregated": "none", "riskState": "none",
      "appliedConditionalAccessPolicies": []
    })");
}

J interactive(J s)
{
    s["isInteractive"] = true;
    s["signInEventTypes"] = { "interactiveUser" };
    return s;
}

J servicePrincipal(J s)
{
    s["userId"] = "";
    s["userPrincipalName"] = "";
    s["userDisplayName"] = "";
    s["servicePrincipalId"] = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    s["servicePrincipalName"] = "adf-contoso-prod";
    s["signInEventTypes"] = { "servicePrincipal" };
    s["clientCredentialType"] = "clientSecret";
    return s;
}

J applied(const char* id, const char* name, const char* result, J grants, const char* satisfied, J extra = J::object())
{
    J p { { "id", id }, { "displayName", name }, { "enforcedGrantControls", std::move(grants) },
        { "enforcedSessionControls", J::array() }, { "sessionControlsNotSatisfied", J::array() }, { "result", result },
        { "conditionsSatisfied", satisfied }, { "conditionsNotSatisfied", "none" } };
    for (auto it = extra.begin(); it != extra.end(); ++it) p[it.key()] = it.value();
    return p;
}

J withPolicies(J s, std::initializer_list<J> policies)
{
    s["appliedConditionalAccessPolicies"] = J::array();
    for (const J& p : policies) s["appliedConditionalAccessPolicies"].push_back(p);
    return s;
}

// A policy definition over "all users, all resources", as Graph lists conditionalAccessPolicy.
J definition(const char* id, const char* name, J conditions, J grant, J session = nullptr)
{
    J c = J::parse(R"({"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"]},
        "clientAppTypes":["all"]})");
    for (auto it = conditions.begin(); it != conditions.end(); ++it) c[it.key()] = it.value();
    return J { { "id", id }, { "displayName", name }, { "state", "enabled" }, { "conditions", c },
        { "grantControls", grant }, { "sessionControls", session } };
}

J block()
{
    return J { { "operator", "OR" }, { "builtInControls", { "block" } } };
}

const J kLocations = J::parse(R"json([
  {"@odata.type":"#microsoft.graph.ipNamedLocation","id":"loc-hq","displayName":"HQ egress","isTrusted":true,
   "ipRanges":[{"@odata.type":"#microsoft.graph.iPv4CidrRange","cidrAddress":"198.51.100.0/24"}]},
  {"@odata.type":"#microsoft.graph.countryNamedLocation","id":"loc-gps","displayName":"Allowed countries (GPS)",
   "countriesAndRegions":["NL","BE"],"includeUnknownCountriesAndRegions":false,"countryLookupMethod":"authenticatorAppGps"}
])json");

struct Case
{
    J signIn;
    J policies = J::array();
    J locations = J::array();
    J servicePrincipals = J::array();
};

} // namespace

Q_DECLARE_METATYPE(std::function<Case()>)

class TestCauses : public QObject
{
    Q_OBJECT
private slots:
    void causes_data();
    void causes();
    void everyCauseHasItsFixAndPage();
    void fixesUseTodaysPortalNames();
    void microsoftManagedPolicyIsNamed();
    void workloadNotesFollowTheWhatIf();

private:
    Diagnosis diagnose(const Case& c, const char* fileName = "signins.json");
    QTemporaryDir m_dir;
};

Diagnosis TestCauses::diagnose(const Case& c, const char* fileName)
{
    QStringList paths;
    auto write = [&](const QString& name, const J& content) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("write");
        f.write(QByteArray::fromStdString(content.dump()));
        paths << path;
    };
    write(QString::fromLatin1(fileName),
        J { { "@odata.context", "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns" },
            { "value", { c.signIn } } });
    if (!c.policies.empty()) write(QStringLiteral("policies.json"), J { { "value", c.policies } });
    if (!c.locations.empty()) write(QStringLiteral("locations.json"), J { { "value", c.locations } });
    if (!c.servicePrincipals.empty()) write(QStringLiteral("sps.json"), J { { "value", c.servicePrincipals } });
    const Loaded l = load(paths);
    for (const auto& r : l.reports)
        if (!r.error.isEmpty()) qFatal("load: %s", qPrintable(r.error));
    return Diagnoser(*l.dataset).diagnose(0);
}

void TestCauses::causes_data()
{
    QTest::addColumn<std::function<Case()>>("make");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<double>("minConfidence");
    QTest::addColumn<QString>("evidence"); // quoted by the steps or the cause
    auto row = [](const char* name, std::function<Case()> make, const char* cause, double conf, const char* evidence) {
        QTest::newRow(name) << make << QString::fromLatin1(cause) << conf << QString::fromUtf8(evidence);
    };

    // --- legacy authentication (block-legacy-authentication.md; the Microsoft-managed policy too) ---
    row(
        "legacy: IMAP client, managed policy, log only",
        [] {
            J s = interactive(baseSignIn());
            s["clientAppUsed"] = "IMAP4";
            return Case { withPolicies(s,
                { applied("p-leg", "Microsoft-managed: Block legacy authentication", "failure", { "Block" },
                    "application,users,clientType") }) };
        },
        "legacy-authentication", 0.85, "IMAP4");
    row(
        "legacy: Exchange ActiveSync, decided by the What-If on the definition",
        [] {
            J s = interactive(baseSignIn());
            s["clientAppUsed"] = "Exchange ActiveSync";
            return Case { withPolicies(s, { applied("p-leg", "Block legacy", "failure", { "Block" }, "263") }),
                { definition(
                    "p-leg", "Block legacy", { { "clientAppTypes", { "exchangeActiveSync", "other" } } }, block()) } };
        },
        "legacy-authentication", 0.85, "clientApps: exchangeActiveSync included");

    // --- authentication flows (concept-authentication-flows.md) ---
    row(
        "flow: device code flow sign-in",
        [] {
            J s = baseSignIn();
            s["originalTransferMethod"] = "deviceCodeFlow";
            s["authenticationProtocol"] = "deviceCode";
            return Case { withPolicies(s,
                { applied("p-dcf", "Block device code flow", "failure", { "Block" },
                    "application,users,authenticationFlows") }) };
        },
        "authentication-flow", 0.85, "deviceCode");
    row(
        "flow: protocol-tracked refresh after a device code sign-in",
        [] {
            J s = baseSignIn();
            s["originalTransferMethod"] = "deviceCodeFlow";
            s["authenticationProtocol"] = "oAuth2";
            return Case { withPolicies(s,
                { applied("p-dcf", "Block device code flow", "failure", { "Block" },
                    "application,users,authenticationFlows") }) };
        },
        "protocol-tracked-session", 0.8, "protocol tracked");

    // --- unknown or unsupported platform (howto-policy-unknown-unsupported-device.md) ---
    row(
        "platform: unrecognised OS against any-but-known",
        [] {
            J s = interactive(baseSignIn());
            s["deviceDetail"]["operatingSystem"] = "";
            s["deviceDetail"]["browser"] = "Rich Client 5.2";
            return Case { withPolicies(s,
                              { applied("p-plat", "Block unknown platforms", "failure", { "Block" },
                                  "application,users,devicePlatform") }),
                { definition("p-plat", "Block unknown platforms",
                    { { "platforms",
                        { { "includePlatforms", { "all" } },
                            { "excludePlatforms", { "android", "iOS", "windows", "macOS", "linux" } } } } },
                    block()) } };
        },
        "unsupported-platform", 0.8, "an unknown or unsupported platform");
    row(
        "platform: 50005 from the code alone",
        [] {
            J s = interactive(baseSignIn());
            s["status"]["errorCode"] = 50005;
            s.erase("appliedConditionalAccessPolicies");
            return Case { s };
        },
        "unsupported-platform", 0.45, "DevicePolicyError");

    // --- MFA for jobs: refresh tokens, ROPC, sign-in frequency (concept-session-lifetime.md, error codes) ---
    row(
        "mfa: 50076 for a refresh-token job is final",
        [] {
            J s = baseSignIn();
            s["status"]["errorCode"] = 50076;
            s["conditionalAccessStatus"] = "notApplied";
            return Case { s };
        },
        "mfa-non-interactive", 0.8, "no person at the prompt");
    row(
        "mfa: the refresh token carries no MFA claim",
        [] {
            J s = baseSignIn();
            s["authenticationRequirement"] = "singleFactorAuthentication";
            return Case { withPolicies(
                s, { applied("p-mfa", "Require MFA for Power BI", "failure", { "Mfa" }, "application,users") }) };
        },
        "mfa-non-interactive", 0.85, "carries no MFA claim");
    row(
        "mfa: a password (ROPC) grant cannot answer MFA",
        [] {
            J s = interactive(baseSignIn());
            s["authenticationProtocol"] = "ropc";
            return Case { withPolicies(
                s, { applied("p-mfa", "Require MFA for all users", "failure", { "Mfa" }, "application,users") }) };
        },
        "mfa-non-interactive", 0.85, "ROPC");
    row(
        "mfa: sign-in frequency not satisfied for a job",
        [] {
            J s = baseSignIn();
            return Case { withPolicies(s,
                { applied("p-sif", "MFA every 8 hours", "failure", { "Mfa" }, "application,users",
                    { { "enforcedSessionControls", { "SignInFrequency" } },
                        { "sessionControlsNotSatisfied", { "SignInFrequency" } } }) }) };
        },
        "sign-in-frequency", 0.8, "sign-in frequency among the session controls not satisfied");

    // --- token protection (concept-token-protection.md): SignInTokenProtection, formerly Binding ---
    row(
        "token protection: unbound, no device state (1002)",
        [] {
            J s = baseSignIn();
            s["tokenProtectionStatusDetails"]
                = { { "signInSessionStatus", "unbound" }, { "signInSessionStatusCode", 1002 } };
            return Case { withPolicies(s,
                { applied("p-tp", "Require token protection for Exchange and SharePoint", "failure", J::array(),
                    "application,users,devicePlatform,clientType",
                    { { "enforcedSessionControls", { "SignInTokenProtection" } },
                        { "sessionControlsNotSatisfied", { "SignInTokenProtection" } } }) }) };
        },
        "token-protection", 0.85, "no Microsoft Entra device state");
    row(
        "token protection: the older name Binding",
        [] {
            J s = baseSignIn();
            return Case { withPolicies(s,
                { applied("p-tp", "Token protection", "failure", J::array(), "application,users",
                    { { "enforcedSessionControls", { "Binding" } },
                        { "sessionControlsNotSatisfied", { "Binding" } } }) }) };
        },
        "token-protection", 0.85, "token protection among its session controls not satisfied");

    // --- location subtleties (concept-assignment-network.md, CAE strict enforcement, compliant network) ---
    const J locationBlock
        = applied("p-loc", "Block outside allowed locations", "failure", { "Block" }, "application,users,location");
    row(
        "location: outside the policy's locations, by the What-If",
        [locationBlock] {
            return Case { withPolicies(baseSignIn(), { locationBlock }),
                { definition("p-loc", "Block outside allowed locations",
                    { { "locations",
                        { { "includeLocations", { "All" } }, { "excludeLocations", { "AllTrusted" } } } } },
                    block()) },
                kLocations };
        },
        "untrusted-location", 0.85, "location: IP 203.0.113.7 included (any location)");
    row(
        "location: inside an excluded location yet failed -> the definition changed since",
        [locationBlock] {
            J s = baseSignIn();
            s["ipAddress"] = "198.51.100.20";
            return Case { withPolicies(s, { locationBlock }),
                { definition("p-loc", "Block outside allowed locations",
                    { { "locations", { { "includeLocations", { "All" } }, { "excludeLocations", { "loc-hq" } } } } },
                    block()) },
                kLocations };
        },
        "definition-changed", 0.55, "excluded (location HQ egress)");
    row(
        "location: IPv6 egress against IPv4-only ranges",
        [locationBlock] {
            J s = baseSignIn();
            s["ipAddress"] = "2001:db8:4411:2::15";
            return Case { withPolicies(s, { locationBlock }),
                { definition("p-loc", "Block outside allowed locations",
                    { { "locations",
                        { { "includeLocations", { "All" } }, { "excludeLocations", { "AllTrusted" } } } } },
                    block()) },
                kLocations };
        },
        "location-ipv6-egress", 0.8, "hold only IPv4 ranges");
    row(
        "location: GPS-based country",
        [locationBlock] {
            return Case { withPolicies(interactive(baseSignIn()), { locationBlock }),
                { definition("p-loc", "Block outside allowed locations",
                    { { "locations", { { "includeLocations", { "All" } }, { "excludeLocations", { "loc-gps" } } } } },
                    block()) },
                kLocations };
        },
        "location-gps", 0.75, "GPS");
    row(
        "location: strict location, the resource saw another address",
        [locationBlock] {
            J s = baseSignIn();
            s["ipAddress"] = "198.51.100.20";
            s["ipAddressFromResourceProvider"] = "203.0.113.99";
            return Case { withPolicies(s, { locationBlock }),
                { definition("p-loc", "Block outside allowed locations",
                    { { "locations",
                        { { "includeLocations", { "All" } }, { "excludeLocations", { "AllTrusted" } } } } },
                    block(), { { "continuousAccessEvaluation", { { "mode", "strictLocation" } } } }) },
                kLocations };
        },
        "location-cae-strict", 0.8, "ipAddressFromResourceProvider is \"203.0.113.99\"");
    row(
        "location: only the compliant network",
        [locationBlock] {
            return Case { withPolicies(baseSignIn(), { locationBlock }),
                { definition("p-loc", "Block outside allowed locations",
                    { { "locations",
                        { { "includeLocations", { "All" } },
                            { "excludeLocations", { "3d46dbda-8382-466a-856d-eb00cbc6b910" } } } } },
                    block()) },
                kLocations };
        },
        "location-compliant-network", 0.8, "Global Secure Access");

    // --- authentication context step-up (concept-conditional-access-cloud-apps.md; PIM, protected actions) ---
    row(
        "auth context: PIM activation asks for c1",
        [] {
            J s = interactive(baseSignIn());
            s["authenticationContextClassReferences"] = { { { "id", "c1" }, { "detail", "required" } } };
            return Case { withPolicies(s,
                              { applied("p-acr", "Phishing-resistant MFA for role activation", "failure",
                                  { "RequireAuthenticationStrength" }, "application,users") }),
                { definition("p-acr", "Phishing-resistant MFA for role activation",
                    { { "applications",
                        { { "includeApplications", J::array() },
                            { "includeAuthenticationContextClassReferences", { "c1" } } } } },
                    { { "operator", "OR" }, { "builtInControls", { "mfa" } } }) } };
        },
        "auth-context-step-up", 0.8, "c1");

    // --- guests and cross-tenant inbound trust (external-id/authentication-conditional-access.md) ---
    row(
        "guest: home-tenant MFA not trusted",
        [] {
            J s = interactive(baseSignIn());
            s["userType"] = "guest";
            s["crossTenantAccessType"] = "b2bCollaboration";
            s["homeTenantId"] = kPartner;
            return Case { withPolicies(
                s, { applied("p-mfa", "Require MFA for guests", "failure", { "Mfa" }, "application,users") }) };
        },
        "guest-inbound-trust", 0.65, "inbound cross-tenant trust");
    row(
        "guest: home-tenant compliant device not trusted",
        [] {
            J s = interactive(baseSignIn());
            s["userType"] = "Guest";
            s["crossTenantAccessType"] = "b2bCollaboration";
            s["homeTenantId"] = kPartner;
            return Case { withPolicies(s,
                { applied("p-dev", "Compliant device for all", "failure", { "RequireCompliantDevice" },
                    "application,users") }) };
        },
        "guest-inbound-trust", 0.7, "b2bCollaboration");
    // excludeGuestsOrExternalUsers counts: a guest job caught by a policy that excludes guests today -> stale.
    row(
        "exclusion of guests is read, and excluded-yet-failed means the definition changed",
        [] {
            J s = baseSignIn();
            s["userType"] = "guest";
            s["crossTenantAccessType"] = "b2bCollaboration";
            s["homeTenantId"] = kPartner;
            return Case { withPolicies(
                              s, { applied("p-blk", "Block Databricks", "failure", { "Block" }, "application,users") }),
                { definition("p-blk", "Block Databricks",
                    { { "users",
                        { { "includeUsers", { "All" } },
                            { "excludeGuestsOrExternalUsers",
                                { { "guestOrExternalUserTypes", "b2bCollaborationGuest" },
                                    { "externalTenants", { { "membershipKind", "all" } } } } } } } },
                    block()) } };
        },
        "definition-changed", 0.55, "guest or external user types b2bCollaborationGuest");

    // --- role-targeted policies (concept-conditional-access-users-groups.md) ---
    row(
        "role: a job account that holds an admin role",
        [] {
            return Case { withPolicies(baseSignIn(),
                { applied("p-adm", "Require phishing-resistant MFA for admins", "failure",
                    { "RequireAuthenticationStrength" }, "application,users",
                    { { "includeRulesSatisfied",
                        { { { "conditionalAccessCondition", "users" }, { "ruleSatisfied", "roleId" } } } } }) }) };
        },
        "role-targeted-policy", 0.8, "by a directory role");

    // --- not Conditional Access, yet blocking: security defaults, mandatory Azure MFA ---
    row(
        "security defaults named as the requirement's source",
        [] {
            J s = interactive(baseSignIn());
            s["status"]["errorCode"] = 50076;
            s["conditionalAccessStatus"] = "notApplied";
            s["authenticationRequirementPolicies"]
                = { { { "requirementProvider", "securityDefaults" }, { "detail", "Security defaults are enabled" } } };
            return Case { s };
        },
        "security-defaults", 0.85, "securityDefaults");
    row(
        "MFA policy asked a person at the browser: the prompt, not a refusal",
        [] {
            J s = interactive(baseSignIn());
            s["status"]["errorCode"] = 50074;
            return Case { withPolicies(
                s, { applied("p-mfa", "Require MFA for all users", "failure", { "Mfa" }, "application,users") }) };
        },
        "mfa-interrupt", 0.75, "multifactor authentication (or its registration) was required");
    row(
        "a 53003 of the Azure CLI with no failing policy is not mandatory MFA",
        [] {
            J s = baseSignIn();
            s["appId"] = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
            return Case { withPolicies(
                s, { applied("p-x", "Require MFA for Power BI", "notApplied", { "Mfa" }, "users") }) };
        },
        "unknown", 0.25, "did not fail for want of MFA");
    row(
        "mandatory MFA for Azure CLI",
        [] {
            J s = baseSignIn();
            s["appId"] = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
            s["appDisplayName"] = "Microsoft Azure CLI";
            s["resourceId"] = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
            s["status"]["errorCode"] = 50076;
            s["conditionalAccessStatus"] = "notApplied";
            return Case { withPolicies(
                s, { applied("p-x", "Require MFA for Power BI", "notApplied", { "Mfa" }, "users") }) };
        },
        "azure-mandatory-mfa", 0.7, "mandatory MFA for Azure");

    // --- look-alikes that are not Conditional Access (reference-error-codes.md, tenant-restrictions-v2.md) ---
    struct LookAlike
    {
        const char* name;
        int code;
        const char* cause;
        bool workload;
    };
    for (const LookAlike& a : { LookAlike { "look-alike 50055 password expired", 50055, "password-expired", false },
             LookAlike { "look-alike 50053 locked", 50053, "account-locked", false },
             LookAlike { "look-alike 50173 revoked", 50173, "token-revoked", false },
             LookAlike { "look-alike 700082 inactive refresh token", 700082, "refresh-token-expired", false },
             LookAlike { "look-alike 5000211 tenant restrictions", 5000211, "tenant-restrictions", true },
             LookAlike { "look-alike 7000222 client secret expired", 7000222, "client-secret-expired", true } }) {
        row(
            a.name,
            [a] {
                J s = a.workload ? servicePrincipal(baseSignIn()) : baseSignIn();
                s["status"]["errorCode"] = a.code;
                s["conditionalAccessStatus"] = "notApplied";
                return Case { s };
            },
            a.cause, 0.9, "Not Conditional Access");
    }

    // --- terms of use named by the agreement's display name (the log shape Entra writes) ---
    row(
        "terms of use: agreement named by display name, definition lists its id",
        [] {
            J s = interactive(baseSignIn());
            return Case { withPolicies(s,
                              { applied("p-tou", "Guests accept the terms", "failure", { "Contoso Guest Terms" },
                                  "application,users") }),
                { definition("p-tou", "Guests accept the terms", J::object(),
                    { { "operator", "OR" }, { "builtInControls", J::array() },
                        { "termsOfUse", { "ce580154-086a-40fd-91df-8a60abac81a0" } } }) } };
        },
        "terms-of-use", 0.8, "the log names the agreement \"Contoso Guest Terms\"");
}

void TestCauses::causes()
{
    QFETCH(std::function<Case()>, make);
    QFETCH(QString, cause);
    QFETCH(double, minConfidence);
    QFETCH(QString, evidence);
    const Diagnosis d = diagnose(make());
    QString all;
    for (const auto& s : d.steps) all += s.evidence.join(QLatin1Char('\n')) + QLatin1Char('\n');
    for (const auto& c : d.causes) all += c.evidence.join(QLatin1Char('\n')) + QLatin1Char('\n');
    QString path;
    for (const auto& s : d.steps)
        path
            += QString::fromStdString(s.id) + QLatin1Char('=') + QLatin1String(answerName(s.answer)) + QLatin1Char(' ');
    QVERIFY2(QString::fromStdString(d.cause) == cause,
        qPrintable(QStringLiteral("got %1 via %2\n%3").arg(QString::fromStdString(d.cause), path, all)));
    QVERIFY2(d.confidence >= minConfidence, qPrintable(QString::number(d.confidence)));
    QVERIFY2(all.contains(evidence), qPrintable(all));
    // Every cause comes with what to do, as data, and with every placeholder filled.
    QVERIFY(!d.fixes.empty());
    for (const auto& f : d.fixes) {
        QVERIFY(!f.title.isEmpty() && !f.portal.isEmpty() && !f.verify.isEmpty());
        for (const QString& t : { f.title, f.portal, f.verify }) QVERIFY2(!t.contains(QLatin1Char('{')), qPrintable(t));
    }
}

void TestCauses::everyCauseHasItsFixAndPage()
{
    const Flowchart& chart = Flowchart::builtIn();
    for (const auto& [id, step] : chart.steps) QVERIFY2(FactSheet::knows(step.fact), step.fact.c_str());
    QVERIFY(chart.causes.size() >= 34);
    for (const auto& [id, c] : chart.causes) {
        QVERIFY2(!c.title.empty() && !c.summary.empty(), id.c_str());
        if (id != "not-conditional-access") QVERIFY2(!c.fixes.empty(), id.c_str());
    }
    // The causes this release adds name the Microsoft Learn page they follow.
    QFile f(QStringLiteral(":/calens/diagnosis/flowchart.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const J j = J::parse(f.readAll().toStdString());
    for (const char* id : { "legacy-authentication", "authentication-flow", "protocol-tracked-session",
             "unsupported-platform", "sign-in-frequency", "token-protection", "location-gps", "location-ipv6-egress",
             "location-cae-strict", "location-compliant-network", "auth-context-step-up", "guest-inbound-trust",
             "role-targeted-policy", "security-defaults", "azure-mandatory-mfa", "definition-changed", "mfa-interrupt",
             "password-expired", "account-locked", "token-revoked", "refresh-token-expired", "tenant-restrictions",
             "client-secret-expired" }) {
        QVERIFY2(j["causes"].contains(id), id);
        QVERIFY2(j["causes"][id].value("doc", std::string()).find(".md") != std::string::npos, id);
    }
    // Microsoft's own texts name Conditional Access for these codes (reference-error-codes.md).
    for (int code : { 50076, 50079, 70043 }) QVERIFY(chart.codes.at(code).conditionalAccess);
}

void TestCauses::fixesUseTodaysPortalNames()
{
    // Today's Microsoft Entra admin center: Entra ID > Conditional Access, Entra ID > Monitoring & health,
    // ID Protection (managed-policies.md, concept-token-protection.md).
    for (const auto& [id, f] : Flowchart::builtIn().fixes) {
        const QString text = QString::fromStdString(f.portal);
        for (const char* old : { "Protection > Conditional Access", "Protection > Identity Protection",
                 "Monitoring > Sign-in logs", "Azure Active Directory", "Azure AD " })
            QVERIFY2(!text.contains(QLatin1String(old)),
                qPrintable(QString::fromStdString(id) + QLatin1String(": ") + text));
    }
    // The approved client app grant is retired (Microsoft Learn: migrate-approved-client-app): the fix moves the
    // policy to app protection policies rather than asking users for an approved app.
    const std::string approved = Flowchart::builtIn().fixes.at("use-approved-app").portal;
    QVERIFY(approved.find("Require app protection policy") != std::string::npos);
    QVERIFY(approved.find("retires") != std::string::npos);
    // riskyServicePrincipals/dismiss is in v1.0.
    J s = servicePrincipal(baseSignIn());
    s["riskLevelDuringSignIn"] = "high";
    const Diagnosis d = diagnose(Case { withPolicies(s,
        { applied("p-risk", "Block risky workload identities", "failure", { "Block" },
            "application,servicePrincipals,servicePrincipalRisk") }) });
    QCOMPARE(d.cause, std::string("identity-risk"));
    // Nothing is dismissed without investigation: the request reads the risk, the script dismisses only with -Dismiss.
    bool dismiss = false;
    for (const auto& f : d.fixes)
        if (f.powershell.contains(QLatin1String("riskyServicePrincipals/dismiss"))) {
            dismiss = true;
            QVERIFY(f.powershell.contains(
                QLatin1String("https://graph.microsoft.com/v1.0/identityProtection/riskyServicePrincipals/dismiss")));
            QVERIFY(f.powershell.contains(QLatin1String("if ($Dismiss)")));
            QCOMPARE(f.graphRequest.method, QStringLiteral("GET"));
            QVERIFY2(f.graphRequest.url.contains(QLatin1String("/v1.0/identityProtection/riskyServicePrincipals/")),
                qPrintable(f.graphRequest.url));
            QVERIFY(!f.powershell.contains(QLatin1String("MgBeta")));
        }
    QVERIFY(dismiss);
}

void TestCauses::microsoftManagedPolicyIsNamed()
{
    J s = interactive(baseSignIn());
    s["clientAppUsed"] = "Other clients; POP";
    const Diagnosis d = diagnose(Case { withPolicies(s,
        { applied("p-leg", "Microsoft-managed: Block legacy authentication", "failure", { "Block" },
            "application,users,clientType") }) });
    QCOMPARE(d.cause, std::string("legacy-authentication"));
    QVERIFY(d.notes.join(QLatin1Char(' ')).contains(QLatin1String("Microsoft-managed policy")));
    bool step = false;
    for (const auto& st : d.steps) step |= st.id == "managed-policy" && st.answer == Answer::Yes;
    QVERIFY(step);
    QCOMPARE(d.fixes.front().id, std::string("move-to-modern-auth"));
}

void TestCauses::workloadNotesFollowTheWhatIf()
{
    // Only single-tenant service principals registered in the tenant can be covered (workload-identity.md).
    J s = servicePrincipal(baseSignIn());
    const J policy = applied("p-wid", "Block service principals outside HQ", "failure", { "Block" },
        "application,servicePrincipals,location");
    auto sp = [](const char* owner, const char* audience) {
        return J { { "id", "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9" },
            { "appId", "a0000000-0000-0000-0000-000000000001" }, { "displayName", "adf-contoso-prod" },
            { "servicePrincipalType", "Application" }, { "appOwnerOrganizationId", owner },
            { "signInAudience", audience } };
    };
    Case own { withPolicies(s, { policy }) };
    own.servicePrincipals = J::array({ sp(kTenant, "AzureADMyOrg") });
    QVERIFY(diagnose(own)
                .notes.join(QLatin1Char(' '))
                .contains(QLatin1String("single-tenant app registered in this tenant")));
    Case vendor = own;
    vendor.servicePrincipals = J::array({ sp(kPartner, "AzureADMultipleOrgs") });
    const QString notes = diagnose(vendor).notes.join(QLatin1Char(' '));
    QVERIFY2(notes.contains(QLatin1String("cannot be covered")), qPrintable(notes));
    QVERIFY2(notes.contains(QLatin1String("multi-tenant")), qPrintable(notes));
    // The advice for a job never tells to exclude a service principal from policies for users.
    const Flowchart::Fix& f = Flowchart::builtIn().fixes.at("workload-identity-policy");
    QVERIFY(f.portal.find("never apply to a service principal") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestCauses)
#include "tst_causes.moc"
