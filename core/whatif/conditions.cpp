// SPDX-License-Identifier: MIT
#include "conditions.h"

#include "devicefilter.h"
#include "ipmatch.h"
#include "wellknownapps.h"

#include "model/enums.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace calens::whatif {

namespace {

using State = ConditionResult::State;
using json = nlohmann::json;

bool ieq(std::string_view a, std::string_view b)
{
    return equalsIgnoreCase(a, b);
}

bool has(const std::vector<std::string>& list, std::string_view v)
{
    return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return ieq(s, v); });
}

// Flags text ("minor,moderate" or "minor, moderate") as a list.
std::vector<std::string> flags(std::string_view text)
{
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t comma = text.find(',', pos);
        if (comma == std::string_view::npos) comma = text.size();
        std::string_view f = text.substr(pos, comma - pos);
        while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
        while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
        if (!f.empty()) out.emplace_back(f);
        pos = comma + 1;
    }
    return out;
}

ConditionResult result(State s, const char* reason, std::string detail)
{
    return { s, reason, std::move(detail) };
}

State stateOf(Tri t)
{
    return t == Tri::Yes ? State::Match : t == Tri::No ? State::NoMatch : State::Unknown;
}

// Collects the include or exclude side of a condition: the terms that held, and the ones we cannot tell.
struct Side
{
    Tri value = Tri::No;
    std::vector<std::string> yes, unknown;
    void add(Tri t, std::string what)
    {
        value = triOr(value, t);
        if (t == Tri::Yes)
            yes.push_back(std::move(what));
        else if (t == Tri::Unknown)
            unknown.push_back(std::move(what));
    }
};

