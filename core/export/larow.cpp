// SPDX-License-Identifier: MIT
#include "larow.h"

#include "jsonout.h"
#include "model/signinref.h"
#include "signinjson.h"
#include "timefmt.h"

namespace calens::exporter {

using K = LaRow::Kind;

const std::array<LaRow::Column, LaRow::kColumns>& LaRow::columns()
{
    static const std::array<Column, kColumns> cols { {
        { "TenantId", K::String },
        { "SourceSystem", K::String },
        { "TimeGenerated", K::DateTime },
        { "ResourceId", K::String },
        { "OperationName", K::String },
        { "OperationVersion", K::String },
        { "Category", K::String },
        { "ResultType", K::String },
        { "ResultSignature", K::String },
        { "ResultDescription", K::String },
        { "DurationMs", K::Long },
        { "CorrelationId", K::String },
        { "Resource", K::String },
        { "ResourceGroup", K::String },
        { "ResourceProvider", K::String },
        { "Identity", K::String },
        { "Level", K::String },
        { "Location", K::String },
        { "AlternateSignInName", K::String },
        { "AppDisplayName", K::String },
        { "AppId", K::String },
        { "AuthenticationContextClassReferences", K::String },
        { "AuthenticationDetails", K::String },
        { "AppliedEventListeners", K::Dynamic },
        { "AuthenticationMethodsUsed", K::String },
        { "AuthenticationProcessingDetails", K::String },
        { "AuthenticationRequirement", K::String },
        { "AuthenticationRequirementPolicies", K::String },
        { "ClientAppUsed", K::String },
        { "ConditionalAccessPolicies", K::Dynamic },
        { "ConditionalAccessStatus", K::String },
        { "CreatedDateTime", K::DateTime },
        { "DeviceDetail", K::Dynamic },
        { "IsInteractive", K::Bool },
        { "Id", K::String },
        { "IPAddress", K::String },
        { "IsRisky", K::Bool },
        { "LocationDetails", K::Dynamic },
        { "MfaDetail", K::Dynamic },
        { "NetworkLocationDetails", K::String },
        { "OriginalRequestId", K::String },
        { "ProcessingTimeInMilliseconds", K::String },
        { "RiskDetail", K::String },
        { "RiskEventTypes", K::String },
        { "RiskEventTypes_V2", K::String },
        { "RiskLevelAggregated", K::String },
        { "RiskLevelDuringSignIn", K::String },
        { "RiskState", K::String },
        { "ResourceDisplayName", K::String },
        { "ResourceIdentity", K::String },
        { "ResourceServicePrincipalId", K::String },
        { "ServicePrincipalId", K::String },
        { "ServicePrincipalName", K::String },
        { "Status", K::Dynamic },
        { "TokenIssuerName", K::String },
        { "TokenIssuerType", K::String },
        { "UserAgent", K::String },
        { "UserDisplayName", K::String },
        { "UserId", K::String },
        { "UserPrincipalName", K::String },
        { "AADTenantId", K::String },
        { "UserType", K::String },
        { "FlaggedForReview", K::Bool },
        { "IPAddressFromResourceProvider", K::String },
        { "SignInIdentifier", K::String },
        { "SignInIdentifierType", K::String },
        { "ResourceTenantId", K::String },
        { "HomeTenantId", K::String },
        { "UniqueTokenIdentifier", K::String },
        { "SessionLifetimePolicies", K::String },
        { "AutonomousSystemNumber", K::String },
        { "AuthenticationProtocol", K::String },
        { "CrossTenantAccessType", K::String },
        { "AppliedConditionalAccessPolicies", K::String },
        { "RiskLevel", K::String },
        { "Type", K::String },
    } };
    return cols;
}

void LaRow::fill(const SignInRef& s, bool portal)
{
    for (std::string& c : m_cells) c.clear();
    size_t i = 0;
    auto next = [&]() -> std::string& { return m_cells[i++]; };
    auto put = [&](std::string_view v) { next().assign(v); };
    auto date = [&] {
        std::string& c = next();
        if (portal)
            appendUsLocale(c, s.createdMs());
        else
            appendIso7(c, s.createdMs());
    };
    auto boolean = [&](bool v) { put(portal ? (v ? "TRUE" : "FALSE") : (v ? "true" : "false")); };
    const std::string_view tenant = s.str(SF::ResourceTenantId);

    put(tenant);
    put("Azure AD");
    date();
    std::string& rid = next();
    rid.append("/tenants/").append(tenant).append("/providers/Microsoft.aadiam");
    put("Sign-in activity");
    put("1.0");
    put(categoryOf(s.type()));
    appendInt(next(), s.errorCode());
    put("None");
    put(s.str(SF::FailureReason));
    put("0");
    put(s.str(SF::CorrelationId));
    put("Microsoft.aadiam");
    put("Microsoft.aadiam");
    put("");
    put(s.str(SF::UserDisplayName).empty() ? s.str(SF::ServicePrincipalName) : s.str(SF::UserDisplayName));
    put("4");
    put(s.str(SF::Country));
    put(s.str(SF::UserPrincipalName));
    put(s.str(SF::AppDisplayName));
    put(s.str(SF::AppId));
    std::string& acrs = next();
    acrs += '[';
    for (std::string_view refs = s.str(SF::AuthContextRefs); !refs.empty();) {
        const size_t comma = refs.find(',');
        if (acrs.size() > 1) acrs += ',';
        acrs += "{\"id\":";
        appendString(acrs, refs.substr(0, comma));
        acrs += ",\"detail\":\"required\"}";
        refs = comma == std::string_view::npos ? std::string_view() : refs.substr(comma + 1);
    }
    acrs += ']';
    put("[]"); // AuthenticationDetails
    put(""); // AppliedEventListeners
    put(""); // AuthenticationMethodsUsed
    put("[]"); // AuthenticationProcessingDetails
    put(name(s.authRequirement()));
    put("[]"); // AuthenticationRequirementPolicies
    put(s.str(SF::ClientAppUsed));
    if (s.policyDetail() == Tristate::True)
        appendAppliedPolicies(next(), s, true);
    else
        ++i;
    put(name(s.caStatus()));
    date();
    appendDeviceDetail(next(), s);
    boolean(s.isInteractive() == Tristate::True);
    put(s.str(SF::Id));
    put(s.str(SF::IpAddress));
    boolean(s.riskState() == RiskState::AtRisk);
    appendLocation(next(), s);
    put(""); // MfaDetail
    appendNetworkLocationDetails(next(), s);
    put(s.str(SF::OriginalRequestId));
    put("0");
    put(s.str(SF::RiskDetail));
    appendJoinedArray(next(), s.str(SF::RiskEventTypes));
    appendJoinedArray(next(), s.str(SF::RiskEventTypes));
    put(name(s.riskAggregated()));
    put(name(s.riskDuringSignIn()));
    put(name(s.riskState()));
    put(s.str(SF::ResourceDisplayName));
    put(s.str(SF::ResourceId));
    put("");
    put(s.str(SF::ServicePrincipalId));
    put(s.str(SF::ServicePrincipalName));
    appendStatus(next(), s);
    put("");
    put("AzureAD");
    put(s.str(SF::UserAgent));
    put(s.str(SF::UserDisplayName));
    put(s.str(SF::UserId));
    put(s.str(SF::UserPrincipalName));
    put(tenant);
    put(s.str(SF::UserType));
    boolean(false);
    put("");
    put(s.str(SF::UserPrincipalName));
    put(s.str(SF::UserPrincipalName).empty() ? "" : "userPrincipalName");
    put(tenant);
    put(s.str(SF::HomeTenantId));
    put(s.str(SF::UniqueTokenId));
    put("[]");
    put("");
    put(s.str(SF::AuthenticationProtocol));
    put(s.str(SF::CrossTenantAccessType));
    put("");
    put("");
    put(laTableOf(s.type()));
}

} // namespace calens::exporter
