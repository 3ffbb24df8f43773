// SPDX-License-Identifier: MIT
#include "signindraft.h"

namespace calens {

namespace {
constexpr std::array<std::string_view, kStrFieldCount> kFieldNames { "id", "correlationId", "originalRequestId",
    "uniqueTokenIdentifier", "userId", "userDisplayName", "userPrincipalName", "userType", "servicePrincipalId",
    "servicePrincipalName", "managedServiceIdentity.associatedResourceId", "appId", "appDisplayName", "resourceId",
    "resourceDisplayName", "ipAddress", "location.countryOrRegion", "location.state", "location.city", "clientAppUsed",
    "userAgent", "status.failureReason", "status.additionalDetails", "deviceDetail.deviceId",
    "deviceDetail.displayName", "deviceDetail.operatingSystem", "deviceDetail.browser", "deviceDetail.trustType",
    "riskDetail", "riskEventTypes_v2", "networkLocationDetails.networkNames", "authenticationProtocol",
    "clientCredentialType", "crossTenantAccessType", "homeTenantId", "resourceTenantId", "incomingTokenType",
    "authenticationContextClassReferences", "conditionalAccessAudiences", "ipAddressFromResourceProvider",
    "tokenProtectionStatusDetails.signInSessionStatus", "tokenProtectionStatusDetails.signInSessionStatusCode",
    "authenticationRequirementPolicies", "sessionLifetimePolicies" };
}

std::string_view fieldName(SF f)
{
    return kFieldNames[size_t(f)];
}

void PolicyEvalDraft::clear()
{
    id = displayName = resultText = authStrengthId = authStrengthName = {};
    result = PolicyResult::Unknown;
    grant = session = sessionNotSatisfied = 0;
    conditionsSatisfied = conditionsNotSatisfied = 0;
    customGrants.clear();
    includeRules.clear();
    excludeRules.clear();
    authStrengthResult = AuthStrengthResult::NotSet;
}

PolicyEvalDraft& SignInDraft::addPolicy()
{
    if (policyCount == policies.size()) policies.emplace_back();
    PolicyEvalDraft& p = policies[policyCount++];
    p.clear();
    return p;
}

void SignInDraft::clear()
{
    str.fill({});
    createdMs = INT64_MIN;
    errorCode = 0;
    hasErrorCode = false;
    type = SignInType::Unknown;
    isInteractive = isCompliant = isManaged = policyDetail = Tristate::Unset;
    caStatus = CaStatus::Unknown;
    riskDuringSignIn = riskAggregated = RiskLevel::NotSet;
    riskState = RiskState::NotSet;
    authRequirement = AuthRequirement::NotSet;
    msiType = MsiType::NotSet;
    transferMethod = TransferMethod::NotSet;
    networkTypes = 0;
    policyCount = 0;
    for (auto& s : scratch) s.clear();
    sourceOffset = 0;
    sourceLength = 0;
}

} // namespace calens
