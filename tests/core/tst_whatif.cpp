// SPDX-License-Identifier: MIT
// Offline What-If: one table row per condition case. Policies are written as Graph JSON the way Microsoft
// documents conditionalAccessPolicy (formats.md §2.1), never from the evaluator's own output.
#include "support/testpaths.h"

#include "ingest/directoryparser.h"
#include "whatif/devicefilter.h"
#include "whatif/ipmatch.h"
#include "whatif/whatifevaluator.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace calens;
using namespace calens::whatif;
using J = nlohmann::json;
using calens::test::fixture;

namespace {

const char* kUser = "11111111-1111-1111-1111-111111111111";
const char* kGroup = "22222222-2222-2222-2222-222222222222";
const char* kRole = "62e90394-69f5-4237-9190-012177145e10"; // Global Administrator template id
const char* kSp = "33333333-3333-3333-3333-333333333333";
const char* kSharePoint = "00000003-0000-0ff1-ce00-000000000000";
const char* kAzureMgmt = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
const char* kTrustedId = "44444444-4444-4444-4444-444444444444";
const char* kV6Id = "55555555-5555-5555-5555-555555555555";
const char* kCountryId = "66666666-6666-6666-6666-666666666666";
const char* kMappedId = "77777777-7777-7777-7777-777777777777";
const char* kTenant = "99990000-0000-0000-0000-000000000001";
const char* kVendorTenant = "99990000-0000-0000-0000-000000000002";
const char* kSpMulti = "33333333-0000-0000-0000-00000000000a"; // a multi-tenant app registered in this tenant
const char* kSpVendor = "33333333-0000-0000-0000-00000000000b"; // a third-party SaaS app's service principal
const char* kGraph = "00000003-0000-0000-c000-000000000000";
const char* kAadGraph = "00000002-0000-0000-c000-000000000000";
const char* kAzurePortal = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";

// A policy: `conditions` (JSON text) over the defaults "all users, all resources"; state enabled, MFA.
CaPolicy policy(const std::string& conditions, const std::string& state = "enabled")
{
    J c = J::parse(conditions);
    J base = J::parse(R"({"users":{"includeUsers":["All"],"excludeUsers":[],"includeGroups":[],"excludeGroups":[],
        "includeRoles":[],"excludeRoles":[]},"applications":{"includeApplications":["All"],"excludeApplications":[],
        "includeUserActions":[],"includeAuthenticationContextClassReferences":[]},"clientAppTypes":["all"],
        "signInRiskLevels":[],"userRiskLevels":[],"servicePrincipalRiskLevels":[],"platforms":null,"locations":null,
        "devices":null,"clientApplications":null,"authenticationFlows":null})");
    for (auto it = c.begin(); it != c.end(); ++it) base[it.key()] = it.value();
    J p { { "id", "aaaaaaaa-0000-0000-0000-000000000001" }, { "displayName", "test policy" }, { "state", state },
        { "conditions", base },
        { "grantControls",
            { { "operator", "OR" }, { "builtInControls", { "mfa" } }, { "customAuthenticationFactors", J::array() },
                { "termsOfUse", J::array() }, { "authenticationStrength", nullptr } } },
        { "sessionControls", nullptr } };
    QString error;
    auto parsed = parseCaPolicy(p.dump(), &error);
    if (!parsed) qFatal("test policy does not parse: %s", qPrintable(error));
    return *parsed;
}

std::vector<NamedLocation> locations()
{
    const char* texts[] = {
        R"({"@odata.type":"#microsoft.graph.ipNamedLocation","id":"44444444-4444-4444-4444-444444444444",
            "displayName":"HQ","isTrusted":true,"ipRanges":[{"@odata.type":"#microsoft.graph.iPv4CidrRange",
            "cidrAddress":"145.34.96.17/24"},{"@odata.type":"#microsoft.graph.iPv4CidrRange","cidrAddress":"20.61.42.7/32"}]})",
        R"({"@odata.type":"#microsoft.graph.ipNamedLocation","id":"55555555-5555-5555-5555-555555555555",
            "displayName":"v6 office","isTrusted":false,"ipRanges":[{"@odata.type":"#microsoft.graph.iPv6CidrRange",
            "cidrAddress":"2001:4898:80e8:7:d92a:7695:fda1:9d62/48"}]})",
        R"({"@odata.type":"#microsoft.graph.countryNamedLocation","id":"66666666-6666-6666-6666-666666666666",
            "displayName":"Blocked countries","countriesAndRegions":["RU","KP"],"includeUnknownCountriesAndRegions":true,
            "countryLookupMethod":"clientIpAddress"})",
        R"({"@odata.type":"#microsoft.graph.ipNamedLocation","id":"77777777-7777-7777-7777-777777777777",
            "displayName":"mapped","isTrusted":false,"ipRanges":[{"@odata.type":"#microsoft.graph.iPv6CidrRange",
            "cidrAddress":"::ffff:10.20.0.0/112"}]})",
    };
    std::vector<NamedLocation> out;
    for (const char* t : texts) {
        QString error;
        auto n = parseNamedLocation(t, &error);
        if (!n) qFatal("test location does not parse: %s", qPrintable(error));
        out.push_back(*n);
    }
    return out;
}

