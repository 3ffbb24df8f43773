// SPDX-License-Identifier: MIT
#pragma once

#include "tri.h"
#include "whatifinput.h"

#include "model/capolicy.h"
#include "model/namedlocation.h"
#include "model/serviceprincipal.h"

#include <string>
#include <vector>

namespace calens::whatif {

// The parts of a policy the CaPolicy model does not name, read from its JSON once.
struct PolicyExtras
{
    std::string includeTenantsKind, excludeTenantsKind; // externalTenants membershipKind ("all" | "enumerated")
    std::vector<std::string> includeTenants, excludeTenants;
    std::string applicationFilterMode, servicePrincipalFilterMode;
    std::vector<std::string> includeDeviceStates, excludeDeviceStates; // beta devices.include/excludeDevices
    std::vector<std::string> builtInControls; // as written
    static PolicyExtras fromJson(const std::string& policyJson);
};

// The directory facts the conditions look up.
struct Directory
{
    const std::vector<NamedLocation>* namedLocations = nullptr;
    const std::vector<ServicePrincipal>* servicePrincipals = nullptr;
    std::string tenantId; // the tenant the policies belong to, when known (else the input's)
};

struct ConditionResult
{
    enum class State : uint8_t
    {
        NotConfigured, // the policy does not use this condition
        Match, // the sign-in is in scope of the condition
        NoMatch, // not in scope (not included, or excluded)
        Unknown, // the input does not say enough
        Invalid // the condition cannot be read (an unparsable device filter rule)
    };
    State state = State::NotConfigured;
    const char* reason = ""; // Graph analysisReasons name: "users", "location", ... (a literal)
    std::string detail; // one readable line
    // The two sides apart, for questions such as "is this principal excluded?" (Unknown when not evaluated).
    Tri included = Tri::Unknown;
    Tri excluded = Tri::Unknown;
};

// One evaluator per condition kind; each says Match/NoMatch/Unknown with a readable detail.
ConditionResult evaluateUsers(const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in);
ConditionResult evaluateWorkloadIdentities(
    const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in, const Directory& dir);
ConditionResult evaluateApplications(
    const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in, const Directory& dir);
ConditionResult evaluateClientApps(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluatePlatforms(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluateLocations(const CaPolicy& p, const WhatIfInput& in, const Directory& dir);
// Whether the sign-in is in one named location, as Conditional Access decides it: IP ranges by the IP address,
// country locations by the country (an IP that maps to no country is in it when it includes unknown
// countries; GPS-based lookups are never in a log, so Unknown).
Tri inNamedLocation(const NamedLocation& n, const WhatIfInput& in);
ConditionResult evaluateSignInRisk(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluateUserRisk(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluateServicePrincipalRisk(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluateInsiderRisk(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluateAuthenticationFlows(const CaPolicy& p, const WhatIfInput& in);
ConditionResult evaluateDevices(const CaPolicy& p, const PolicyExtras& x, const WhatIfInput& in);

// Whether Conditional Access for workload identities can cover the signing-in service principal at all: only
// single-tenant service principals registered in the tenant can; multi-tenant and third-party apps cannot, even
// when a policy lists them, and managed identities never are. `why` says what decided it.
Tri workloadIdentityInScope(const WhatIfInput& in, const Directory& dir, std::string* why);

// 2026-03-01: from then on (rolled out in phases from March 2026) requests for only the low-privilege directory
// scopes are evaluated as Windows Azure Active Directory even when an "All resources" policy has exclusions; before,
// they were exempt (Microsoft Learn, concept-conditional-access-cloud-apps.md, "All resources").
inline constexpr int64_t kBaselineScopeChangeMs = 1772323200000;

// The legacy "MFA trusted IPs" pseudo location of the per-user MFA service settings.
inline constexpr const char* kLegacyTrustedIpsId = "00000000-0000-0000-0000-000000000000";

} // namespace calens::whatif
