// SPDX-License-Identifier: MIT
#pragma once

#include "conditionkind.h"
#include "whatifevaluator.h"

#include <array>
#include <unordered_map>

namespace calens::whatif {

// The What-If for millions of logged sign-ins: the same condition evaluators, called once per distinct value of
// what each condition reads (its key) and remembered, so a replay of a large export stays fast without a second
// implementation of Conditional Access. Not thread-safe: one per thread.
class ReplayEvaluator
{
public:
    explicit ReplayEvaluator(const WhatIfEvaluator& evaluator);

    using Keys = std::array<uint64_t, kConditionKinds>;
    Keys keysOf(const WhatIfInput& in) const; // what each condition of any policy reads from this input

    struct Decision
    {
        PolicyVerdict::Outcome outcome = PolicyVerdict::Outcome::DoesNotApply;
        std::string_view before; // "policyNotEnabled" / "emptyPolicy" when no condition was evaluated
        uint16_t failed = 0, unknown = 0, configured = 0; // bits by ConditionKind
    };
    Decision decide(size_t policy, const WhatIfInput& in, const Keys& keys);

    size_t cacheSize() const { return m_cache.size(); }

private:
    const WhatIfEvaluator& m_evaluator;
    const std::vector<CaPolicy>& m_policies;
    std::vector<std::optional<std::string>> m_before; // per policy
    std::vector<uint16_t> m_configured; // per policy: the kinds it configures (identity and resources always)
    std::unordered_map<uint64_t, ConditionResult::State> m_cache;
};

} // namespace calens::whatif