// Service principals as Graph lists them (servicePrincipal: appOwnerOrganizationId, signInAudience).
std::vector<ServicePrincipal> servicePrincipals()
{
    const std::string texts[] = {
        std::string(R"({"id":")") + kSp
            + R"(","appId":"a0000000-0000-0000-0000-000000000001","displayName":"Contoso ETL",
            "servicePrincipalType":"Application","appOwnerOrganizationId":")"
            + kTenant + R"(","signInAudience":"AzureADMyOrg"})",
        std::string(R"({"id":")") + kSpMulti
            + R"(","appId":"a0000000-0000-0000-0000-000000000002","displayName":"Contoso Partner Portal",
            "servicePrincipalType":"Application","appOwnerOrganizationId":")"
            + kTenant + R"(","signInAudience":"AzureADMultipleOrgs"})",
        std::string(R"({"id":")") + kSpVendor
            + R"(","appId":"a0000000-0000-0000-0000-000000000003","displayName":"Fabrikam Backup SaaS",
            "servicePrincipalType":"Application","appOwnerOrganizationId":")"
            + kVendorTenant + R"(","signInAudience":"AzureADMultipleOrgs"})",
    };
    std::vector<ServicePrincipal> out;
    for (const std::string& t : texts) {
        QString error;
        auto sp = parseServicePrincipal(t, &error);
        if (!sp) qFatal("test service principal does not parse: %s", qPrintable(error));
        out.push_back(*sp);
    }
    return out;
}

WhatIfInput user()
{
    WhatIfInput in;
    in.identity = WhatIfInput::Identity::User;
    in.userId = kUser;
    in.tenantId = kTenant;
    in.groupIds = std::vector<std::string> {};
    in.roleTemplateIds = std::vector<std::string> {};
    in.guestType = "none";
    in.apps = { kSharePoint };
    in.ipAddress = "145.34.96.200";
    in.country = "NL";
    in.platform = "windows";
    in.clientAppType = "browser";
    in.signInRisk = "none";
    in.userRisk = "none";
    in.insiderRisk = "none";
    in.authFlow = "none";
    in.deviceCompliant = true;
    in.deviceTrustType = "AzureAD";
    return in;
}

using Mutator = std::function<void(WhatIfInput&)>;

} // namespace

Q_DECLARE_METATYPE(Mutator)

class TestWhatIf : public QObject
{
    Q_OBJECT
private slots:
    void conditions_data();
    void conditions();
    void deviceFilter_data();
    void deviceFilter();
    void deviceFilterRobust();
    void cidr_data();
    void cidr();
    void reasonsListEveryFailure();
    void reportOnlyAndDisabled();
    void controls();
    void fixtureResponse();
};

