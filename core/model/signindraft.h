// SPDX-License-Identifier: MIT
#pragma once

#include "enums.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace calens {

// Text fields of a sign-in, stored as string-pool ids column by column.
enum class SF : uint8_t
{
    Id, // request id; must stay first (Dataset::writeRow interns it apart)
    CorrelationId,
    OriginalRequestId,
    UniqueTokenId,
    UserId,
    UserDisplayName,
    UserPrincipalName,
    UserType,
    ServicePrincipalId,
    ServicePrincipalName,
    MsiAssociatedResourceId,
    AppId,
    AppDisplayName,
    ResourceId,
    ResourceDisplayName,
    IpAddress,
    Country,
    State,
    City,
    ClientAppUsed,
    UserAgent,
    FailureReason,
    AdditionalDetails,
    DeviceId,
    DeviceName,
    OperatingSystem,
    Browser,
    TrustType,
    RiskDetail,
    RiskEventTypes, // comma-joined
    NetworkNames, // comma-joined
    AuthenticationProtocol,
    ClientCredentialType,
    CrossTenantAccessType,
    HomeTenantId,
    ResourceTenantId,
    IncomingTokenType,
    AuthContextRefs, // comma-joined authentication context ids
    CaAudiences, // conditionalAccessAudiences: the services Conditional Access evaluated (comma-joined app ids)
    IpFromResource, // ipAddressFromResourceProvider: the address the resource saw (continuous access evaluation)
    TokenProtectionStatus, // tokenProtectionStatusDetails.signInSessionStatus: bound | unbound
    TokenProtectionCode, // tokenProtectionStatusDetails.signInSessionStatusCode: 1002, 1003, 1005, 1006, 1008
    AuthRequirementPolicies, // authenticationRequirementPolicies: requirementProvider values, comma-joined
    SessionLifetimePolicies, // sessionLifetimePolicies: expirationRequirement values, comma-joined
    Count
};
constexpr size_t kStrFieldCount = size_t(SF::Count);
std::string_view fieldName(SF f); // the Graph property path, e.g. "deviceDetail.operatingSystem"

struct RuleDraft
{
    uint8_t condition = 0; // bit index of conditionalAccessConditions
    uint8_t rule = kRuleUnknown;
    std::string_view ruleText; // kept when rule is unknown
};

struct PolicyEvalDraft
{
    std::string_view id;
    std::string_view displayName;
    PolicyResult result = PolicyResult::Unknown;
    std::string_view resultText; // original text when result is Unknown
    uint16_t grant = 0;
    uint16_t session = 0;
    uint16_t sessionNotSatisfied = 0;
    uint32_t conditionsSatisfied = 0;
    uint32_t conditionsNotSatisfied = 0;
    std::vector<std::string_view> customGrants; // names behind Grant::Other
    std::vector<RuleDraft> includeRules;
    std::vector<RuleDraft> excludeRules;
    std::string_view authStrengthId;
    std::string_view authStrengthName;
    AuthStrengthResult authStrengthResult = AuthStrengthResult::NotSet;

    void clear();
};

// One sign-in as a reader sees it. Views point into the reader's buffers and are valid until the
// reader parses the next record; Dataset::add copies what it keeps.
struct SignInDraft
{
    std::array<std::string_view, kStrFieldCount> str {};
    int64_t createdMs = INT64_MIN; // UTC milliseconds since the epoch
    int32_t errorCode = 0;
    bool hasErrorCode = false;
    SignInType type = SignInType::Unknown;
    Tristate isInteractive = Tristate::Unset;
    CaStatus caStatus = CaStatus::Unknown;
    RiskLevel riskDuringSignIn = RiskLevel::NotSet;
    RiskLevel riskAggregated = RiskLevel::NotSet;
    RiskState riskState = RiskState::NotSet;
    AuthRequirement authRequirement = AuthRequirement::NotSet;
    MsiType msiType = MsiType::NotSet;
    TransferMethod transferMethod = TransferMethod::NotSet;
    Tristate isCompliant = Tristate::Unset;
    Tristate isManaged = Tristate::Unset;
    uint8_t networkTypes = 0;
    // Unset: the record has no appliedConditionalAccessPolicies at all (no CA permission, or a CSV);
    // False: present but null; True: a list (possibly empty).
    Tristate policyDetail = Tristate::Unset;
    std::vector<PolicyEvalDraft> policies;
    size_t policyCount = 0; // policies[0..policyCount) are live; the rest are kept to reuse their buffers
    std::array<std::string, 8> scratch; // storage for joined lists (risk events, network names, ...)
    uint64_t sourceOffset = 0;
    uint32_t sourceLength = 0;

    PolicyEvalDraft& addPolicy();
    void clear();
    std::string_view get(SF f) const { return str[size_t(f)]; }
    void set(SF f, std::string_view v) { str[size_t(f)] = v; }
};

} // namespace calens
