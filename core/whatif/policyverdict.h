// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace calens::whatif {

// The outcome of one policy for one sign-in, in the shape of `calens whatif --json`.
struct PolicyVerdict
{
    enum class Outcome : uint8_t
    {
        Applies,
        DoesNotApply,
        NotEnoughInformation
    };
    std::string id, displayName, state; // state as the policy writes it
    bool reportOnly = false;
    Outcome outcome = Outcome::DoesNotApply;
    bool applies() const { return outcome == Outcome::Applies; }
    // Graph analysisReasons names. Applies: every configured condition that matched. Does not apply: every
    // condition that did not match (not only the first). Not enough information: "notEnoughInformation".
    std::vector<std::string> reasons;
    std::vector<std::string> notEnoughInformation; // conditions the input does not say enough about
    std::vector<std::string> details; // one readable line per evaluated condition, "users: excluded (group …)"
    std::vector<std::string>
        grantControls; // builtInControls as written, then authenticationStrength, termsOfUse, custom
    std::string operatorText; // "AND" | "OR" (empty without grant controls)
    std::vector<std::string> sessionControls;
};

const char* outcomeName(PolicyVerdict::Outcome o); // "applies", "doesNotApply", "notEnoughInformation"

} // namespace calens::whatif