void TestWhatIf::conditions_data()
{
    QTest::addColumn<QString>("conditions");
    QTest::addColumn<Mutator>("mutate");
    QTest::addColumn<QString>("expected"); // applies | doesNotApply | notEnoughInformation
    QTest::addColumn<QString>("reason"); // a reason (or notEnoughInformation entry) that must be listed

    const Mutator none = [](WhatIfInput&) {};
    auto row = [](const char* name, const char* cond, Mutator m, const char* expected, const char* reason) {
        QTest::newRow(name) << QString::fromUtf8(cond) << m << QString::fromLatin1(expected)
                            << QString::fromLatin1(reason);
    };
    const std::string u = kUser, g = kGroup, r = kRole, sp = kSp;

    // users
    row("users all", "{}", none, "applies", "users");
    row("users by id", (R"({"users":{"includeUsers":[")" + u + R"("]}})").c_str(), none, "applies", "users");
    row("users other id", R"({"users":{"includeUsers":["99999999-9999-9999-9999-999999999999"]}})", none,
        "doesNotApply", "users");
    row("users None", R"({"users":{"includeUsers":["None"]}})", none, "doesNotApply", "users");
    row("users excluded by id wins over All",
        (R"({"users":{"includeUsers":["All"],"excludeUsers":[")" + u + R"("]}})").c_str(), none, "doesNotApply",
        "users");
    row(
        "users group member", (R"({"users":{"includeGroups":[")" + g + R"("]}})").c_str(),
        [g](WhatIfInput& in) { in.groupIds = std::vector<std::string> { g }; }, "applies", "users");
    row("users group not member", (R"({"users":{"includeGroups":[")" + g + R"("]}})").c_str(), none, "doesNotApply",
        "users");
    row(
        "users group unknown", (R"({"users":{"includeGroups":[")" + g + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.groupIds.reset(); }, "notEnoughInformation", "users");
    row(
        "users excluded group wins", (R"({"users":{"includeUsers":["All"],"excludeGroups":[")" + g + R"("]}})").c_str(),
        [g](WhatIfInput& in) { in.groupIds = std::vector<std::string> { g }; }, "doesNotApply", "users");
    row(
        "users exclusion unknown", (R"({"users":{"includeUsers":["All"],"excludeGroups":[")" + g + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.groupIds.reset(); }, "notEnoughInformation", "users");
    row(
        "users role", (R"({"users":{"includeRoles":[")" + r + R"("]}})").c_str(),
        [r](WhatIfInput& in) { in.roleTemplateIds = std::vector<std::string> { r }; }, "applies", "users");
    row("users role missing", (R"({"users":{"includeRoles":[")" + r + R"("]}})").c_str(), none, "doesNotApply",
        "users");
    row(
        "users GuestsOrExternalUsers guest", R"({"users":{"includeUsers":["GuestsOrExternalUsers"]}})",
        [](WhatIfInput& in) { in.guestType = "b2bCollaborationGuest"; }, "applies", "users");
    row("users GuestsOrExternalUsers member", R"({"users":{"includeUsers":["GuestsOrExternalUsers"]}})", none,
        "doesNotApply", "users");
    row(
        "users GuestsOrExternalUsers unknown", R"({"users":{"includeUsers":["GuestsOrExternalUsers"]}})",
        [](WhatIfInput& in) { in.guestType.reset(); }, "notEnoughInformation", "users");
    row(
        "users guest types flags",
        R"({"users":{"includeUsers":[],"includeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"internalGuest,b2bCollaborationGuest",
        "externalTenants":{"@odata.type":"#microsoft.graph.conditionalAccessAllExternalTenants","membershipKind":"all"}}}})",
        [](WhatIfInput& in) { in.guestType = "b2bCollaborationGuest"; }, "applies", "users");
    row(
        "users guest type not listed",
        R"({"users":{"includeUsers":[],"includeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"internalGuest",
        "externalTenants":{"membershipKind":"all"}}}})",
        [](WhatIfInput& in) { in.guestType = "b2bDirectConnectUser"; }, "doesNotApply", "users");
    row(
        "users guest enumerated tenant",
        R"({"users":{"includeUsers":["All"],"excludeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"b2bCollaborationGuest",
        "externalTenants":{"@odata.type":"#microsoft.graph.conditionalAccessEnumeratedExternalTenants","membershipKind":"enumerated",
        "members":["abcdef00-0000-0000-0000-000000000000"]}}}})",
        [](WhatIfInput& in) {
            in.guestType = "b2bCollaborationGuest";
            in.externalTenantId = "abcdef00-0000-0000-0000-000000000000";
        },
        "doesNotApply", "users");
    row(
        "users guests excluded",
        R"({"users":{"includeUsers":["All"],"excludeGuestsOrExternalUsers":{"guestOrExternalUserTypes":"b2bCollaborationGuest,internalGuest",
        "externalTenants":{"@odata.type":"#microsoft.graph.conditionalAccessAllExternalTenants","membershipKind":"all"}}}})",
        [](WhatIfInput& in) { in.guestType = "internalGuest"; }, "doesNotApply", "users");
    row("users policy for workload identities",
        (R"({"clientApplications":{"includeServicePrincipals":[")" + sp + R"("]},"users":{"includeUsers":["None"]}})")
            .c_str(),
        none, "doesNotApply", "users");

    // workload identities
    const Mutator asSp = [sp](WhatIfInput& in) {
        in.identity = WhatIfInput::Identity::ServicePrincipal;
        in.servicePrincipalId = sp;
        in.userId.clear();
        in.servicePrincipalRisk = "none";
    };
    row("sp in my tenant",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]}})",
        asSp, "applies", "workloadIdentities");
    row("sp excluded",
        (R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"],"excludeServicePrincipals":[")"
            + sp + R"("]}})")
            .c_str(),
        asSp, "doesNotApply", "workloadIdentities");
    row("sp listed",
        (R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":[")" + sp + R"("]}})")
            .c_str(),
        asSp, "applies", "workloadIdentities");
    row("sp vs user policy", "{}", asSp, "doesNotApply", "workloadIdentities");
    // Only single-tenant service principals registered in the tenant are in scope, even when a policy lists one
    // (Microsoft Learn, identity/conditional-access/workload-identity.md).
    const std::string multi = kSpMulti, vendor = kSpVendor;
    row(
        "sp multi-tenant listed is out of scope",
        (R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":[")" + multi
            + R"("]}})")
            .c_str(),
        [asSp, multi](WhatIfInput& in) {
            asSp(in);
            in.servicePrincipalId = multi;
        },
        "doesNotApply", "workloadIdentities");
    row(
        "sp third-party in my tenant is out of scope",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]}})",
        [asSp, vendor](WhatIfInput& in) {
            asSp(in);
            in.servicePrincipalId = vendor;
        },
        "doesNotApply", "workloadIdentities");
    row(
        "sp not in the directory",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]}})",
        [asSp](WhatIfInput& in) {
            asSp(in);
            in.servicePrincipalId = "33333333-0000-0000-0000-0000000000ff";
        },
        "notEnoughInformation", "workloadIdentities");
    row(
        "sp tenant unknown",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]}})",
        [asSp](WhatIfInput& in) {
            asSp(in);
            in.tenantId.clear();
        },
        "notEnoughInformation", "workloadIdentities");
    row(
        "managed identity never",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]}})",
        [](WhatIfInput& in) {
            in.identity = WhatIfInput::Identity::ManagedIdentity;
            in.servicePrincipalId = "88888888-8888-8888-8888-888888888888";
        },
        "doesNotApply", "workloadIdentities");
    row(
        "sp risk high",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]},"servicePrincipalRiskLevels":["high"]})",
        [asSp](WhatIfInput& in) {
            asSp(in);
            in.servicePrincipalRisk = "high";
        },
        "applies", "servicePrincipalRisk");
    row("sp risk none",
        R"({"users":{"includeUsers":["None"]},"clientApplications":{"includeServicePrincipals":["ServicePrincipalsInMyTenant"]},"servicePrincipalRiskLevels":["high"]})",
        asSp, "doesNotApply", "servicePrincipalRisk");

    // applications
    row("app by id", (R"({"applications":{"includeApplications":[")" + std::string(kSharePoint) + R"("]}})").c_str(),
        none, "applies", "application");
    row("app other id", (R"({"applications":{"includeApplications":[")" + std::string(kAzureMgmt) + R"("]}})").c_str(),
        none, "doesNotApply", "application");
    row("app excluded wins",
        (R"({"applications":{"includeApplications":["All"],"excludeApplications":[")" + std::string(kSharePoint)
            + R"("]}})")
            .c_str(),
        none, "doesNotApply", "application");
    row("app Office365 member", R"({"applications":{"includeApplications":["Office365"]}})", none, "applies",
        "application");
    row(
        "app Office365 non-member", R"({"applications":{"includeApplications":["Office365"]}})",
        [](WhatIfInput& in) { in.apps = { kAzureMgmt }; }, "doesNotApply", "application");
    row(
        "app Office365 unknown app", R"({"applications":{"includeApplications":["Office365"]}})",
        [](WhatIfInput& in) { in.apps = { "12345678-aaaa-bbbb-cccc-1234567890ab" }; }, "notEnoughInformation",
        "application");
    row(
        "app admin portals", R"({"applications":{"includeApplications":["MicrosoftAdminPortals"]}})",
        [](WhatIfInput& in) { in.apps = { "c44b4083-3bb0-49c1-b47d-974e53cbdf3c" }; }, "applies", "application");
    row(
        "app not known", "{}", [](WhatIfInput& in) { in.apps.clear(); }, "notEnoughInformation", "application");
    // Windows Azure Service Management API covers the Azure portal (concept-conditional-access-cloud-apps.md).
    row(
        "app service management covers the Azure portal",
        (R"({"applications":{"includeApplications":[")" + std::string(kAzureMgmt) + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.apps = { kAzurePortal }; }, "applies", "application");
    row(
        "app service management excluded covers the Azure portal",
        (R"({"applications":{"includeApplications":["All"],"excludeApplications":[")" + std::string(kAzureMgmt)
            + R"("]}})")
            .c_str(),
        [](WhatIfInput& in) { in.apps = { kAzurePortal }; }, "doesNotApply", "application");
    row("app service management, SharePoint",
        (R"({"applications":{"includeApplications":[")" + std::string(kAzureMgmt) + R"("]}})").c_str(), none,
        "doesNotApply", "application");
    // Microsoft Graph is an umbrella: a policy on one service cannot be decided without the audiences.
    row(
        "app Graph umbrella, policy on SharePoint",
        (R"({"applications":{"includeApplications":[")" + std::string(kSharePoint) + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.apps = { kGraph }; }, "notEnoughInformation", "application");
    row(
        "app Graph umbrella, All resources", "{}", [](WhatIfInput& in) { in.apps = { kGraph }; }, "applies",
        "application");
    row(
        "app Graph umbrella with audiences",
        (R"({"applications":{"includeApplications":[")" + std::string(kSharePoint) + R"("]}})").c_str(),
        [](WhatIfInput& in) {
            in.apps = { kGraph };
            in.audiences = { kSharePoint };
        },
        "applies", "application");
    row(
        "app Graph umbrella, audiences elsewhere",
        (R"({"applications":{"includeApplications":[")" + std::string(kSharePoint) + R"("]}})").c_str(),
        [](WhatIfInput& in) {
            in.apps = { kGraph };
            in.audiences = { kAadGraph };
        },
        "doesNotApply", "application");
    // All resources with exclusions: low-privilege directory scopes are evaluated as Windows Azure AD since 2026.
    row(
        "app All with exclusions covers Windows Azure AD",
        R"({"applications":{"includeApplications":["All"],"excludeApplications":["a0000000-0000-0000-0000-000000000001"]}})",
        [](WhatIfInput& in) {
            in.apps = { kAadGraph };
            in.clientAppId = "a0000000-0000-0000-0000-000000000001";
            in.createdMs = 1790000000000; // 2026-09
        },
        "applies", "application");
    row(
        "app All with exclusions, Windows Azure AD before the change",
        R"({"applications":{"includeApplications":["All"],"excludeApplications":["a0000000-0000-0000-0000-000000000001"]}})",
        [](WhatIfInput& in) {
            in.apps = { kAadGraph };
            in.createdMs = 1760000000000; // 2025-10
        },
        "notEnoughInformation", "application");
    row(
        "user action register security info",
        R"({"applications":{"includeApplications":[],"includeUserActions":["urn:user:registersecurityinfo"]}})",
        [](WhatIfInput& in) {
            in.apps.clear();
            in.userAction = "registerSecurityInformation";
        },
        "applies", "userActions");
    row("user action vs app sign-in",
        R"({"applications":{"includeApplications":[],"includeUserActions":["urn:user:registerdevice"]}})", none,
        "doesNotApply", "userActions");
    row(
        "auth context match",
        R"({"applications":{"includeApplications":[],"includeAuthenticationContextClassReferences":["c3"]}})",
        [](WhatIfInput& in) {
            in.apps.clear();
            in.authContext = "c3";
        },
        "applies", "authenticationContext");
    row(
        "auth context other",
        R"({"applications":{"includeApplications":[],"includeAuthenticationContextClassReferences":["c3"]}})",
        [](WhatIfInput& in) {
            in.apps.clear();
            in.authContext = "c7";
        },
        "doesNotApply", "authenticationContext");

    // client app types
    row("client app browser", R"({"clientAppTypes":["browser"]})", none, "applies", "clientApps");
    row("client app legacy only", R"({"clientAppTypes":["exchangeActiveSync","other"]})", none, "doesNotApply",
        "clientApps");
    row(
        "client app eas via easSupported", R"({"clientAppTypes":["easSupported"]})",
        [](WhatIfInput& in) { in.clientAppType = "exchangeActiveSync"; }, "applies", "clientApps");
    row(
        "client app unknown", R"({"clientAppTypes":["browser"]})", [](WhatIfInput& in) { in.clientAppType.clear(); },
        "notEnoughInformation", "clientApps");

    // platforms
    row("platform included", R"({"platforms":{"includePlatforms":["windows","macOS"],"excludePlatforms":[]}})", none,
        "applies", "devicePlatform");
    row("platform all but excluded", R"({"platforms":{"includePlatforms":["all"],"excludePlatforms":["windows"]}})",
        none, "doesNotApply", "devicePlatform");
    row("platform not included", R"({"platforms":{"includePlatforms":["android","iOS"]}})", none, "doesNotApply",
        "devicePlatform");
    row(
        "platform unknown", R"({"platforms":{"includePlatforms":["android"]}})",
        [](WhatIfInput& in) { in.platform.clear(); }, "notEnoughInformation", "devicePlatform");
    // "Block unknown or unsupported device platform": any device, supported ones excluded
    // (howto-policy-unknown-unsupported-device.md).
    row(
        "platform unsupported vs any-but-known",
        R"({"platforms":{"includePlatforms":["all"],"excludePlatforms":["android","iOS","windows","macOS","linux"]}})",
        [](WhatIfInput& in) { in.platform = "unknown"; }, "applies", "devicePlatform");
    row(
        "platform unsupported vs named platforms", R"({"platforms":{"includePlatforms":["android","iOS"]}})",
        [](WhatIfInput& in) { in.platform = "unknown"; }, "doesNotApply", "devicePlatform");

    // locations
    const std::string trusted = kTrustedId, v6 = kV6Id, country = kCountryId, mapped = kMappedId;
    row("location all except trusted, inside",
        R"({"locations":{"includeLocations":["All"],"excludeLocations":["AllTrusted"]}})", none, "doesNotApply",
        "location");
    row(
        "location all except trusted, outside",
        R"({"locations":{"includeLocations":["All"],"excludeLocations":["AllTrusted"]}})",
        [](WhatIfInput& in) { in.ipAddress = "73.53.1.2"; }, "applies", "location");
    row(
        "location AllTrusted without ip",
        R"({"locations":{"includeLocations":["All"],"excludeLocations":["AllTrusted"]}})",
        [](WhatIfInput& in) { in.ipAddress.clear(); }, "notEnoughInformation", "location");
    row(
        "location All without ip", R"({"locations":{"includeLocations":["All"]}})",
        [](WhatIfInput& in) { in.ipAddress.clear(); }, "applies", "location");
    row(
        "location host bits set /24", (R"({"locations":{"includeLocations":[")" + trusted + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "145.34.96.0"; }, "applies", "location");
    row(
        "location /32 exact", (R"({"locations":{"includeLocations":[")" + trusted + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "20.61.42.7"; }, "applies", "location");
    row(
        "location /32 neighbour", (R"({"locations":{"includeLocations":[")" + trusted + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "20.61.42.8"; }, "doesNotApply", "location");
    row(
        "location ipv6 /48", (R"({"locations":{"includeLocations":[")" + v6 + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "2001:4898:80e8:ffff::1"; }, "applies", "location");
    row(
        "location ipv6 outside", (R"({"locations":{"includeLocations":[")" + v6 + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "2001:4898:80e9::1"; }, "doesNotApply", "location");
    row(
        "location ipv4-mapped range, ipv4 sign-in",
        (R"({"locations":{"includeLocations":[")" + mapped + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "10.20.3.4"; }, "applies", "location");
    row(
        "location ipv4 range, ipv4-mapped sign-in",
        (R"({"locations":{"includeLocations":[")" + trusted + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.ipAddress = "::ffff:145.34.96.9"; }, "applies", "location");
    row(
        "location country", (R"({"locations":{"includeLocations":[")" + country + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.country = "RU"; }, "applies", "location");
    row("location country other", (R"({"locations":{"includeLocations":[")" + country + R"("]}})").c_str(), none,
        "doesNotApply", "location");
    row(
        "location country unknown region", (R"({"locations":{"includeLocations":[")" + country + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.country = std::string(); }, "applies", "location");
    row(
        "location country not given", (R"({"locations":{"includeLocations":[")" + country + R"("]}})").c_str(),
        [](WhatIfInput& in) { in.country.reset(); }, "notEnoughInformation", "location");
    row("location legacy MFA trusted IPs",
        R"({"locations":{"includeLocations":["All"],"excludeLocations":["00000000-0000-0000-0000-000000000000"]}})",
        none, "notEnoughInformation", "location");
    row("location unknown id", R"({"locations":{"includeLocations":["abababab-0000-0000-0000-000000000000"]}})", none,
        "notEnoughInformation", "location");

    // risk
    row(
        "sign-in risk high", R"({"signInRiskLevels":["high","medium"]})",
        [](WhatIfInput& in) { in.signInRisk = "high"; }, "applies", "signInRisk");
    row(
        "sign-in risk low", R"({"signInRiskLevels":["high","medium"]})", [](WhatIfInput& in) { in.signInRisk = "low"; },
        "doesNotApply", "signInRisk");
    row(
        "sign-in risk unknown", R"({"signInRiskLevels":["high"]})", [](WhatIfInput& in) { in.signInRisk.clear(); },
        "notEnoughInformation", "signInRisk");
    row(
        "user risk high", R"({"userRiskLevels":["high"]})", [](WhatIfInput& in) { in.userRisk = "high"; }, "applies",
        "userRisk");
    row("user risk none", R"({"userRiskLevels":["high"]})", none, "doesNotApply", "userRisk");
    row(
        "insider risk elevated", R"({"insiderRiskLevels":"moderate,elevated"})",
        [](WhatIfInput& in) { in.insiderRisk = "elevated"; }, "applies", "insiderRisk");
    row(
        "insider risk minor", R"({"insiderRiskLevels":"elevated"})", [](WhatIfInput& in) { in.insiderRisk = "minor"; },
        "doesNotApply", "insiderRisk");
    row(
        "insider risk unknown", R"({"insiderRiskLevels":"elevated"})", [](WhatIfInput& in) { in.insiderRisk.clear(); },
        "notEnoughInformation", "insiderRisk");

    // authentication flows
    row(
        "device code flow", R"({"authenticationFlows":{"transferMethods":"deviceCodeFlow"}})",
        [](WhatIfInput& in) { in.authFlow = "deviceCodeFlow"; }, "applies", "authenticationFlow");
    row("device code flow, plain sign-in",
        R"({"authenticationFlows":{"transferMethods":"deviceCodeFlow,authenticationTransfer"}})", none, "doesNotApply",
        "authenticationFlow");
    row(
        "flow unknown", R"({"authenticationFlows":{"transferMethods":"deviceCodeFlow"}})",
        [](WhatIfInput& in) { in.authFlow.clear(); }, "notEnoughInformation", "authenticationFlow");

    // devices
    row(
        "device filter include match",
        R"({"devices":{"deviceFilter":{"mode":"include","rule":"device.isCompliant -ne True -and device.trustType -ne \"ServerAD\""}}})",
        [](WhatIfInput& in) { in.deviceCompliant = false; }, "applies", "devices");
    row("device filter include no match",
        R"({"devices":{"deviceFilter":{"mode":"include","rule":"device.isCompliant -ne True -and device.trustType -ne \"ServerAD\""}}})",
        none, "doesNotApply", "devices");
    row(
        "device filter exclude match",
        R"({"devices":{"deviceFilter":{"mode":"exclude","rule":"device.model -startsWith \"Surface\""}}})",
        [](WhatIfInput& in) { in.setDeviceProperty("device.model", "Surface Pro"); }, "doesNotApply", "devices");
    row("device filter exclude unknown property",
        R"({"devices":{"deviceFilter":{"mode":"exclude","rule":"device.model -startsWith \"Surface\""}}})", none,
        "notEnoughInformation", "devices");
    row(
        "device filter unregistered device, negative operator",
        R"({"devices":{"deviceFilter":{"mode":"include","rule":"device.extensionAttribute1 -ne \"SAW\""}}})",
        [](WhatIfInput& in) { in.deviceRegistered = false; }, "applies", "devices");
    row("device filter unparsable",
        R"({"devices":{"deviceFilter":{"mode":"include","rule":"device.model -like \"Surface*\""}}})", none,
        "notEnoughInformation", "invalidCondition");
    row("legacy device state excludes compliant",
        R"({"devices":{"includeDevices":["All"],"excludeDevices":["Compliant","DomainJoined"]}})", none, "doesNotApply",
        "devices");
}

