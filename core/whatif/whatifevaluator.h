// SPDX-License-Identifier: MIT
#pragma once

#include "policyverdict.h"
#include "whatifinput.h"

#include "model/capolicy.h"
#include "model/namedlocation.h"
#include "model/serviceprincipal.h"

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

private:
    const std::vector<CaPolicy>& m_policies;
    const std::vector<NamedLocation>& m_locations;
    const std::vector<ServicePrincipal>& m_sps;
};

} // namespace calens::whatif
