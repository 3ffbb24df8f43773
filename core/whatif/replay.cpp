// SPDX-License-Identifier: MIT
#include "replay.h"

#include "logcompare.h"
#include "replayevaluator.h"

#include "model/dataset.h"
#include "model/signinref.h"

#include <chrono>
#include <optional>

namespace calens::whatif {

namespace {

enum class LogSays : uint8_t
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

// The log's conditionsNotSatisfied, as the condition that kept a policy out (for "the log did not apply it").
const char* loggedReason(uint32_t notSatisfied)
{
    struct Bit
    {
        int bit;
        const char* reason;
    };
    static constexpr Bit kBits[] = { { 1, "users" }, { 13, "workloadIdentities" }, { 0, "application" },
        { 2, "devicePlatform" }, { 8, "devices" }, { 4, "clientApps" }, { 3, "location" }, { 10, "location" },
        { 11, "location" }, { 5, "signInRisk" }, { 6, "userRisk" }, { 16, "insiderRisk" },
        { 14, "servicePrincipalRisk" }, { 15, "authenticationFlow" } };
    for (const Bit& b : kBits)
        if (notSatisfied & (1u << b.bit)) return b.reason;
    return "unknown";
}

int firstBit(uint16_t bits)
{
    for (int k = 0; k < kConditionKinds; ++k)
        if (bits & (1u << k)) return k;
    return -1;
}

} // namespace

const char* reasonName(int kind, bool workload)
{
    switch (ConditionKind(kind)) {
    case ConditionKind::Identity:
        return workload ? "workloadIdentities" : "users";
    case ConditionKind::Application:
        return "application";
    case ConditionKind::Platform:
        return "devicePlatform";
    case ConditionKind::Devices:
        return "devices";
    case ConditionKind::ClientApps:
        return "clientApps";
    case ConditionKind::Location:
        return "location";
    case ConditionKind::SignInRisk:
        return "signInRisk";
    case ConditionKind::UserRisk:
        return "userRisk";
    case ConditionKind::InsiderRisk:
        return "insiderRisk";
    case ConditionKind::ServicePrincipalRisk:
        return "servicePrincipalRisk";
    case ConditionKind::AuthenticationFlow:
        return "authenticationFlow";
    case ConditionKind::Count:
        break;
    }
    return "unknown";
}

ReplayReport replayLog(const Dataset& d, size_t maxExamples, const std::atomic<bool>* cancel)
{
    const auto started = std::chrono::steady_clock::now();
    ReplayReport r;
    const WhatIfEvaluator evaluator(d);
    ReplayEvaluator fast(evaluator);
    const std::vector<CaPolicy>& policies = d.policies();
    for (const CaPolicy& p : policies) r.byPolicy.push_back({ p.id, p.displayName, {} });

    // The log names a policy by id; resolve each distinct (id, name) reference once.
    std::vector<int32_t> policyOfRef(d.policyRefs().size(), -2);
    auto policyOf = [&](const SignInRef& s, const PolicyEval& e) {
        int32_t& slot = policyOfRef[e.policy];
        if (slot == -2) {
            slot = -1;
            const std::string_view id = s.policyId(e);
            for (size_t i = 0; i < policies.size(); ++i)
                if (equalsIgnoreCase(policies[i].id, id)) slot = int32_t(i);
        }
        return slot;
    };

    struct Pending
    {
        uint32_t row;
        size_t policy;
        ReplayReport::Example example;
    };
    std::vector<Pending> contradictions, unsettled;

    r.signInsRead = d.signInCount();
    for (uint32_t row = 0; row < d.signInCount(); ++row) {
        if ((row & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed)) break;
        const SignInRef s = d.signIn(row);
        if (s.policyDetail() != Tristate::True) {
            ++r.withoutPolicyDetail;
            continue;
        }
        if (!conditionalAccessRan(s)) {
            ++r.notEvaluated;
            continue;
        }
        ++r.signIns;
        const WhatIfInput in = fromSignIn(s);
        const ReplayEvaluator::Keys keys = fast.keysOf(in);
        const bool workload = in.identity == WhatIfInput::Identity::ServicePrincipal
            || in.identity == WhatIfInput::Identity::ManagedIdentity;
        for (const PolicyEval& e : s.evals()) {
            const int32_t pi = policyOf(s, e);
            if (pi < 0) {
                ++r.policyNotLoaded;
                continue;
            }
            const LogSays log = logSays(e.result);
            if (log == LogSays::Unknown) {
                ++r.unknownLogResult;
                continue;
            }
            const ReplayEvaluator::Decision dec = fast.decide(size_t(pi), in, keys);
            // agree, not enough information, or contradiction; and the condition that decided a disagreement.
            enum
            {
                Agree,
                Unsettled,
                Contradiction
            } kind
                = Agree;
            std::string decidedBy;
            if (log == LogSays::NotEnabled) {
                if (dec.before != "policyNotEnabled") {
                    kind = Contradiction;
                    decidedBy = "policyState";
                }
            } else if (dec.outcome == PolicyVerdict::Outcome::NotEnoughInformation) {
                kind = Unsettled;
                decidedBy = reasonName(firstBit(dec.unknown), workload);
            } else if (log == LogSays::Applied && dec.outcome == PolicyVerdict::Outcome::DoesNotApply) {
                kind = Contradiction;
                decidedBy = dec.before.empty() ? reasonName(firstBit(dec.failed), workload) : std::string(dec.before);
            } else if (log == LogSays::NotApplied && dec.outcome == PolicyVerdict::Outcome::Applies) {
                kind = Contradiction;
                decidedBy = loggedReason(e.conditionsNotSatisfied);
            }
            auto count = [&](ReplayReport::Tally& t) {
                ++t.pairs;
                if (kind == Agree) ++t.agree;
                if (kind == Unsettled) ++t.notEnoughInformation;
                if (kind == Contradiction) ++t.contradictions;
            };
            count(r.total);
            count(r.byPolicy[size_t(pi)].tally);
            for (ConditionKind k : conditionsFor(in.identity))
                if (dec.configured & (1u << int(k))) count(r.byCondition[reasonName(int(k), workload)]);
            if (kind == Agree) continue;
            ++r.byCondition[decidedBy].decided;
            auto& list = kind == Contradiction ? contradictions : unsettled;
            if (list.size() < maxExamples)
                list.push_back({ row, size_t(pi),
                    { std::string(s.str(SF::Id)), policies[size_t(pi)].id, policies[size_t(pi)].displayName,
                        std::string(s.resultText(e)), outcomeName(dec.outcome), decidedBy, kind == Contradiction,
                        {} } });
        }
    }
    // The examples get the What-If's full reading of every condition: the admin sees why.
    for (auto* list : { &contradictions, &unsettled })
        for (Pending& p : *list) {
            const PolicyVerdict v = evaluator.evaluate(policies[p.policy], fromSignIn(d.signIn(p.row)));
            p.example.details = v.details;
            r.examples.push_back(std::move(p.example));
        }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

} // namespace calens::whatif