void TestWhatIf::conditions()
{
    QFETCH(QString, conditions);
    QFETCH(Mutator, mutate);
    QFETCH(QString, expected);
    QFETCH(QString, reason);
    const std::vector<CaPolicy> policies { policy(conditions.toStdString()) };
    const std::vector<NamedLocation> named = locations();
    const std::vector<ServicePrincipal> sps = servicePrincipals();
    WhatIfInput in = user();
    mutate(in);
    const WhatIfEvaluator evaluator(policies, named, sps);
    const PolicyVerdict v = evaluator.evaluate(in).front();
    std::string details;
    for (const auto& d : v.details) details += d + " | ";
    QVERIFY2(QString::fromLatin1(outcomeName(v.outcome)) == expected, details.c_str());
    QCOMPARE(v.applies(), expected == QLatin1String("applies"));
    const std::string r = reason.toStdString();
    const bool listed = std::find(v.reasons.begin(), v.reasons.end(), r) != v.reasons.end()
        || std::find(v.notEnoughInformation.begin(), v.notEnoughInformation.end(), r) != v.notEnoughInformation.end();
    QVERIFY2(listed, (r + " not listed; " + details).c_str());
    if (v.outcome == PolicyVerdict::Outcome::NotEnoughInformation) QVERIFY(!v.notEnoughInformation.empty());
}

