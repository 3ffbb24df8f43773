// SPDX-License-Identifier: MIT
#include "signinjson.h"

#include "jsonout.h"
#include "model/signinref.h"
#include "timefmt.h"

namespace calens::exporter {

namespace {

constexpr std::string_view kGrantDisplay[Grant::Count] = { "Block", "Mfa", "RequireCompliantDevice",
    "RequireDomainJoinedDevice", "RequireApprovedApp", "RequireCompliantApp", "RequirePasswordChange",
    "RequireRiskRemediation", "RequireAuthenticationStrength", "RequireTermsOfUse", "" };
constexpr std::string_view kSessionDisplay[Session::Count]
    = { "ApplicationEnforcedRestrictions", "CloudAppSecurity", "PersistentBrowser", "SignInFrequency",
          "ContinuousAccessEvaluation", "DisableResilienceDefaults", "SecureSignInSession", "Other" };

void str(std::string& out, bool& first, std::string_view key, std::string_view value)
{
    appendKey(out, key, first);
    appendString(out, value);
}

void strOrNull(std::string& out, bool& first, std::string_view key, std::string_view value)
{
    appendKey(out, key, first);
    if (value.empty())
        out += "null";
    else
        appendString(out, value);
}

void tristate(std::string& out, Tristate t)
{
    out += t == Tristate::True ? "true" : t == Tristate::False ? "false" : "null";
}

void appendRules(std::string& out, const std::vector<RuleView>& rules)
{
    out += '[';
    for (size_t i = 0; i < rules.size(); ++i) {
        if (i) out += ',';
        out += "{\"conditionalAccessCondition\":";
        appendString(out, conditionName(rules[i].condition));
        out += ",\"ruleSatisfied\":";
        appendString(out, rules[i].rule == kRuleUnknown ? rules[i].ruleText : ruleName(rules[i].rule));
        out += '}';
    }
    out += ']';
}

} // namespace

std::string_view statusWord(int32_t code)
{
    if (code == 0) return "Success";
    switch (code) {
    case 50058:
    case 50074:
    case 50076:
    case 50097:
    case 50125:
    case 50140:
    case 50199:
    case 16000:
    case 81010:
        return "Interrupted";
    default:
        return "Failure";
    }
}

std::string_view categoryOf(SignInType t)
{
    switch (t) {
    case SignInType::NonInteractiveUser:
        return "NonInteractiveUserSignInLogs";
    case SignInType::ServicePrincipal:
        return "ServicePrincipalSignInLogs";
    case SignInType::ManagedIdentity:
        return "ManagedIdentitySignInLogs";
    default:
        return "SignInLogs";
    }
}

std::string_view laTableOf(SignInType t)
{
    switch (t) {
    case SignInType::NonInteractiveUser:
        return "AADNonInteractiveUserSignInLogs";
    case SignInType::ServicePrincipal:
        return "AADServicePrincipalSignInLogs";
    case SignInType::ManagedIdentity:
        return "AADManagedIdentitySignInLogs";
    default:
        return "SigninLogs";
    }
}

void appendConditionNames(std::string& out, uint32_t flags)
{
    if (!flags) {
        out += "none";
        return;
    }
    bool first = true;
    for (int b = 0; b < Condition::Count; ++b)
        if (flags & (1u << b)) {
            if (!first) out += ',';
            first = false;
            out += conditionName(b);
        }
}

void appendGrantControls(std::string& out, const SignInRef& s, const PolicyEval& e)
{
    out += '[';
    bool first = true;
    for (int b = 0; b < Grant::Count - 1; ++b)
        if (e.grant & (1u << b)) {
            if (!first) out += ',';
            first = false;
            appendString(out, kGrantDisplay[b]);
        }
    if (e.grant & Grant::Other)
        for (std::string_view name : s.customGrants(e)) {
            if (!first) out += ',';
            first = false;
            appendString(out, name);
        }
    out += ']';
}

void appendSessionControls(std::string& out, uint16_t session)
{
    out += '[';
    bool first = true;
    for (int b = 0; b < Session::Count; ++b)
        if (session & (1u << b)) {
            if (!first) out += ',';
            first = false;
            appendString(out, kSessionDisplay[b]);
        }
    out += ']';
}

void appendPolicy(std::string& out, const SignInRef& s, const PolicyEval& e, bool numeric)
{
    out += "{\"id\":";
    appendString(out, s.policyId(e));
    out += ",\"displayName\":";
    appendString(out, s.policyName(e));
    out += ",\"enforcedGrantControls\":";
    appendGrantControls(out, s, e);
    out += ",\"enforcedSessionControls\":";
    appendSessionControls(out, e.session);
    out += ",\"sessionControlsNotSatisfied\":";
    appendSessionControls(out, e.sessionNotSatisfied);
    out += ",\"result\":";
    appendString(out, s.resultText(e));
    for (int k = 0; k < 2; ++k) {
        const uint32_t flags = k ? e.conditionsNotSatisfied : e.conditionsSatisfied;
        out += k ? ",\"conditionsNotSatisfied\":" : ",\"conditionsSatisfied\":";
        if (numeric) {
            appendInt(out, flags);
        } else {
            out += '"';
            appendConditionNames(out, flags);
            out += '"';
        }
    }
    out += ",\"includeRulesSatisfied\":";
    appendRules(out, e.extras ? s.includeRules(e) : std::vector<RuleView>());
    out += ",\"excludeRulesSatisfied\":";
    appendRules(out, e.extras ? s.excludeRules(e) : std::vector<RuleView>());
    out += ",\"authenticationStrength\":";
    const std::string_view asId = s.authStrengthId(e);
    if (asId.empty() && e.authStrengthResult == AuthStrengthResult::NotSet && s.authStrengthName(e).empty()) {
        out += "null";
    } else {
        bool first = true;
        out += '{';
        str(out, first, "authenticationStrengthId", asId);
        str(out, first, "displayName", s.authStrengthName(e));
        str(out, first, "authenticationStrengthResult", name(e.authStrengthResult));
        out += '}';
    }
    out += '}';
}

void appendAppliedPolicies(std::string& out, const SignInRef& s, bool numeric)
{
    out += '[';
    bool first = true;
    for (const PolicyEval& e : s.evals()) {
        if (!first) out += ',';
        first = false;
        appendPolicy(out, s, e, numeric);
    }
    out += ']';
}

void appendStatus(std::string& out, const SignInRef& s)
{
    bool first = true;
    out += '{';
    appendKey(out, "errorCode", first);
    appendInt(out, s.errorCode());
    strOrNull(out, first, "failureReason", s.str(SF::FailureReason));
    strOrNull(out, first, "additionalDetails", s.str(SF::AdditionalDetails));
    out += '}';
}

void appendDeviceDetail(std::string& out, const SignInRef& s)
{
    bool first = true;
    out += '{';
    str(out, first, "deviceId", s.str(SF::DeviceId));
    str(out, first, "displayName", s.str(SF::DeviceName));
    str(out, first, "operatingSystem", s.str(SF::OperatingSystem));
    str(out, first, "browser", s.str(SF::Browser));
    appendKey(out, "isCompliant", first);
    tristate(out, s.isCompliant());
    appendKey(out, "isManaged", first);
    tristate(out, s.isManaged());
    str(out, first, "trustType", s.str(SF::TrustType));
    out += '}';
}

void appendLocation(std::string& out, const SignInRef& s)
{
    bool first = true;
    out += '{';
    str(out, first, "city", s.str(SF::City));
    str(out, first, "state", s.str(SF::State));
    str(out, first, "countryOrRegion", s.str(SF::Country));
    out += ",\"geoCoordinates\":{}}";
}

void appendNetworkLocationDetails(std::string& out, const SignInRef& s)
{
    // The model keeps the types as bits and all names joined: names go with the first type.
    out += '[';
    bool first = true;
    for (int b = 0; b < NetworkType::Count; ++b)
        if (s.networkTypes() & (1u << b)) {
            out += first ? "{\"networkType\":" : ",{\"networkType\":";
            appendString(out, networkTypeName(b));
            out += ",\"networkNames\":";
            appendJoinedArray(out, first ? s.str(SF::NetworkNames) : std::string_view());
            out += '}';
            first = false;
        }
    out += ']';
}

void appendSignInJson(std::string& out, const SignInRef& s, const SignInJsonStyle& style)
{
    bool first = true;
    out += '{';
    str(out, first, "id", s.str(SF::Id));
    appendKey(out, "createdDateTime", first);
    out += '"';
    if (style.offsetDates)
        appendIsoOffset(out, s.createdMs());
    else
        appendIsoSeconds(out, s.createdMs());
    out += '"';
    str(out, first, "userDisplayName", s.str(SF::UserDisplayName));
    str(out, first, "userPrincipalName", s.str(SF::UserPrincipalName));
    str(out, first, "userId", s.str(SF::UserId));
    str(out, first, "appId", s.str(SF::AppId));
    str(out, first, "appDisplayName", s.str(SF::AppDisplayName));
    str(out, first, "ipAddress", s.str(SF::IpAddress));
    str(out, first, "clientAppUsed", s.str(SF::ClientAppUsed));
    str(out, first, "userAgent", s.str(SF::UserAgent));
    str(out, first, "correlationId", s.str(SF::CorrelationId));
    str(out, first, "conditionalAccessStatus", name(s.caStatus()));
    str(out, first, "originalRequestId", s.str(SF::OriginalRequestId));
    appendKey(out, "isInteractive", first);
    tristate(out, s.isInteractive());
    str(out, first, "tokenIssuerName", "");
    str(out, first, "tokenIssuerType", "AzureAD");
    str(out, first, "authenticationProtocol", s.str(SF::AuthenticationProtocol));
    str(out, first, "incomingTokenType", s.str(SF::IncomingTokenType));
    str(out, first, "clientCredentialType", s.str(SF::ClientCredentialType));
    str(out, first, "uniqueTokenIdentifier", s.str(SF::UniqueTokenId));
    str(out, first, "resourceDisplayName", s.str(SF::ResourceDisplayName));
    str(out, first, "resourceId", s.str(SF::ResourceId));
    str(out, first, "resourceTenantId", s.str(SF::ResourceTenantId));
    str(out, first, "homeTenantId", s.str(SF::HomeTenantId));
    str(out, first, "servicePrincipalId", s.str(SF::ServicePrincipalId));
    str(out, first, "servicePrincipalName", s.str(SF::ServicePrincipalName));
    str(out, first, "userType", s.str(SF::UserType));
    str(out, first, "crossTenantAccessType", s.str(SF::CrossTenantAccessType));
    if (s.transferMethod() != TransferMethod::NotSet)
        str(out, first, "originalTransferMethod", name(s.transferMethod()));
    strOrNull(out, first, "authenticationRequirement", name(s.authRequirement()));
    str(out, first, "riskDetail", s.str(SF::RiskDetail));
    strOrNull(out, first, "riskLevelAggregated", name(s.riskAggregated()));
    strOrNull(out, first, "riskLevelDuringSignIn", name(s.riskDuringSignIn()));
    strOrNull(out, first, "riskState", name(s.riskState()));
    appendKey(out, "riskEventTypes_v2", first);
    appendJoinedArray(out, s.str(SF::RiskEventTypes));
    if (s.type() != SignInType::Unknown) {
        appendKey(out, "signInEventTypes", first);
        out += '[';
        appendString(out, name(s.type()));
        out += ']';
    }
    appendKey(out, "authenticationContextClassReferences", first);
    out += '[';
    bool firstRef = true;
    for (std::string_view refs = s.str(SF::AuthContextRefs); !refs.empty();) {
        const size_t comma = refs.find(',');
        if (!firstRef) out += ',';
        firstRef = false;
        out += "{\"id\":";
        appendString(out, refs.substr(0, comma));
        out += ",\"detail\":\"required\"}";
        refs = comma == std::string_view::npos ? std::string_view() : refs.substr(comma + 1);
    }
    out += ']';
    if (s.msiType() != MsiType::NotSet) {
        appendKey(out, "managedServiceIdentity", first);
        bool f = true;
        out += '{';
        str(out, f, "msiType", name(s.msiType()));
        strOrNull(out, f, "associatedResourceId", s.str(SF::MsiAssociatedResourceId));
        out += ",\"federatedTokenId\":null,\"federatedTokenIssuer\":null}";
    }
    appendKey(out, "status", first);
    appendStatus(out, s);
    appendKey(out, "deviceDetail", first);
    appendDeviceDetail(out, s);
    appendKey(out, "location", first);
    appendLocation(out, s);
    appendKey(out, "networkLocationDetails", first);
    appendNetworkLocationDetails(out, s);
    if (s.policyDetail() != Tristate::Unset) {
        appendKey(out, "appliedConditionalAccessPolicies", first);
        if (s.policyDetail() == Tristate::False)
            out += "null";
        else
            appendAppliedPolicies(out, s, style.numericConditions);
    }
    out += '}';
}

} // namespace calens::exporter
