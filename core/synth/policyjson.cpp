// SPDX-License-Identifier: MIT
#include "policyjson.h"

#include "policyspec.h"
#include "tenant.h"

#include <nlohmann/json.hpp>

namespace calens::synth {

namespace {

using nlohmann::ordered_json;
using Strings = std::vector<std::string>;

const Strings kAdminRoles { "62e90394-69f5-4237-9190-012177145e10", "194ae4cb-b126-40b2-bd5b-6091b380977d",
    "e8611ab8-c189-46e8-94e1-60213ab1f814", "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9" };
const char* kPlatforms[] = { "windows", "macOS", "iOS", "android", "linux" };
const char* kClientTypes[] = { "browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other" };

Strings groupsOf(uint32_t mask, const Tenant& t)
{
    Strings out;
    for (int g = 0; g < Grp::Count; ++g)
        if (mask & (1u << g)) out.push_back(t.groupIds[g]);
    return out;
}

Strings spsOf(uint32_t mask, const Tenant& t)
{
    Strings out;
    for (int s = 0; s < SpCount; ++s)
        if (mask & (1u << s)) out.push_back(t.sps[size_t(s)].spId);
    return out;
}

ordered_json orNull(const Strings& v)
{
    return v.empty() ? ordered_json::array() : ordered_json(v);
}

} // namespace

CaPolicy buildPolicy(const PolicySpec& s, const std::string& id, const Tenant& t)
{
    CaPolicy p;
    p.id = id;
    p.displayName = s.name;
    p.state = s.state;
    p.stateText = stateName(s.state);

    switch (s.users) {
    case PolicySpec::NoUsers:
        p.includeUsers = { "None" };
        break;
    case PolicySpec::AllUsers:
        p.includeUsers = { "All" };
        break;
    case PolicySpec::Guests:
        p.includeGuestTypes = "internalGuest,b2bCollaborationGuest,b2bCollaborationMember";
        break;
    case PolicySpec::AdminRoles:
        p.includeRoles = kAdminRoles;
        break;
    case PolicySpec::Groups:
        p.includeGroups = groupsOf(s.includeGroups, t);
        break;
    }
    p.excludeGroups = groupsOf(s.excludeGroups, t);
    if (s.sps == PolicySpec::AllSps) p.includeServicePrincipals = { "ServicePrincipalsInMyTenant" };
    if (s.sps == PolicySpec::ListedSps) p.includeServicePrincipals = spsOf(s.includeSps, t);
    p.excludeServicePrincipals = spsOf(s.excludeSps, t);

    if (s.userAction)
        p.includeUserActions = { "urn:user:registerdevice" };
    else if (s.office365)
        p.includeApplications = { "Office365" };
    else if (s.apps == 0)
        p.includeApplications = { "All" };
    else
        for (int r = 0; r < ResCount; ++r)
            if (s.apps & (1u << r)) p.includeApplications.push_back(Tenant::resource(r).appId);

    if (s.clientTypes) {
        p.clientAppTypes.clear();
        for (int c = 0; c < ClientTypeCount; ++c)
            if (s.clientTypes & (1 << c)) p.clientAppTypes.push_back(kClientTypes[c]);
    } else {
        p.clientAppTypes = { "all" };
    }
    for (int pl = 0; pl < PlatformCount; ++pl)
        if (s.platforms & (1 << pl)) p.includePlatforms.push_back(kPlatforms[pl]);
    if (s.location == PolicySpec::OutsideTrusted) {
        p.includeLocations = { "All" };
        p.excludeLocations = { "AllTrusted" };
    } else if (s.location == PolicySpec::BlockedCountries) {
        p.includeLocations = { t.countryBlockId };
    }
    if (s.deviceFilterUnmanaged) {
        p.deviceFilterMode = "include";
        p.deviceFilterRule = "device.isCompliant -ne True -and device.trustType -ne \"ServerAD\"";
    }
    if (s.signInRiskHigh) p.signInRiskLevels = { "high" };
    if (s.userRiskHigh) p.userRiskLevels = { "high" };
    if (s.spRiskHigh) p.servicePrincipalRiskLevels = { "high" };
    if (s.deviceCodeFlow) p.transferMethods = "deviceCodeFlow";

    p.grantOperator = s.orOperator ? "OR" : "AND";
    p.grant = s.grant;
    p.session = s.session;
    Strings builtIn;
    const char* builtInNames[] = { "block", "mfa", "compliantDevice", "domainJoinedDevice", "approvedApplication",
        "compliantApplication", "passwordChange" };
    for (int b = 0; b < 7; ++b)
        if (s.grant & (1 << b)) builtIn.push_back(builtInNames[b]);
    if (s.custom) p.customAuthenticationFactors = { s.custom };
    if (s.grant & Grant::TermsOfUse) p.termsOfUse = { t.touAgreementId };
    if (s.phishingResistant) {
        p.authStrengthId = "00000000-0000-0000-0000-000000000004";
        p.authStrengthName = "Phishing-resistant MFA";
    }

    ordered_json users { { "includeUsers", orNull(p.includeUsers) }, { "excludeUsers", ordered_json::array() },
        { "includeGroups", orNull(p.includeGroups) }, { "excludeGroups", orNull(p.excludeGroups) },
        { "includeRoles", orNull(p.includeRoles) }, { "excludeRoles", ordered_json::array() } };
    users["includeGuestsOrExternalUsers"] = p.includeGuestTypes.empty()
        ? ordered_json()
        : ordered_json { { "guestOrExternalUserTypes", p.includeGuestTypes },
              { "externalTenants",
                  { { "@odata.type", "#microsoft.graph.conditionalAccessAllExternalTenants" },
                      { "membershipKind", "all" } } } };
    users["excludeGuestsOrExternalUsers"] = nullptr;
    ordered_json cond { { "userRiskLevels", orNull(p.userRiskLevels) },
        { "signInRiskLevels", orNull(p.signInRiskLevels) },
        { "servicePrincipalRiskLevels", orNull(p.servicePrincipalRiskLevels) }, { "clientAppTypes", p.clientAppTypes },
        { "applications",
            { { "includeApplications", orNull(p.includeApplications) },
                { "excludeApplications", ordered_json::array() },
                { "includeUserActions", orNull(p.includeUserActions) },
                { "includeAuthenticationContextClassReferences", ordered_json::array() },
                { "applicationFilter", nullptr } } },
        { "users", users } };
    cond["clientApplications"] = s.sps == PolicySpec::NoSps
        ? ordered_json()
        : ordered_json { { "includeServicePrincipals", p.includeServicePrincipals },
              { "excludeServicePrincipals", orNull(p.excludeServicePrincipals) },
              { "servicePrincipalFilter", nullptr } };
    cond["platforms"] = p.includePlatforms.empty()
        ? ordered_json()
        : ordered_json { { "includePlatforms", p.includePlatforms }, { "excludePlatforms", ordered_json::array() } };
    cond["locations"] = p.includeLocations.empty() ? ordered_json()
                                                   : ordered_json { { "includeLocations", p.includeLocations },
                                                         { "excludeLocations", orNull(p.excludeLocations) } };
    cond["devices"] = p.deviceFilterRule.empty()
        ? ordered_json()
        : ordered_json { { "deviceFilter", { { "mode", p.deviceFilterMode }, { "rule", p.deviceFilterRule } } } };
    cond["authenticationFlows"]
        = p.transferMethods.empty() ? ordered_json() : ordered_json { { "transferMethods", p.transferMethods } };

    ordered_json grant;
    if (s.grant) {
        grant = { { "operator", p.grantOperator }, { "builtInControls", builtIn },
            { "customAuthenticationFactors", orNull(p.customAuthenticationFactors) },
            { "termsOfUse", orNull(p.termsOfUse) } };
        grant["authenticationStrength"] = p.authStrengthId.empty()
            ? ordered_json()
            : ordered_json { { "id", p.authStrengthId }, { "displayName", p.authStrengthName },
                  { "policyType", "builtIn" }, { "requirementsSatisfied", "mfa" },
                  { "allowedCombinations", { "windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor" } } };
    }
    ordered_json session;
    if (s.session) {
        session = { { "disableResilienceDefaults", nullptr }, { "applicationEnforcedRestrictions", nullptr },
            { "cloudAppSecurity", nullptr } };
        session["signInFrequency"]
            = { { "value", 8 }, { "type", "hours" }, { "authenticationType", "primaryAndSecondaryAuthentication" },
                  { "frequencyInterval", "timeBased" }, { "isEnabled", true } };
        session["persistentBrowser"] = (s.session & Session::PersistentBrowser)
            ? ordered_json { { "mode", "never" }, { "isEnabled", true } }
            : ordered_json();
    }
    ordered_json j { { "id", p.id }, { "templateId", nullptr }, { "displayName", p.displayName },
        { "createdDateTime", "2025-04-02T10:15:30.5171347Z" }, { "modifiedDateTime", "2026-09-22T07:41:12.0183715Z" },
        { "state", p.stateText }, { "sessionControls", session }, { "conditions", cond }, { "grantControls", grant } };
    p.json = j.dump();
    return p;
}

} // namespace calens::synth
