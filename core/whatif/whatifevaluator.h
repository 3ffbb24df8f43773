// SPDX-License-Identifier: MIT
#pragma once

#include "conditionkind.h"
#include "conditions.h"
#include "policyverdict.h"
#include "whatifinput.h"

#include "model/capolicy.h"
#include "model/namedlocation.h"
#include "model/serviceprincipal.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace calens {
class Dataset;
}

namespace calens::whatif {

// Offline What-If: evaluates Conditional Access policies (Graph JSON, read into CaPolicy) against a sign-in
// without calling Graph. Conditions "apply only when all conditions are satisfied or not configured";
// a condition the input does not say is "not enough information", never a silent assumption.
class WhatIfEvaluator
{
public:
    WhatIfEvaluator(const std::vector<CaPolicy>& policies, const std::vector<NamedLocation>& namedLocations,
        const std::vector<ServicePrincipal>& servicePrincipals);
    explicit WhatIfEvaluator(const Dataset& dataset);

    std::vector<PolicyVerdict> evaluate(const WhatIfInput& input) const;
    PolicyVerdict evaluate(const CaPolicy& policy, const WhatIfInput& input) const;

    // One condition of one policy: the question the diagnosis asks ("does the location condition of P match?").
    // `reason` is the Graph analysisReasons name: users, workloadIdentities, application, devicePlatform, devices,
    // clientApps, location, signInRisk, userRisk, servicePrincipalRisk, insiderRisk, authenticationFlow.
    ConditionResult condition(const CaPolicy& policy, std::string_view reason, const WhatIfInput& input) const;

    const Directory& directory() const { return m_dir; }
    const std::vector<CaPolicy>& policies() const { return m_policies; }

    // The pieces of evaluate(), for callers that evaluate millions of sign-ins and cache per condition (the replay):
    // what decides a policy before any condition (off, or naming no identities or resources), one condition, and
    // how the conditions' states make the outcome. evaluate() is built from exactly these.
    std::optional<std::string> decidedBeforeConditions(const CaPolicy& policy) const; // "policyNotEnabled", ...
    ConditionResult condition(const CaPolicy& policy, ConditionKind kind, const WhatIfInput& input) const;
    static PolicyVerdict::Outcome combine(std::span<const ConditionResult::State> states);

private:
    const PolicyExtras& extrasOf(const CaPolicy& policy, PolicyExtras& scratch) const;

    const std::vector<CaPolicy>& m_policies;
    const std::vector<NamedLocation>& m_locations;
    const std::vector<ServicePrincipal>& m_sps;
    std::vector<PolicyExtras> m_extras; // parsed once per policy, in m_policies order
    Directory m_dir;
};

// The tenant most sign-ins of a dataset happened in (their resource tenant), or "" when none says.
std::string tenantOf(const Dataset& dataset);

} // namespace calens::whatif
