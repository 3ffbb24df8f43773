// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

namespace calens::synth {

class Rng;
class Tenant;
struct SignInCtx;

// What happens in one synthetic sign-in: ordinary traffic, a non-CA failure, or one AADSTS53003 cause.
enum class Scenario : uint8_t
{
    Ordinary,
    BadPassword, // 50126
    MfaRequired, // 50076
    MfaInterrupt, // 50074
    KmsiInterrupt, // 50140
    CrossTenant, // 500212
    DeviceNotCompliant,
    MfaNonInteractive,
    UntrustedLocation,
    WorkloadNotExcluded,
    IdentityRisk,
    BlockPolicy,
    ApprovedApp,
    AuthStrength,
    TermsOfUse,
    UnknownBlock, // 53003 whose blocking policy is not in the list (deleted since, or not readable)
    Count
};
constexpr int kFirstCause = int(Scenario::DeviceNotCompliant);
constexpr int kCauseCount = int(Scenario::Count) - kFirstCause;

// Chooses the scenario of sign-in `index` of `count`; `dayOfWindow` lets the incident build up late.
// Small datasets still get every cause: the first causes are placed at evenly spread indices.
Scenario pickScenario(Rng& rng, size_t index, size_t count, int dayOfWindow);

// Sets up the sign-in context for the scenario; `ordinary` sign-ins get sensible random traffic.
// Returns the error code the sign-in ends with (0 for success).
int32_t setupScenario(Scenario s, const Tenant& tenant, Rng& rng, SignInCtx& ctx);

// Makes an ordinary sign-in satisfy every control (used when random traffic hit a policy by accident).
void satisfyEverything(SignInCtx& ctx);

} // namespace calens::synth