void TestWhatIf::deviceFilter_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("expected"); // Tri: 0 No, 1 Yes, 2 Unknown
    // Device: model "Surface Pro 9", manufacturer "Microsoft Corporation", isCompliant True, trustType AzureAD,
    // operatingSystemVersion "10.0.22631"; extensionAttribute1 unknown.
    QTest::newRow("eq") << "device.model -eq \"Surface Pro 9\"" << 1;
    QTest::newRow("eq case-insensitive") << "DEVICE.MODEL -EQ \"surface pro 9\"" << 1;
    QTest::newRow("ne") << "device.model -ne \"Surface Pro 9\"" << 0;
    QTest::newRow("startsWith") << "device.model -startsWith \"Surface\"" << 1;
    QTest::newRow("notStartsWith") << "device.model -notStartsWith \"Surface\"" << 0;
    QTest::newRow("endsWith") << "device.manufacturer -endsWith 'Corporation'" << 1;
    QTest::newRow("notEndsWith") << "device.manufacturer -notEndsWith \"Inc.\"" << 1;
    QTest::newRow("contains") << "device.model -contains \"Pro\"" << 1;
    QTest::newRow("notContains") << "device.model -notContains \"Pro\"" << 0;
    QTest::newRow("in") << "device.operatingSystemVersion -in [\"10.0.19045\", \"10.0.22631\"]" << 1;
    QTest::newRow("notIn") << "device.operatingSystemVersion -notIn [\"10.0.19045\",\"10.0.22631\"]" << 0;
    QTest::newRow("bare True") << "device.isCompliant -eq True" << 1;
    QTest::newRow("and") << "device.isCompliant -eq True -and device.trustType -eq \"ServerAD\"" << 0;
    QTest::newRow("or") << "device.isCompliant -eq False -or device.trustType -eq \"AzureAD\"" << 1;
    // -and binds tighter than -or: true -or (false -and false) = true; with parentheses (true -or false) -and false.
    QTest::newRow("precedence") << "device.model -contains \"Pro\" -or device.trustType -eq \"ServerAD\" -and "
                                   "device.isCompliant -eq False"
                                << 1;
    QTest::newRow("parentheses") << "(device.model -contains \"Pro\" -or device.trustType -eq \"ServerAD\") -and "
                                    "device.isCompliant -eq False"
                                 << 0;
    QTest::newRow("unknown property") << "device.extensionAttribute1 -eq \"SAW\"" << 2;
    QTest::newRow("unknown but decided by -or")
        << "device.extensionAttribute1 -eq \"SAW\" -or device.isCompliant -eq True" << 1;
    QTest::newRow("unknown but decided by -and")
        << "device.extensionAttribute1 -eq \"SAW\" -and device.isCompliant -eq False" << 0;
}

