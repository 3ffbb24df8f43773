// SPDX-License-Identifier: MIT
#pragma once

#include "enums.h"
#include "stringpool.h"

#include <cstdint>

namespace calens {

// A policy as named in sign-in logs: the (id, displayName) pair, stored once.
struct PolicyRef
{
    StrId id = 0;
    StrId displayName = 0;
};

// One entry of a sign-in's appliedConditionalAccessPolicies, packed to 32 bytes; rarely used parts
// (rules, custom control names, authentication strength, unknown result text) live in the extras store.
struct PolicyEval
{
    uint32_t signIn = 0;
    uint32_t policy = 0; // index into Dataset::policyRefs()
    PolicyResult result = PolicyResult::Unknown;
    AuthStrengthResult authStrengthResult = AuthStrengthResult::NotSet;
    uint16_t grant = 0;
    uint16_t session = 0;
    uint16_t sessionNotSatisfied = 0;
    uint32_t conditionsSatisfied = 0;
    uint32_t conditionsNotSatisfied = 0;
    uint32_t extras = 0; // offset into the extras store, 0 = none
    uint32_t reserved = 0;
};
static_assert(sizeof(PolicyEval) == 32);

} // namespace calens
