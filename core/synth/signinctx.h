// SPDX-License-Identifier: MIT
#pragma once

#include "model/enums.h"

namespace calens {
struct PolicyEvalDraft;
}

namespace calens::synth {

struct PolicySpec;
struct User;

enum class Device : uint8_t
{
    None,
    Corporate,
    Hybrid,
    Byod,
    Phone,
    GatewayVm,
    IrHost,
    DatabricksDriver
};

// What a policy evaluation needs to know about one sign-in; the scenario sets it up.
struct SignInCtx
{
    SignInType type = SignInType::InteractiveUser;
    const User* user = nullptr; // user sign-ins
    int sp = -1; // service principal / managed identity index (Sp)
    int res = 0;
    int platform = 0;
    int clientType = 0;
    int site = 0;
    Device device = Device::None;
    RiskLevel signInRisk = RiskLevel::None;
    RiskLevel userRisk = RiskLevel::None;
    bool spRiskHigh = false;
    bool mfaDone = true, compliant = true, domainJoined = true, approvedApp = true, strongAuth = true,
         touAccepted = true, deviceCode = false;
    bool caNotEvaluated = false; // primary authentication failed: no policy is evaluated
};

// Fills `out` with the evaluation of one policy for the sign-in (result, conditions, rules, controls).
void evaluatePolicy(const PolicySpec& spec, const SignInCtx& ctx, PolicyEvalDraft& out);

} // namespace calens::synth