void TestWhatIf::deviceFilter()
{
    QFETCH(QString, rule);
    QFETCH(int, expected);
    const DeviceFilter f = DeviceFilter::parse(rule.toStdString());
    QVERIFY2(f.valid(), f.error().c_str());
    WhatIfInput in;
    in.setDeviceProperty("model", "Surface Pro 9");
    in.setDeviceProperty("device.manufacturer", "Microsoft Corporation");
    in.setDeviceProperty("operatingSystemVersion", "10.0.22631");
    in.deviceCompliant = true;
    in.deviceTrustType = "AzureAD";
    const Tri t = f.evaluate([&](std::string_view p) {
        PropertyValue v;
        if (auto x = in.deviceProperty(p)) v = { PropertyValue::Kind::Value, *x };
        return v;
    });
    QCOMPARE(int(t), expected);
}

void TestWhatIf::deviceFilterRobust()
{
    for (const char* bad : { "", "device.model", "device.model -eq", "model -eq \"x\"", "device.model -like \"x\"",
             "device.model -eq \"unterminated", "device.model -in [\"a\",", "(device.model -eq \"a\"",
             "device.model -eq \"a\" -and", "device.model -eq \"a\" junk", "device.a.b -eq \"x\"" }) {
        const DeviceFilter f = DeviceFilter::parse(bad);
        QVERIFY2(!f.valid(), bad);
        QVERIFY(!f.error().empty());
        QCOMPARE(int(f.evaluate([](std::string_view) { return PropertyValue {}; })), int(Tri::Unknown));
    }
    // Deep nesting is capped, not recursed into.
    std::string deep = std::string(100000, '(') + "device.model -eq \"a\"" + std::string(100000, ')');
    QVERIFY(!DeviceFilter::parse(deep).valid());
    std::string ok = std::string(DeviceFilter::kMaxDepth, '(') + "device.model -eq \"a\""
        + std::string(DeviceFilter::kMaxDepth, ')');
    QVERIFY(DeviceFilter::parse(ok).valid());
    std::string tooDeep = "(" + ok + ")";
    QVERIFY(!DeviceFilter::parse(tooDeep).valid());
    // Long -and chains evaluate without recursion.
    std::string chain = "device.model -eq \"a\"";
    while (chain.size() < DeviceFilter::kMaxLength - 40) chain += " -and device.model -eq \"a\"";
    const DeviceFilter f = DeviceFilter::parse(chain);
    QVERIFY2(f.valid(), f.error().c_str());
    QCOMPARE(int(f.evaluate([](std::string_view) {
        return PropertyValue { PropertyValue::Kind::Value, "A" };
    })),
        int(Tri::Yes));
    // Arbitrary bytes never throw.
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise += char((i * 7919) % 256);
    (void)DeviceFilter::parse(noise);
}

