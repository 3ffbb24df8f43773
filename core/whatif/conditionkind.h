// SPDX-License-Identifier: MIT
#pragma once

#include "whatifinput.h"

#include <cstdint>
#include <span>

namespace calens::whatif {

// The conditions of a policy, one per evaluator in conditions.h, in the order they are reported.
enum class ConditionKind : uint8_t
{
    Identity, // users, or workload identities for a service principal
    Application, // resources, user actions or authentication contexts
    Platform,
    Devices,
    ClientApps,
    Location,
    SignInRisk,
    UserRisk,
    InsiderRisk,
    ServicePrincipalRisk,
    AuthenticationFlow,
    Count
};
constexpr int kConditionKinds = int(ConditionKind::Count);

// The conditions Conditional Access evaluates for this kind of identity: a workload identity has a service
// principal risk and no sign-in, user or insider risk.
std::span<const ConditionKind> conditionsFor(WhatIfInput::Identity identity);

} // namespace calens::whatif