std::string joined(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Included and not excluded, with a line that names what decided it.
ConditionResult scoped(const char* reason, const Side& inc, const Side& exc, const std::string& subject)
{
    const Tri t = inScope(inc.value, exc.value);
    std::string d = std::string(reason) + ": ";
    if (exc.value == Tri::Yes)
        d += subject + " excluded (" + joined(exc.yes) + ")";
    else if (inc.value == Tri::No)
        d += subject + " not included";
    else if (inc.value == Tri::Yes && exc.value == Tri::No)
        d += subject + " included (" + joined(inc.yes) + ")";
    else {
        d += "cannot tell";
        if (inc.value == Tri::Yes) d += "; included (" + joined(inc.yes) + ")";
        if (!inc.unknown.empty() && inc.value != Tri::Yes) d += "; unknown whether included by " + joined(inc.unknown);
        if (!exc.unknown.empty()) d += "; unknown whether excluded by " + joined(exc.unknown);
    }
    ConditionResult r = result(stateOf(t), reason, d);
    r.included = inc.value;
    r.excluded = exc.value;
    return r;
}

Tri anyOf(
    const std::optional<std::vector<std::string>>& known, const std::vector<std::string>& wanted, std::string* which)
{
    if (!known) return Tri::Unknown;
    for (const auto& w : wanted)
        if (has(*known, w)) {
            *which = w;
            return Tri::Yes;
        }
    return Tri::No;
}

Tri guestMatches(const std::string& typesText, const std::string& tenantsKind, const std::vector<std::string>& tenants,
    const WhatIfInput& in)
{
    if (!in.guestType) return Tri::Unknown;
    if (ieq(*in.guestType, "none")) return Tri::No;
    if (!has(flags(typesText), *in.guestType)) return Tri::No;
    if (ieq(tenantsKind, "enumerated")) {
        if (in.externalTenantId.empty()) return Tri::Unknown;
        return triOf(has(tenants, in.externalTenantId));
    }
    return Tri::Yes;
}

void userSide(Side& s, const std::vector<std::string>& users, const std::vector<std::string>& groups,
    const std::vector<std::string>& roles, const std::string& guestTypes, const std::string& tenantsKind,
    const std::vector<std::string>& tenants, const WhatIfInput& in)
{
    for (const std::string& u : users) {
        if (ieq(u, "All"))
            s.add(Tri::Yes, "all users");
        else if (ieq(u, "None"))
            continue;
        else if (ieq(u, "GuestsOrExternalUsers"))
            s.add(in.guestType ? triOf(!ieq(*in.guestType, "none")) : Tri::Unknown, "guests or external users");
        else
            s.add(in.userId.empty() ? Tri::Unknown : triOf(ieq(u, in.userId)), "user " + u);
    }
    if (!groups.empty()) {
        std::string which;
        const Tri t = anyOf(in.groupIds, groups, &which);
        s.add(t, t == Tri::Yes ? "group " + which : "group membership");
    }
    if (!roles.empty()) {
        std::string which;
        const Tri t = anyOf(in.roleTemplateIds, roles, &which);
        s.add(t, t == Tri::Yes ? "role " + which : "directory roles");
    }
    if (!guestTypes.empty() && !ieq(guestTypes, "none"))
        s.add(guestMatches(guestTypes, tenantsKind, tenants, in), "guest or external user types " + guestTypes);
}

bool hasUserTargets(const CaPolicy& p)
{
    return !p.includeUsers.empty() || !p.includeGroups.empty() || !p.includeRoles.empty()
        || (!p.includeGuestTypes.empty() && !ieq(p.includeGuestTypes, "none"));
}

const json* member(const json& j, std::initializer_list<const char*> keys)
{
    const json* cur = &j;
    for (const char* k : keys) {
        if (!cur->is_object()) return nullptr;
        const json* next = nullptr;
        for (auto e = cur->begin(); e != cur->end(); ++e)
            if (ieq(e.key(), k)) {
                next = &*e;
                break;
            }
        if (!next || next->is_null()) return nullptr;
        cur = next;
    }
    return cur;
}

std::vector<std::string> strings(const json* j)
{
    std::vector<std::string> out;
    if (j && j->is_array())
        for (const json& e : *j)
            if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

std::string text(const json* j)
{
    return j && j->is_string() ? j->get<std::string>() : std::string();
}

} // namespace

PolicyExtras PolicyExtras::fromJson(const std::string& policyJson)
{
    PolicyExtras x;
    const json j = json::parse(policyJson, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return x;
    x.includeTenantsKind = text(
        member(j, { "conditions", "users", "includeGuestsOrExternalUsers", "externalTenants", "membershipKind" }));
    x.excludeTenantsKind = text(
        member(j, { "conditions", "users", "excludeGuestsOrExternalUsers", "externalTenants", "membershipKind" }));
    x.includeTenants
        = strings(member(j, { "conditions", "users", "includeGuestsOrExternalUsers", "externalTenants", "members" }));
    x.excludeTenants
        = strings(member(j, { "conditions", "users", "excludeGuestsOrExternalUsers", "externalTenants", "members" }));
    x.applicationFilterMode = text(member(j, { "conditions", "applications", "applicationFilter", "mode" }));
    x.servicePrincipalFilterMode
        = text(member(j, { "conditions", "clientApplications", "servicePrincipalFilter", "mode" }));
    x.includeDeviceStates = strings(member(j, { "conditions", "devices", "includeDevices" }));
    x.excludeDeviceStates = strings(member(j, { "conditions", "devices", "excludeDevices" }));
    if (x.includeDeviceStates.empty() && x.excludeDeviceStates.empty()) { // the older deviceStates condition
        x.includeDeviceStates = strings(member(j, { "conditions", "deviceStates", "includeStates" }));
        x.excludeDeviceStates = strings(member(j, { "conditions", "deviceStates", "excludeStates" }));
    }
    x.builtInControls = strings(member(j, { "grantControls", "builtInControls" }));
    return x;
}

ConditionResult evaluateUsers(const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in)
{
    if (!hasUserTargets(p)) {
        if (!p.includeServicePrincipals.empty())
            return result(State::NoMatch, "users", "users: the policy targets workload identities, not users");
        return result(State::NoMatch, "users", "users: the policy includes no users");
    }
    Side inc, exc;
    userSide(inc, p.includeUsers, p.includeGroups, p.includeRoles, p.includeGuestTypes, x.includeTenantsKind,
        x.includeTenants, in);
    userSide(exc, p.excludeUsers, p.excludeGroups, p.excludeRoles, p.excludeGuestTypes, x.excludeTenantsKind,
        x.excludeTenants, in);
    return scoped("users", inc, exc, in.userId.empty() ? std::string("the user") : "user " + in.userId);
}

namespace {

const ServicePrincipal* findServicePrincipal(const WhatIfInput& in, const Directory& dir)
{
    if (!dir.servicePrincipals) return nullptr;
    for (const ServicePrincipal& sp : *dir.servicePrincipals)
        if (!in.servicePrincipalId.empty() && ieq(sp.id, in.servicePrincipalId)) return &sp;
    for (const ServicePrincipal& sp : *dir.servicePrincipals)
        if (!in.clientAppId.empty() && ieq(sp.appId, in.clientAppId)) return &sp;
    return nullptr;
}

bool multiTenantAudience(const ServicePrincipal& sp)
{
    return ieq(sp.signInAudience, "AzureADMultipleOrgs") || ieq(sp.signInAudience, "AzureADandPersonalMicrosoftAccount")
        || ieq(sp.signInAudience, "PersonalMicrosoftAccount");
}

} // namespace

// Microsoft Learn, identity/conditional-access/workload-identity.md: "Policy can be applied to single tenant
// service principals that have been registered in your tenant. Third party SaaS and multi-tenanted apps are out of
// scope. Managed identities are not covered by policy."
Tri workloadIdentityInScope(const WhatIfInput& in, const Directory& dir, std::string* why)
{
    auto say = [why](Tri t, std::string text) {
        if (why) *why = std::move(text);
        return t;
    };
    if (in.identity == WhatIfInput::Identity::ManagedIdentity)
        return say(Tri::No, "managed identities are not covered by Conditional Access for workload identities");
    const ServicePrincipal* sp = findServicePrincipal(in, dir);
    if (!sp)
        return say(Tri::Unknown,
            "the service principal is not among the loaded service principals, so whether it is a single-tenant "
            "app of this tenant (the only kind a workload-identity policy covers) is not known");
    if (ieq(sp->servicePrincipalType, "ManagedIdentity"))
        return say(Tri::No, "a managed identity is not covered by Conditional Access for workload identities");
    if (sp->appOwnerOrganizationId.empty())
        return say(Tri::Unknown, "the service principal's owning tenant is not known");
    if (isMicrosoftTenant(sp->appOwnerOrganizationId))
        return say(Tri::No, "a Microsoft first-party app is out of scope of workload-identity policies");
    if (multiTenantAudience(*sp))
        return say(Tri::No, "a multi-tenant app is out of scope of workload-identity policies, even when listed");
    const std::string& tenant = in.tenantId.empty() ? dir.tenantId : in.tenantId;
    if (tenant.empty())
        return say(Tri::Unknown, "the tenant is not known, so whether the app is registered in it is not known");
    if (!ieq(sp->appOwnerOrganizationId, tenant))
        return say(Tri::No,
            "the app is owned by tenant " + sp->appOwnerOrganizationId
                + " (third-party or multi-tenant): out of scope of workload-identity policies, even when listed");
    return say(Tri::Yes, "a single-tenant app registered in this tenant");
}

ConditionResult evaluateWorkloadIdentities(
    const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in, const Directory& dir)
{
    const char* r = "workloadIdentities";
    if (p.includeServicePrincipals.empty())
        return result(State::NoMatch, r,
            "workloadIdentities: the policy targets users; a service principal is never evaluated against a "
            "user policy");
    std::string why;
    const Tri scope = workloadIdentityInScope(in, dir, &why);
    if (scope == Tri::No) {
        ConditionResult c = result(State::NoMatch, r, "workloadIdentities: " + why);
        c.included = Tri::No;
        c.excluded = Tri::No;
        return c;
    }
    const std::string subject = in.servicePrincipalId.empty() ? std::string("the service principal")
                                                              : "service principal " + in.servicePrincipalId;
    Side inc, exc;
    for (const std::string& id : p.includeServicePrincipals) {
        if (ieq(id, "ServicePrincipalsInMyTenant"))
            inc.add(Tri::Yes, "all service principals in the tenant");
        else if (!ieq(id, "None"))
            inc.add(in.servicePrincipalId.empty() ? Tri::Unknown : triOf(ieq(id, in.servicePrincipalId)),
                "service principal " + id);
    }
    if (scope == Tri::Unknown && inc.value == Tri::Yes) {
        inc.value = Tri::Unknown;
        inc.unknown.push_back(why);
    }
    for (const std::string& id : p.excludeServicePrincipals)
        exc.add(in.servicePrincipalId.empty() ? Tri::Unknown : triOf(ieq(id, in.servicePrincipalId)),
            "service principal " + id);
    if (!x.servicePrincipalFilterMode.empty()) {
        // Custom security attributes of service principals are not in any input.
        if (ieq(x.servicePrincipalFilterMode, "exclude"))
            exc.add(Tri::Unknown, "the service principal filter (custom security attributes)");
        else {
            inc.value = triAnd(inc.value, Tri::Unknown);
            inc.unknown.push_back("the service principal filter (custom security attributes)");
        }
    }
    return scoped(r, inc, exc, subject);
}

namespace {

// An app another tenant owns (or this tenant's own app) is never part of a Microsoft app group.
bool notMicrosoftApp(const std::string& app, const Directory& dir)
{
    if (!dir.servicePrincipals) return false;
    for (const ServicePrincipal& sp : *dir.servicePrincipals)
        if (ieq(sp.appId, app) && !sp.appOwnerOrganizationId.empty() && !isMicrosoftTenant(sp.appOwnerOrganizationId))
            return true;
    return false;
}

Tri group(Tri (*member)(std::string_view), const std::string& app, const Directory& dir)
{
    const Tri t = member(app);
    return t == Tri::Unknown && notMicrosoftApp(app, dir) ? Tri::No : t;
}

// One include or exclude list against one resource. Microsoft Learn, concept-conditional-access-cloud-apps.md:
// app groups (Office 365, Microsoft Admin Portals, Windows Azure Service Management API) stand for several apps.
void appSide(
    Side& s, const std::vector<std::string>& list, const std::string& app, const WhatIfInput& in, const Directory& dir)
{
    for (const std::string& a : list) {
        if (ieq(a, "All"))
            s.add(Tri::Yes, "all resources");
        else if (ieq(a, "None"))
            continue;
        else if (ieq(a, "Office365"))
            s.add(group(inOffice365, app, dir), "Office365");
        else if (ieq(a, "MicrosoftAdminPortals")) {
            Tri t = group(inAdminPortals, app, dir);
            if (!in.clientAppId.empty() && !ieq(in.clientAppId, app))
                t = triOr(t, group(inAdminPortals, in.clientAppId, dir));
            s.add(t, "MicrosoftAdminPortals");
        } else if (ieq(a, kServiceManagementApp)) {
            s.add(group(inServiceManagementApi, app, dir), "Windows Azure Service Management API");
        } else {
            s.add(triOf(ieq(a, app)), "app " + a);
        }
    }
}

// Microsoft Graph is an umbrella: Conditional Access evaluates the services behind the request, which a log names
// only in conditionalAccessAudiences. Without them only "All resources" (with nothing excluded) is certain.
void umbrellaSide(Side& s, const std::vector<std::string>& list)
{
    for (const std::string& a : list) {
        if (ieq(a, "All"))
            s.add(Tri::Yes, "all resources");
        else if (!ieq(a, "None"))
            s.add(Tri::Unknown,
                a
                    + " (Microsoft Graph is an umbrella resource; the service behind the request is "
                      "not in the record)");
    }
}

std::string userActionUrn(std::string_view action)
{
    if (ieq(action, "registerSecurityInformation") || ieq(action, "urn:user:registersecurityinfo"))
        return "urn:user:registersecurityinfo";
    if (ieq(action, "registerOrJoinDevices") || ieq(action, "urn:user:registerdevice"))
        return "urn:user:registerdevice";
    return std::string(action);
}

} // namespace

ConditionResult evaluateApplications(
    const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in, const Directory& dir)
{
    const bool appContext = !in.apps.empty();
    if (!p.includeUserActions.empty()) {
        const char* r = "userActions";
        if (in.userAction.empty())
            return appContext || !in.authContext.empty()
                ? result(State::NoMatch, r, "userActions: the policy targets user actions; the sign-in is for an app")
                : result(State::Unknown, r, "userActions: the input names no app, user action or auth context");
        const std::string urn = userActionUrn(in.userAction);
        return has(p.includeUserActions, urn) ? result(State::Match, r, "userActions: " + urn + " included")
                                              : result(State::NoMatch, r, "userActions: " + urn + " not included");
    }
    if (!p.includeAuthContexts.empty()) {
        const char* r = "authenticationContext";
        if (in.authContext.empty())
            return appContext || !in.userAction.empty()
                ? result(State::NoMatch, r,
                    "authenticationContext: the policy targets an authentication context the sign-in did not ask for")
                : result(
                    State::Unknown, r, "authenticationContext: the input names no app, user action or auth context");
        return has(p.includeAuthContexts, in.authContext)
            ? result(State::Match, r, "authenticationContext: " + in.authContext + " included")
            : result(State::NoMatch, r, "authenticationContext: " + in.authContext + " not included");
    }
    const char* r = "application";
    if (p.includeApplications.empty())
        return result(State::NoMatch, r, "application: the policy includes no resources");
    if (!appContext) {
        if (!in.userAction.empty())
            return result(State::NoMatch, r, "application: the policy targets resources; the sign-in is a user action");
        return result(State::Unknown, r, "application: the input names no app");
    }
    // The audiences the log names are what Conditional Access evaluated; else the resources asked for.
    const std::vector<std::string>& apps = in.audiences.empty() ? in.apps : in.audiences;
    // Several apps: the policy is in scope when any of them is.
    ConditionResult best;
    Tri total = Tri::No, totalInc = Tri::No, totalExc = Tri::No;
    for (const std::string& app : apps) {
        Side inc, exc;
        if (ieq(app, kMicrosoftGraphApp) && in.audiences.empty()) {
            umbrellaSide(inc, p.includeApplications);
            umbrellaSide(exc, p.excludeApplications);
        } else {
            appSide(inc, p.includeApplications, app, in, dir);
            appSide(exc, p.excludeApplications, app, in, dir);
        }
        if (ieq(app, kAzureAdGraphApp) && has(p.includeApplications, "All") && !p.excludeApplications.empty()
            && in.createdMs != INT64_MIN && in.createdMs < kBaselineScopeChangeMs)
            exc.add(Tri::Unknown,
                "the low-privilege directory scopes, which an All-resources policy with exclusions did not cover "
                "before March 2026");
        if (!x.applicationFilterMode.empty()) {
            // Custom security attributes of applications are not in any input.
            if (ieq(x.applicationFilterMode, "exclude"))
                exc.add(Tri::Unknown, "the application filter (custom security attributes)");
            else {
                inc.value = triAnd(inc.value, Tri::Unknown);
                inc.unknown.push_back("the application filter (custom security attributes)");
            }
        }
        ConditionResult c = scoped(r, inc, exc, "app " + app);
        const Tri t = inScope(inc.value, exc.value);
        if (total == Tri::No || t == Tri::Yes) best = c;
        total = triOr(total, t);
        totalInc = triOr(totalInc, inc.value);
        totalExc = triOr(totalExc, exc.value);
        if (total == Tri::Yes) break;
    }
    best.state = stateOf(total);
    if (total != Tri::Yes) {
        best.included = totalInc;
        best.excluded = totalExc;
    }
    return best;
}

ConditionResult evaluateClientApps(const CaPolicy& p, const WhatIfInput& in)
{
    const char* r = "clientApps";
    if (p.clientAppTypes.empty() || has(p.clientAppTypes, "all")) return result(State::NotConfigured, r, {});
    if (in.clientAppType.empty()) return result(State::Unknown, r, "clientApps: the client app type is not known");
    bool hit = has(p.clientAppTypes, in.clientAppType);
    if (!hit && ieq(in.clientAppType, "exchangeActiveSync")) hit = has(p.clientAppTypes, "easSupported");
    return result(hit ? State::Match : State::NoMatch, r,
        "clientApps: " + in.clientAppType + (hit ? " included" : " not included"));
}

ConditionResult evaluatePlatforms(const CaPolicy& p, const WhatIfInput& in)
{
    const char* r = "devicePlatform";
    if (p.includePlatforms.empty()) return result(State::NotConfigured, r, {});
    if (in.platform.empty()) return result(State::Unknown, r, "devicePlatform: the device platform is not known");
    // An unknown or unsupported platform is in "any device" and in none of the named platforms: the "block
    // unknown or unsupported device platform" policy (Microsoft Learn,
    // identity/conditional-access/howto-policy-unknown-unsupported-device.md) includes all and excludes the known.
    const bool unknown = ieq(in.platform, "unknown");
    Side inc, exc;
    if (has(p.includePlatforms, "all")) inc.add(Tri::Yes, "all platforms");
    if (!unknown && has(p.includePlatforms, in.platform)) inc.add(Tri::Yes, in.platform);
    if (has(p.excludePlatforms, "all")) exc.add(Tri::Yes, "all platforms");
    if (!unknown && has(p.excludePlatforms, in.platform)) exc.add(Tri::Yes, in.platform);
    return scoped(r, inc, exc, unknown ? std::string("an unknown or unsupported platform") : "platform " + in.platform);
}

namespace {

const NamedLocation* findLocation(const Directory& dir, std::string_view id)
{
    if (!dir.namedLocations) return nullptr;
    for (const NamedLocation& n : *dir.namedLocations)
        if (ieq(n.id, id)) return &n;
    return nullptr;
}

Tri ipIn(const NamedLocation& n, const std::optional<Addr16>& ip)
{
    if (!ip) return Tri::Unknown;
    // Match on the ranges as written (IPv4-mapped IPv6 ranges included); the parsed ones cover the rest.
    bool parsedAll = true;
    for (const std::string& t : n.rangeTexts) {
        auto r = parseRange(t);
        if (!r) {
            parsedAll = false;
            continue;
        }
        if (r->contains(*ip)) return Tri::Yes;
    }
    if (!parsedAll || n.rangeTexts.empty())
        for (const IpRange& r : n.ranges)
            if (toRange16(r).contains(*ip)) return Tri::Yes;
    return Tri::No;
}

Tri locationHolds(const NamedLocation& n, const WhatIfInput& in, const std::optional<Addr16>& ip)
{
    switch (n.kind) {
    case NamedLocation::Kind::Ip:
        return ipIn(n, ip);
    case NamedLocation::Kind::Country:
        if (ieq(n.countryLookupMethod, "authenticatorAppGps")) return Tri::Unknown; // GPS is in no input
        if (!in.country) return Tri::Unknown;
        if (in.country->empty()) return triOf(n.includeUnknownCountries);
        return triOf(has(n.countries, *in.country));
    case NamedLocation::Kind::Unknown:
        break;
    }
    return Tri::Unknown;
}

void locationSide(Side& s, const std::vector<std::string>& ids, const WhatIfInput& in, const Directory& dir,
    const std::optional<Addr16>& ip)
{
    for (const std::string& id : ids) {
        if (ieq(id, "All")) {
            s.add(Tri::Yes, "any location");
        } else if (ieq(id, "AllTrusted")) {
            Tri t = Tri::No;
            if (dir.namedLocations)
                for (const NamedLocation& n : *dir.namedLocations)
                    if (n.isTrusted || ieq(n.id, kLegacyTrustedIpsId)) t = triOr(t, locationHolds(n, in, ip));
            if (!ip && t != Tri::Yes) t = Tri::Unknown;
            s.add(t, "all trusted locations");
        } else if (const NamedLocation* n = findLocation(dir, id)) {
            s.add(locationHolds(*n, in, ip), "location " + (n->displayName.empty() ? id : n->displayName));
        } else if (ieq(id, kLegacyTrustedIpsId)) {
            s.add(Tri::Unknown, "MFA trusted IPs (legacy service settings, not in the input)");
        } else {
            s.add(Tri::Unknown, "named location " + id + " (not in the input)");
        }
    }
}

} // namespace

Tri inNamedLocation(const NamedLocation& n, const WhatIfInput& in)
{
    std::optional<Addr16> ip;
    if (!in.ipAddress.empty()) ip = parseAddress(in.ipAddress);
    return locationHolds(n, in, ip);
}

ConditionResult evaluateLocations(const CaPolicy& p, const WhatIfInput& in, const Directory& dir)
{
    const char* r = "location";
    if (p.includeLocations.empty()) return result(State::NotConfigured, r, {});
    std::optional<Addr16> ip;
    if (!in.ipAddress.empty()) ip = parseAddress(in.ipAddress);
    Side inc, exc;
    locationSide(inc, p.includeLocations, in, dir, ip);
    locationSide(exc, p.excludeLocations, in, dir, ip);
    return scoped(r, inc, exc, in.ipAddress.empty() ? std::string("the sign-in location") : "IP " + in.ipAddress);
}

namespace {

ConditionResult riskLevels(
    const char* r, const std::vector<std::string>& levels, const std::string& level, const char* what)
{
    if (levels.empty()) return result(State::NotConfigured, r, {});
    if (level.empty()) return result(State::Unknown, r, std::string(r) + ": the " + what + " is not known");
    const bool hit = has(levels, level);
    return result(hit ? State::Match : State::NoMatch, r,
        std::string(r) + ": " + what + " " + level + (hit ? " is" : " is not") + " one of the policy's levels");
}

} // namespace

ConditionResult evaluateSignInRisk(const CaPolicy& p, const WhatIfInput& in)
{
    return riskLevels("signInRisk", p.signInRiskLevels, in.signInRisk, "sign-in risk");
}

ConditionResult evaluateUserRisk(const CaPolicy& p, const WhatIfInput& in)
{
    return riskLevels("userRisk", p.userRiskLevels, in.userRisk, "user risk");
}

ConditionResult evaluateServicePrincipalRisk(const CaPolicy& p, const WhatIfInput& in)
{
    return riskLevels(
        "servicePrincipalRisk", p.servicePrincipalRiskLevels, in.servicePrincipalRisk, "service principal risk");
}

ConditionResult evaluateInsiderRisk(const CaPolicy& p, const WhatIfInput& in)
{
    std::vector<std::string> levels = flags(p.insiderRiskLevels);
    levels.erase(std::remove_if(levels.begin(), levels.end(), [](const std::string& l) { return ieq(l, "none"); }),
        levels.end());
    return riskLevels("insiderRisk", levels, in.insiderRisk, "insider risk");
}

ConditionResult evaluateAuthenticationFlows(const CaPolicy& p, const WhatIfInput& in)
{
    const char* r = "authenticationFlow";
    std::vector<std::string> methods = flags(p.transferMethods);
    methods.erase(std::remove_if(methods.begin(), methods.end(), [](const std::string& m) { return ieq(m, "none"); }),
        methods.end());
    if (methods.empty()) return result(State::NotConfigured, r, {});
    if (in.authFlow.empty())
        return result(State::Unknown, r, "authenticationFlow: the authentication flow is not known");
    const bool hit = has(methods, in.authFlow);
    return result(hit ? State::Match : State::NoMatch, r,
        "authenticationFlow: " + in.authFlow + (hit ? " included" : " not included"));
}

ConditionResult evaluateDevices(const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in)
{
    const char* r = "devices";
    if (p.deviceFilterRule.empty()) {
        if (x.excludeDeviceStates.empty()) return result(State::NotConfigured, r, {});
        // Legacy device state: include All, exclude Compliant and/or DomainJoined (hybrid joined).
        Side inc, exc;
        inc.add(Tri::Yes, "all devices");
        if (has(x.excludeDeviceStates, "Compliant"))
            exc.add(in.deviceCompliant ? triOf(*in.deviceCompliant) : Tri::Unknown, "compliant device");
        if (has(x.excludeDeviceStates, "DomainJoined"))
            exc.add(in.deviceTrustType.empty() ? Tri::Unknown : triOf(ieq(in.deviceTrustType, "ServerAD")),
                "hybrid joined device");
        return scoped(r, inc, exc, "the device");
    }
    const DeviceFilter f = DeviceFilter::parse(p.deviceFilterRule);
    if (!f.valid())
        return result(State::Invalid, r, "devices: the device filter rule could not be parsed: " + f.error());
    const bool exclude = ieq(p.deviceFilterMode, "exclude");
    if (!exclude && !ieq(p.deviceFilterMode, "include"))
        return result(State::Invalid, r, "devices: unknown device filter mode '" + p.deviceFilterMode + "'");
    std::vector<std::string> missing;
    const Tri hit = f.evaluate([&](std::string_view prop) {
        PropertyValue v;
        if (in.deviceRegistered == false) {
            v.kind = PropertyValue::Kind::Null;
        } else if (auto value = in.deviceProperty(prop)) {
            v.kind = PropertyValue::Kind::Value;
            v.value = *value;
        } else {
            missing.emplace_back("device." + std::string(prop));
        }
        return v;
    });
    const Tri t = exclude ? triNot(hit) : hit;
    std::string d = "devices: the device "
        + std::string(hit == Tri::Yes ? "matches"
                : hit == Tri::No      ? "does not match"
                                      : "may match")
        + " the " + (exclude ? "exclude" : "include") + " filter";
    if (hit == Tri::Unknown) d += " (not known: " + joined(missing) + ")";
    return result(stateOf(t), r, d);
}

} // namespace calens::whatif
