// SPDX-License-Identifier: MIT
#include "logcompare.h"

#include "model/enums.h"
#include "model/signinref.h"

namespace calens::whatif {

namespace {

enum class LogSays
{
    Applied,
    NotApplied,
    NotEnabled,
    Unknown
};

LogSays logSays(PolicyResult r)
{
    switch (r) {
    case PolicyResult::Success:
    case PolicyResult::Failure:
    case PolicyResult::ReportOnlySuccess:
    case PolicyResult::ReportOnlyFailure:
    case PolicyResult::ReportOnlyInterrupted:
        return LogSays::Applied;
    case PolicyResult::NotApplied:
    case PolicyResult::ReportOnlyNotApplied:
        return LogSays::NotApplied;
    case PolicyResult::NotEnabled:
        return LogSays::NotEnabled;
    case PolicyResult::Unknown:
        break;
    }
    return LogSays::Unknown;
}

std::string list(const std::vector<std::string>& v)
{
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
}

} // namespace

bool conditionalAccessRan(const SignInRef& s)
{
    if (s.caStatus() == CaStatus::Success || s.caStatus() == CaStatus::Failure) return true;
    return s.caStatus() == CaStatus::NotApplied && (!s.hasErrorCode() || s.errorCode() == 0);
}

std::vector<Disagreement> compareWithLog(const SignInRef& s, const std::vector<PolicyVerdict>& verdicts)
{
    std::vector<Disagreement> out;
    if (s.policyDetail() != Tristate::True) return out; // the log says nothing per policy
    if (!conditionalAccessRan(s)) {
        out.push_back({ {}, {}, std::string(name(s.caStatus())), "notEvaluated",
            "the sign-in failed (error " + std::to_string(s.errorCode())
                + ") before Conditional Access evaluated it: the log's policy results say nothing to compare" });
        return out;
    }
    std::vector<bool> seen(verdicts.size(), false);
    for (const PolicyEval& e : s.evals()) {
        const std::string id(s.policyId(e));
        const std::string resultText(s.resultText(e));
        size_t i = 0;
        while (i < verdicts.size() && verdicts[i].id != id) ++i;
        if (i == verdicts.size()) {
            out.push_back({ id, std::string(s.policyName(e)), resultText, "notInPolicies",
                "the log evaluated a policy the policy file does not have (deleted since, or another file)" });
            continue;
        }
        seen[i] = true;
        const PolicyVerdict& v = verdicts[i];
        const LogSays log = logSays(e.result);
        const std::string eval = outcomeName(v.outcome);
        if (log == LogSays::Applied && v.outcome == PolicyVerdict::Outcome::DoesNotApply) {
            if (v.reasons == std::vector<std::string> { "policyNotEnabled" })
                out.push_back({ id, v.displayName, resultText, eval,
                    "the log applied the policy, which is now disabled: it changed since the sign-in" });
            else
                out.push_back({ id, v.displayName, resultText, eval,
                    "the log applied the policy but the evaluation does not (" + list(v.reasons)
                        + "): the policy, a named location or a membership changed since the sign-in" });
        } else if (log == LogSays::NotApplied && v.outcome == PolicyVerdict::Outcome::Applies) {
            out.push_back({ id, v.displayName, resultText, eval,
                "the log did not apply the policy but the evaluation does (" + list(v.reasons)
                    + "): usually a group or role exclusion the input does not carry, or a policy changed since" });
        } else if (log == LogSays::NotEnabled && v.state != "disabled") {
            out.push_back({ id, v.displayName, resultText, eval,
                "the policy was off at sign-in time and is " + v.state + " now" });
        } else if (log != LogSays::NotEnabled && log != LogSays::Unknown && v.state == "disabled") {
            out.push_back(
                { id, v.displayName, resultText, eval, "the policy was on at sign-in time and is disabled now" });
        }
    }
    // A user sign-in's log lists every policy of the tenant; one it does not list is newer than the sign-in.
    if (s.type() == SignInType::InteractiveUser || s.type() == SignInType::NonInteractiveUser)
        for (size_t i = 0; i < verdicts.size(); ++i)
            if (!seen[i] && verdicts[i].state != "disabled" && !s.evals().empty())
                out.push_back({ verdicts[i].id, verdicts[i].displayName, "", "notInLog",
                    "the log does not list this policy: created (or enabled) after the sign-in" });
    return out;
}

} // namespace calens::whatif