void TestWhatIf::cidr_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");
    QTest::newRow("v4 /0") << "0.0.0.0/0"
                           << "203.0.113.9" << true;
    QTest::newRow("v4 /0 not v6") << "0.0.0.0/0"
                                  << "2001:db8::1" << false;
    QTest::newRow("v6 /0") << "::/0"
                           << "2001:db8::1" << true;
    QTest::newRow("v6 /0 not v4") << "::/0"
                                  << "203.0.113.9" << false;
    QTest::newRow("v4 /32") << "203.0.113.9/32"
                            << "203.0.113.9" << true;
    QTest::newRow("v4 /32 other") << "203.0.113.9/32"
                                  << "203.0.113.10" << false;
    QTest::newRow("v4 host bits") << "203.0.113.77/24"
                                  << "203.0.113.1" << true;
    QTest::newRow("v4 host bits outside") << "203.0.113.77/24"
                                          << "203.0.114.1" << false;
    QTest::newRow("v6 host bits") << "2001:4898:80e8:7:d92a:7695:fda1:9d62/48"
                                  << "2001:4898:80e8::" << true;
    QTest::newRow("v6 /128") << "2001:db8::5/128"
                             << "2001:db8::5" << true;
    QTest::newRow("v6 /128 other") << "2001:db8::5/128"
                                   << "2001:db8::6" << false;
    QTest::newRow("mapped range, v4 address") << "::ffff:192.0.2.0/120"
                                              << "192.0.2.44" << true;
    QTest::newRow("v4 range, mapped address") << "192.0.2.0/24"
                                              << "::ffff:192.0.2.44" << true;
    QTest::newRow("mapped /96 is all v4") << "::ffff:0:0/96"
                                          << "8.8.8.8" << true;
    QTest::newRow("lower-upper") << "10.0.0.5-10.0.0.9"
                                 << "10.0.0.7" << true;
}

void TestWhatIf::cidr()
{
    QFETCH(QString, range);
    QFETCH(QString, address);
    QFETCH(bool, contains);
    auto r = parseRange(range.toStdString());
    QVERIFY(r);
    auto a = parseAddress(address.toStdString());
    QVERIFY(a);
    QCOMPARE(r->contains(*a), contains);
    for (const char* bad :
        { "", "/", "1.2.3.4/33", "::/129", "1.2.3.4/-1", "1.2.3.4/2a", "300.1.1.1/8", "x/8", "1.2.3.4/0008" })
        QVERIFY2(!parseRange(bad), bad);
}

void TestWhatIf::reasonsListEveryFailure()
{
    // Unlike the portal (first failing condition only), every condition that did not match is named.
    const std::vector<CaPolicy> policies { policy(
        R"({"platforms":{"includePlatforms":["android"]},"clientAppTypes":["other"],"signInRiskLevels":["high"],
            "locations":{"includeLocations":["All"],"excludeLocations":["AllTrusted"]}})") };
    const auto named = locations();
    const std::vector<ServicePrincipal> sps;
    const auto v = WhatIfEvaluator(policies, named, sps).evaluate(user()).front();
    QVERIFY(!v.applies());
    const std::vector<std::string> expected { "devicePlatform", "clientApps", "location", "signInRisk" };
    QCOMPARE(v.reasons, expected);
    // An applying policy lists the configured conditions that matched.
    WhatIfInput in = user();
    in.platform = "android";
    in.clientAppType = "other";
    in.signInRisk = "high";
    in.ipAddress = "95.165.1.1";
    const auto a = WhatIfEvaluator(policies, named, sps).evaluate(in).front();
    QVERIFY(a.applies());
    const std::vector<std::string> matched { "users", "application", "devicePlatform", "clientApps", "location",
        "signInRisk" };
    QCOMPARE(a.reasons, matched);
}

