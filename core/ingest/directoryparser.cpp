// SPDX-License-Identifier: MIT
#include "directoryparser.h"

#include "jsonlookup.h"
#include "model/enums.h"
#include "timestamp.h"

#include <nlohmann/json.hpp>

namespace calens {

namespace {

using json = nlohmann::json;

using jsonlookup::member;
using jsonlookup::path;
using jsonlookup::text;

std::vector<std::string> list(const json* v)
{
    std::vector<std::string> out;
    if (!v) return out;
    if (v->is_array()) {
        for (const auto& e : *v)
            if (e.is_string()) out.push_back(e.get<std::string>());
    } else if (v->is_string() && !v->get<std::string>().empty()) {
        out.push_back(v->get<std::string>());
    }
    return out;
}

std::optional<json> parse(std::string_view s, QString* error)
{
    json j = json::parse(s.begin(), s.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        if (error) *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return j;
}

PolicyState stateOf(const std::string& s)
{
    if (equalsIgnoreCase(s, "enabled")) return PolicyState::Enabled;
    if (equalsIgnoreCase(s, "disabled")) return PolicyState::Disabled;
    if (equalsIgnoreCase(s, "enabledForReportingButNotEnforced")) return PolicyState::ReportOnly;
    return PolicyState::Unknown;
}

bool enabled(const json* v)
{
    const json* e = v ? member(*v, "isEnabled") : nullptr;
    return e && e->is_boolean() && e->get<bool>();
}

} // namespace

std::optional<CaPolicy> parseCaPolicy(std::string_view s, QString* error)
{
    auto j = parse(s, error);
    if (!j) return std::nullopt;
    CaPolicy p;
    p.id = text(member(*j, "id"));
    p.displayName = text(member(*j, "displayName"));
    p.stateText = text(member(*j, "state"));
    p.state = stateOf(p.stateText);
    const json& c = *j;
    p.includeUsers = list(path(c, { "conditions", "users", "includeUsers" }));
    p.excludeUsers = list(path(c, { "conditions", "users", "excludeUsers" }));
    p.includeGroups = list(path(c, { "conditions", "users", "includeGroups" }));
    p.excludeGroups = list(path(c, { "conditions", "users", "excludeGroups" }));
    p.includeRoles = list(path(c, { "conditions", "users", "includeRoles" }));
    p.excludeRoles = list(path(c, { "conditions", "users", "excludeRoles" }));
    p.includeGuestTypes
        = text(path(c, { "conditions", "users", "includeGuestsOrExternalUsers", "guestOrExternalUserTypes" }));
    p.excludeGuestTypes
        = text(path(c, { "conditions", "users", "excludeGuestsOrExternalUsers", "guestOrExternalUserTypes" }));
    p.includeApplications = list(path(c, { "conditions", "applications", "includeApplications" }));
    p.excludeApplications = list(path(c, { "conditions", "applications", "excludeApplications" }));
    p.includeUserActions = list(path(c, { "conditions", "applications", "includeUserActions" }));
    p.includeAuthContexts
        = list(path(c, { "conditions", "applications", "includeAuthenticationContextClassReferences" }));
    p.includeServicePrincipals = list(path(c, { "conditions", "clientApplications", "includeServicePrincipals" }));
    p.excludeServicePrincipals = list(path(c, { "conditions", "clientApplications", "excludeServicePrincipals" }));
    p.clientAppTypes = list(path(c, { "conditions", "clientAppTypes" }));
    p.includePlatforms = list(path(c, { "conditions", "platforms", "includePlatforms" }));
    p.excludePlatforms = list(path(c, { "conditions", "platforms", "excludePlatforms" }));
    p.includeLocations = list(path(c, { "conditions", "locations", "includeLocations" }));
    p.excludeLocations = list(path(c, { "conditions", "locations", "excludeLocations" }));
    p.deviceFilterMode = text(path(c, { "conditions", "devices", "deviceFilter", "mode" }));
    p.deviceFilterRule = text(path(c, { "conditions", "devices", "deviceFilter", "rule" }));
    p.signInRiskLevels = list(path(c, { "conditions", "signInRiskLevels" }));
    p.userRiskLevels = list(path(c, { "conditions", "userRiskLevels" }));
    p.servicePrincipalRiskLevels = list(path(c, { "conditions", "servicePrincipalRiskLevels" }));
    p.insiderRiskLevels = text(path(c, { "conditions", "insiderRiskLevels" }));
    p.transferMethods = text(path(c, { "conditions", "authenticationFlows", "transferMethods" }));

    p.grantOperator = text(path(c, { "grantControls", "operator" }));
    for (const std::string& g : list(path(c, { "grantControls", "builtInControls" }))) p.grant |= parseGrantControl(g);
    p.customAuthenticationFactors = list(path(c, { "grantControls", "customAuthenticationFactors" }));
    p.termsOfUse = list(path(c, { "grantControls", "termsOfUse" }));
    if (!p.customAuthenticationFactors.empty()) p.grant |= Grant::Other;
    if (!p.termsOfUse.empty()) p.grant |= Grant::TermsOfUse;
    if (const json* strength = path(c, { "grantControls", "authenticationStrength" })) {
        p.authStrengthId = text(member(*strength, "id"));
        p.authStrengthName = text(member(*strength, "displayName"));
        if (!p.authStrengthId.empty() || !p.authStrengthName.empty()) p.grant |= Grant::AuthenticationStrength;
    }
    if (const json* session = member(c, "sessionControls")) {
        if (enabled(member(*session, "applicationEnforcedRestrictions")))
            p.session |= Session::ApplicationEnforcedRestrictions;
        if (enabled(member(*session, "cloudAppSecurity"))) p.session |= Session::CloudAppSecurity;
        if (enabled(member(*session, "persistentBrowser"))) p.session |= Session::PersistentBrowser;
        if (enabled(member(*session, "signInFrequency"))) p.session |= Session::SignInFrequency;
        if (enabled(member(*session, "secureSignInSession"))) p.session |= Session::SecureSignInSession;
        if (const json* d = member(*session, "disableResilienceDefaults"); d && d->is_boolean() && d->get<bool>())
            p.session |= Session::DisableResilienceDefaults;
        if (member(*session, "continuousAccessEvaluation")) p.session |= Session::ContinuousAccessEvaluation;
    }
    p.createdMs = parseTimestamp(text(member(c, "createdDateTime")));
    p.modifiedMs = parseTimestamp(text(member(c, "modifiedDateTime")));
    p.json = j->dump();
    if (p.id.empty() && p.displayName.empty()) {
        if (error) *error = QStringLiteral("a policy without id or displayName");
        return std::nullopt;
    }
    return p;
}

std::optional<NamedLocation> parseNamedLocation(std::string_view s, QString* error)
{
    auto j = parse(s, error);
    if (!j) return std::nullopt;
    NamedLocation n;
    n.id = text(member(*j, "id"));
    n.displayName = text(member(*j, "displayName"));
    const std::string type = text(member(*j, "@odata.type"));
    const json* ranges = member(*j, "ipRanges");
    const json* countries = member(*j, "countriesAndRegions");
    if (type.find("ipNamedLocation") != std::string::npos || ranges)
        n.kind = NamedLocation::Kind::Ip;
    else if (type.find("countryNamedLocation") != std::string::npos || countries)
        n.kind = NamedLocation::Kind::Country;
    if (const json* t = member(*j, "isTrusted"); t && t->is_boolean()) n.isTrusted = t->get<bool>();
    if (ranges && ranges->is_array()) {
        for (const json& r : *ranges) {
            std::string cidr = text(member(r, "cidrAddress"));
            if (!cidr.empty()) {
                n.rangeTexts.push_back(cidr);
                if (auto range = IpRange::parseCidr(cidr)) n.ranges.push_back(*range);
                continue;
            }
            const std::string lo = text(member(r, "lowerAddress")), hi = text(member(r, "upperAddress"));
            auto a = IpAddress::parse(lo), b = IpAddress::parse(hi);
            if (a && b) {
                if (auto range = IpRange::fromBounds(*a, *b)) {
                    n.ranges.push_back(*range);
                    n.rangeTexts.push_back(std::string(lo).append("-").append(hi));
                }
            }
        }
    }
    n.countries = list(countries);
    if (const json* u = member(*j, "includeUnknownCountriesAndRegions"); u && u->is_boolean())
        n.includeUnknownCountries = u->get<bool>();
    n.countryLookupMethod = text(member(*j, "countryLookupMethod"));
    n.createdMs = parseTimestamp(text(member(*j, "createdDateTime")));
    n.modifiedMs = parseTimestamp(text(member(*j, "modifiedDateTime")));
    n.json = j->dump();
    if (n.id.empty() && n.displayName.empty()) {
        if (error) *error = QStringLiteral("a named location without id or displayName");
        return std::nullopt;
    }
    return n;
}

std::optional<ServicePrincipal> parseServicePrincipal(std::string_view s, QString* error)
{
    auto j = parse(s, error);
    if (!j) return std::nullopt;
    ServicePrincipal sp;
    sp.id = text(member(*j, "id"));
    sp.appId = text(member(*j, "appId"));
    sp.displayName = text(member(*j, "displayName"));
    sp.servicePrincipalType = text(member(*j, "servicePrincipalType"));
    sp.appOwnerOrganizationId = text(member(*j, "appOwnerOrganizationId"));
    sp.signInAudience = text(member(*j, "signInAudience"));
    sp.tags = list(member(*j, "tags"));
    sp.json = j->dump();
    if (sp.id.empty() && sp.appId.empty()) {
        if (error) *error = QStringLiteral("a service principal without id or appId");
        return std::nullopt;
    }
    return sp;
}

} // namespace calens
