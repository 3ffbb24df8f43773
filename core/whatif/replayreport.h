// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace calens::whatif {

// How well the offline evaluation agrees with Microsoft's own, measured on the log: every logged sign-in with
// per-policy results is a ground-truth sample. A pair is one sign-in x one policy the log evaluated.
struct ReplayReport
{
    struct Tally
    {
        uint64_t pairs = 0, agree = 0, notEnoughInformation = 0, contradictions = 0;
        uint64_t decided = 0; // disagreements (either kind) this condition decided
    };
    struct PolicyTally
    {
        std::string id, displayName;
        Tally tally;
    };
    struct Example
    {
        std::string signInId, policyId, policyName;
        std::string logged; // the log's result text
        std::string evaluated; // outcomeName() of the evaluation
        std::string decidedBy; // the condition (Graph analysisReasons name) that decided the evaluation
        bool contradiction = false; // else not enough information
        std::vector<std::string> details; // the What-If's reading of every condition
    };

    uint64_t signInsRead = 0; // every sign-in in the input
    uint64_t signIns = 0; // sign-ins compared
    uint64_t withoutPolicyDetail = 0; // no appliedConditionalAccessPolicies: nothing to compare
    uint64_t notEvaluated = 0; // failed before Conditional Access (wrong password, ...): the log's policies say nothing
    uint64_t policyNotLoaded = 0; // log entries for policies the definitions do not have (deleted since, other file)
    uint64_t unknownLogResult = 0; // log entries with a result the log itself does not name
    Tally total;
    std::vector<PolicyTally> byPolicy; // in the order of the loaded policies
    std::map<std::string, Tally> byCondition; // Graph analysisReasons name -> tally
    std::vector<Example> examples; // contradictions first, then not-enough-information cases
    double seconds = 0; // the replay's own time (after loading)

    double agreement() const { return total.pairs ? double(total.agree) / double(total.pairs) : 0.0; }
};

} // namespace calens::whatif