void TestWhatIf::reportOnlyAndDisabled()
{
    const std::vector<CaPolicy> policies { policy("{}", "disabled"),
        policy("{}", "enabledForReportingButNotEnforced") };
    const std::vector<NamedLocation> named;
    const std::vector<ServicePrincipal> sps;
    const auto v = WhatIfEvaluator(policies, named, sps).evaluate(user());
    QVERIFY(!v[0].applies());
    QCOMPARE(v[0].reasons, std::vector<std::string> { "policyNotEnabled" });
    QCOMPARE(v[0].state, std::string("disabled"));
    QVERIFY(v[1].applies());
    QVERIFY(v[1].reportOnly);
    QCOMPARE(v[1].state, std::string("enabledForReportingButNotEnforced"));
    // A policy without users is empty.
    const std::vector<CaPolicy> empty { policy(R"({"users":{"includeUsers":[]}})") };
    const auto e = WhatIfEvaluator(empty, named, sps).evaluate(user()).front();
    QCOMPARE(e.reasons, std::vector<std::string> { "emptyPolicy" });
}

void TestWhatIf::controls()
{
    const char* text = R"({"id":"p1","displayName":"MFA or compliant","state":"enabled",
        "conditions":{"users":{"includeUsers":["All"]},"applications":{"includeApplications":["All"]},"clientAppTypes":["all"]},
        "grantControls":{"operator":"OR","builtInControls":["mfa","compliantDevice"],"customAuthenticationFactors":[],
            "termsOfUse":["tou-1"],"authenticationStrength":{"id":"00000000-0000-0000-0000-000000000004","displayName":"Phishing-resistant MFA"}},
        "sessionControls":{"signInFrequency":{"isEnabled":true,"type":"hours","value":4},"persistentBrowser":null}})";
    QString error;
    const std::vector<CaPolicy> policies { *parseCaPolicy(text, &error) };
    const std::vector<NamedLocation> named;
    const std::vector<ServicePrincipal> sps;
    const auto v = WhatIfEvaluator(policies, named, sps).evaluate(user()).front();
    const std::vector<std::string> grants { "mfa", "compliantDevice", "authenticationStrength", "termsOfUse" };
    QCOMPARE(v.grantControls, grants);
    QCOMPARE(v.operatorText, std::string("OR"));
    QCOMPARE(v.sessionControls, std::vector<std::string> { "signInFrequency" });
}

void TestWhatIf::fixtureResponse()
{
    // The documented What-If request (graph_v1_whatif_evaluate_request_example1.json) against the two policies
    // of the documented response: both report policyApplies true.
    QFile req(fixture(QStringLiteral("graph_v1_whatif_evaluate_request_example1.json")));
    QFile resp(fixture(QStringLiteral("graph_v1_whatif_evaluate_response_example1.json")));
    QVERIFY(req.open(QIODevice::ReadOnly) && resp.open(QIODevice::ReadOnly));
    const J rq = J::parse(req.readAll().toStdString());
    const J rs = J::parse(resp.readAll().toStdString());

    WhatIfInput in;
    in.identity = WhatIfInput::Identity::User;
    in.userId = rq["signInIdentity"]["userId"];
    for (const auto& a : rq["signInContext"]["includeApplications"]) in.apps.push_back(a);
    const J& c = rq["signInConditions"];
    in.platform = c["devicePlatform"];
    in.clientAppType = c["clientAppType"];
    in.signInRisk = c["signInRiskLevel"];
    in.userRisk = c["userRiskLevel"];
    in.country = c["country"].get<std::string>();
    in.ipAddress = c["ipAddress"];
    in.insiderRisk = c["insiderRiskLevel"];
    in.authFlow = c["authenticationFlow"]["transferMethod"];
    in.deviceCompliant = c["deviceInfo"]["isCompliant"].get<bool>();
    // The request names no group, role or guest type; neither policy uses groups, roles or guest types, so the
    // evaluation needs none of them (the excluded user is a plain user id).

    std::vector<CaPolicy> policies;
    std::vector<bool> expected;
    for (const J& p : rs["value"]) {
        QString error;
        auto parsed = parseCaPolicy(p.dump(), &error);
        QVERIFY2(parsed, qPrintable(error));
        policies.push_back(*parsed);
        expected.push_back(p["policyApplies"].get<bool>());
    }
    QCOMPARE(policies.size(), size_t(2));
    const std::vector<NamedLocation> named;
    const std::vector<ServicePrincipal> sps;
    const auto v = WhatIfEvaluator(policies, named, sps).evaluate(in);
    for (size_t i = 0; i < v.size(); ++i) {
        std::string details;
        for (const auto& d : v[i].details) details += d + " | ";
        QVERIFY2(v[i].applies() == expected[i], details.c_str());
        QVERIFY(v[i].reportOnly);
    }
    // Office365 includes SharePoint Online (00000003-0000-0ff1-ce00-000000000000).
    QCOMPARE(v[0].reasons, (std::vector<std::string> { "users", "application" }));
    QCOMPARE(v[0].sessionControls, std::vector<std::string> { "applicationEnforcedRestrictions" });
    QCOMPARE(v[1].reasons, (std::vector<std::string> { "users", "application", "userRisk" }));
    QCOMPARE(v[1].grantControls, (std::vector<std::string> { "mfa", "passwordChange" }));
    QCOMPARE(v[1].operatorText, std::string("AND"));
}

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
