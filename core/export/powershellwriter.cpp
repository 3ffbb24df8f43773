// SPDX-License-Identifier: MIT
#include "formatwriters.h"
#include "jsonout.h"
#include "model/signinref.h"
#include "outputfile.h"
#include "psjson.h"
#include "signinjson.h"

namespace calens::exporter {

namespace {

constexpr std::string_view kNs = "Microsoft.Graph.PowerShell.Models.";

std::string typeName(std::string_view model)
{
    return std::string(kNs) + std::string(model);
}

std::string_view tri(Tristate t)
{
    return t == Tristate::True ? "true" : t == Tristate::False ? "false" : "null";
}

// The SDK keeps flag enums as the Graph text ("application,users").
std::string conditions(uint32_t flags)
{
    std::string s;
    appendConditionNames(s, flags);
    return s;
}

void rules(PsJson& w, std::string_view key, const std::vector<RuleView>& list)
{
    w.beginArray(key);
    for (const RuleView& r : list) {
        w.beginObject({}, typeName("MicrosoftGraphConditionalAccessRuleSatisfied"));
        w.string("ConditionalAccessCondition", conditionName(r.condition));
        w.string("RuleSatisfied", r.rule == kRuleUnknown ? r.ruleText : ruleName(r.rule));
        w.end();
    }
    w.end();
}

// A JSON array of display strings (as appendGrantControls writes it) re-emitted element by element.
void stringArray(PsJson& w, std::string_view key, std::string_view jsonArray)
{
    w.beginArray(key);
    size_t i = 0;
    while ((i = jsonArray.find('"', i)) != std::string_view::npos) {
        const size_t close = jsonArray.find('"', i + 1);
        w.string({}, jsonArray.substr(i + 1, close - i - 1));
        i = close + 1;
    }
    w.end();
}

void joinedArray(PsJson& w, std::string_view key, std::string_view joined)
{
    w.beginArray(key);
    while (!joined.empty()) {
        const size_t comma = joined.find(',');
        w.string({}, joined.substr(0, comma));
        if (comma == std::string_view::npos) break;
        joined.remove_prefix(comma + 1);
    }
    w.end();
}

void policy(PsJson& w, const SignInRef& s, const PolicyEval& e, std::string& scratch)
{
    w.beginObject({}, typeName("MicrosoftGraphAppliedConditionalAccessPolicy"));
    const std::string_view asId = s.authStrengthId(e);
    if (asId.empty() && e.authStrengthResult == AuthStrengthResult::NotSet) {
        w.raw("AuthenticationStrength", "null");
    } else {
        w.beginObject("AuthenticationStrength", typeName("MicrosoftGraphAuthenticationStrength"));
        w.string("AuthenticationStrengthId", asId);
        w.string("AuthenticationStrengthResult", name(e.authStrengthResult));
        w.string("DisplayName", s.authStrengthName(e));
        w.end();
    }
    w.string("ConditionsNotSatisfied", conditions(e.conditionsNotSatisfied));
    w.string("ConditionsSatisfied", conditions(e.conditionsSatisfied));
    w.string("DisplayName", s.policyName(e));
    scratch.clear();
    appendGrantControls(scratch, s, e);
    stringArray(w, "EnforcedGrantControls", scratch);
    scratch.clear();
    appendSessionControls(scratch, e.session);
    stringArray(w, "EnforcedSessionControls", scratch);
    rules(w, "ExcludeRulesSatisfied", e.extras ? s.excludeRules(e) : std::vector<RuleView>());
    w.string("Id", s.policyId(e));
    rules(w, "IncludeRulesSatisfied", e.extras ? s.includeRules(e) : std::vector<RuleView>());
    w.string("Result", s.resultText(e));
    scratch.clear();
    appendSessionControls(scratch, e.sessionNotSatisfied);
    stringArray(w, "SessionControlsNotSatisfied", scratch);
    w.end();
}

void signIn(PsJson& w, const SignInRef& s, std::string& scratch)
{
    w.beginObject({}, typeName("MicrosoftGraphSignIn"));
    w.string("AppDisplayName", s.str(SF::AppDisplayName));
    w.string("AppId", s.str(SF::AppId));
    if (s.policyDetail() == Tristate::True) {
        w.beginArray("AppliedConditionalAccessPolicies");
        for (const PolicyEval& e : s.evals()) policy(w, s, e, scratch);
        w.end();
    } else if (s.policyDetail() == Tristate::False) {
        w.raw("AppliedConditionalAccessPolicies", "null");
    }
    w.beginArray("AuthenticationContextClassReferences");
    for (std::string_view refs = s.str(SF::AuthContextRefs); !refs.empty();) {
        const size_t comma = refs.find(',');
        w.beginObject({}, typeName("MicrosoftGraphAuthenticationContext"));
        w.string("Detail", "required");
        w.string("Id", refs.substr(0, comma));
        w.end();
        refs = comma == std::string_view::npos ? std::string_view() : refs.substr(comma + 1);
    }
    w.end();
    w.string("AuthenticationProtocol", s.str(SF::AuthenticationProtocol));
    w.stringOrNull("AuthenticationRequirement", name(s.authRequirement()));
    w.string("ClientAppUsed", s.str(SF::ClientAppUsed));
    w.string("ClientCredentialType", s.str(SF::ClientCredentialType));
    w.string("ConditionalAccessStatus", name(s.caStatus()));
    w.string("CorrelationId", s.str(SF::CorrelationId));
    scratch.assign("\\/Date(");
    appendInt(scratch, s.createdMs());
    scratch += ")\\/";
    w.raw("CreatedDateTime", "\"" + scratch + "\"");
    w.string("CrossTenantAccessType", s.str(SF::CrossTenantAccessType));
    w.beginObject("DeviceDetail", typeName("MicrosoftGraphDeviceDetail"));
    w.string("Browser", s.str(SF::Browser));
    w.string("DeviceId", s.str(SF::DeviceId));
    w.string("DisplayName", s.str(SF::DeviceName));
    w.raw("IsCompliant", tri(s.isCompliant()));
    w.raw("IsManaged", tri(s.isManaged()));
    w.string("OperatingSystem", s.str(SF::OperatingSystem));
    w.string("TrustType", s.str(SF::TrustType));
    w.end();
    w.string("HomeTenantId", s.str(SF::HomeTenantId));
    w.string("Id", s.str(SF::Id));
    w.string("IncomingTokenType", s.str(SF::IncomingTokenType));
    w.string("IPAddress", s.str(SF::IpAddress));
    w.raw("IsInteractive", tri(s.isInteractive()));
    w.beginObject("Location", typeName("MicrosoftGraphSignInLocation"));
    w.string("City", s.str(SF::City));
    w.string("CountryOrRegion", s.str(SF::Country));
    w.beginObject("GeoCoordinates", typeName("MicrosoftGraphGeoCoordinates"));
    w.raw("Altitude", "null");
    w.raw("Latitude", "null");
    w.raw("Longitude", "null");
    w.end();
    w.string("State", s.str(SF::State));
    w.end();
    if (s.msiType() != MsiType::NotSet) {
        w.beginObject("ManagedServiceIdentity", typeName("MicrosoftGraphManagedIdentity"));
        w.stringOrNull("AssociatedResourceId", s.str(SF::MsiAssociatedResourceId));
        w.raw("FederatedTokenId", "null");
        w.raw("FederatedTokenIssuer", "null");
        w.string("MsiType", name(s.msiType()));
        w.end();
    }
    w.beginArray("NetworkLocationDetails");
    bool firstType = true;
    for (int b = 0; b < NetworkType::Count; ++b)
        if (s.networkTypes() & (1u << b)) {
            w.beginObject({}, typeName("MicrosoftGraphNetworkLocationDetail"));
            joinedArray(w, "NetworkNames", firstType ? s.str(SF::NetworkNames) : std::string_view());
            w.string("NetworkType", networkTypeName(b));
            w.end();
            firstType = false;
        }
    w.end();
    w.string("OriginalRequestId", s.str(SF::OriginalRequestId));
    if (s.transferMethod() != TransferMethod::NotSet) w.string("OriginalTransferMethod", name(s.transferMethod()));
    w.string("ResourceDisplayName", s.str(SF::ResourceDisplayName));
    w.string("ResourceId", s.str(SF::ResourceId));
    w.string("ResourceTenantId", s.str(SF::ResourceTenantId));
    w.string("RiskDetail", s.str(SF::RiskDetail));
    joinedArray(w, "RiskEventTypesV2", s.str(SF::RiskEventTypes));
    w.stringOrNull("RiskLevelAggregated", name(s.riskAggregated()));
    w.stringOrNull("RiskLevelDuringSignIn", name(s.riskDuringSignIn()));
    w.stringOrNull("RiskState", name(s.riskState()));
    w.string("ServicePrincipalId", s.str(SF::ServicePrincipalId));
    w.string("ServicePrincipalName", s.str(SF::ServicePrincipalName));
    w.beginArray("SignInEventTypes");
    if (s.type() != SignInType::Unknown) w.string({}, name(s.type()));
    w.end();
    w.beginObject("Status", typeName("MicrosoftGraphSignInStatus"));
    w.stringOrNull("AdditionalDetails", s.str(SF::AdditionalDetails));
    scratch.clear();
    appendInt(scratch, s.errorCode());
    w.raw("ErrorCode", scratch);
    w.stringOrNull("FailureReason", s.str(SF::FailureReason));
    w.beginObject("AdditionalProperties", "System.Collections.Generic.Dictionary`2[System.String,System.Object]");
    w.end();
    w.end();
    w.string("TokenIssuerType", "AzureAD");
    w.string("UniqueTokenIdentifier", s.str(SF::UniqueTokenId));
    w.string("UserAgent", s.str(SF::UserAgent));
    w.string("UserDisplayName", s.str(SF::UserDisplayName));
    w.string("UserId", s.str(SF::UserId));
    w.string("UserPrincipalName", s.str(SF::UserPrincipalName));
    w.string("UserType", s.str(SF::UserType));
    w.beginObject("AdditionalProperties", "System.Collections.Generic.Dictionary`2[System.String,System.Object]");
    w.end();
    w.end();
}

} // namespace

// Get-MgBetaAuditLogSignIn | ConvertTo-Json -Depth N | Out-File -Encoding utf8 (Windows PowerShell 5.1:
// UTF-8 with BOM, CRLF, PascalCase SDK property names, dates as "\/Date(ms)\/").
bool writePowershellJson(const Dataset& data, const QString& path, QString* error, int depth)
{
    OutputFile file;
    if (!file.open(path, error)) return false;
    std::string& out = file.buffer();
    out += "\xEF\xBB\xBF";
    PsJson w(out, depth);
    std::string scratch;
    w.beginArray();
    for (uint32_t row = 0; row < data.signInCount(); ++row) {
        signIn(w, data.signIn(row), scratch);
        if (!file.flushIfFull()) break;
    }
    w.end();
    out += "\r\n";
    return file.commit(error);
}

} // namespace calens::exporter
