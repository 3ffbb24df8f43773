// SPDX-License-Identifier: MIT
#pragma once

#include "policyverdict.h"

#include <string>
#include <vector>

namespace calens {
class SignInRef;
}

namespace calens::whatif {

// Where the sign-in log's per-policy result and the offline evaluation disagree. Usually a group
// membership the input did not carry, or a policy or named location that changed since the sign-in.
struct Disagreement
{
    std::string policyId, displayName;
    std::string logResult; // the log's result text ("failure", "notApplied", ...)
    std::string evaluation; // outcomeName() of the verdict, or "notInPolicies" / "notInLog"
    std::string explanation;
};

std::vector<Disagreement> compareWithLog(const SignInRef& signIn, const std::vector<PolicyVerdict>& verdicts);

} // namespace calens::whatif
