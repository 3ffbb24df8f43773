// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace calens {

enum class PolicyState : uint8_t
{
    Enabled,
    Disabled,
    ReportOnly,
    Unknown
};

// A Conditional Access policy definition (Graph conditionalAccessPolicy), the parts a diagnosis reads.
// `json` keeps the object as read so nothing the model does not name is lost.
struct CaPolicy
{
    std::string id;
    std::string displayName;
    PolicyState state = PolicyState::Unknown;
    std::string stateText;

    std::vector<std::string> includeUsers, excludeUsers, includeGroups, excludeGroups, includeRoles, excludeRoles;
    std::string includeGuestTypes, excludeGuestTypes; // flags text, e.g. "b2bCollaborationGuest,internalGuest"
    std::vector<std::string> includeApplications, excludeApplications, includeUserActions, includeAuthContexts;
    std::vector<std::string> includeServicePrincipals, excludeServicePrincipals;
    std::vector<std::string> clientAppTypes, includePlatforms, excludePlatforms;
    std::vector<std::string> includeLocations, excludeLocations;
    std::string deviceFilterMode, deviceFilterRule;
    std::vector<std::string> signInRiskLevels, userRiskLevels, servicePrincipalRiskLevels;
    std::string insiderRiskLevels, transferMethods;

    std::string grantOperator; // "AND" | "OR"
    uint16_t grant = 0; // Grant:: bits from builtInControls, plus termsOfUse/authenticationStrength/other
    std::vector<std::string> customAuthenticationFactors, termsOfUse;
    std::string authStrengthId, authStrengthName;
    uint16_t session = 0; // Session:: bits of the enabled session controls
    int64_t createdMs = INT64_MIN, modifiedMs = INT64_MIN;
    std::string json;
};

const char* stateName(PolicyState s);

} // namespace calens
