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

// A sign-in that failed before Conditional Access ran (a wrong password: its result is "not applied" for every
// policy) has nothing to compare: one entry says so.
std::vector<Disagreement> compareWithLog(const SignInRef& signIn, const std::vector<PolicyVerdict>& verdicts);

// Whether Conditional Access evaluated the sign-in: it succeeded, or the log says Conditional Access succeeded or
// failed. A failed sign-in with Conditional Access "not applied" failed before it (formats.md §1.3,
// authenticationRequirement: "If primary authentication fails, the sign-in attempt is not evaluated by
// Conditional Access").
bool conditionalAccessRan(const SignInRef& signIn);

} // namespace calens::whatif
