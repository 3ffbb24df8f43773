// SPDX-License-Identifier: MIT
#include "replayjson.h"

namespace calens::whatif {

namespace {

using OJ = nlohmann::ordered_json;

void tally(OJ& out, const ReplayReport::Tally& t)
{
    out["pairs"] = t.pairs;
    out["agree"] = t.agree;
    out["notEnoughInformation"] = t.notEnoughInformation;
    out["contradictions"] = t.contradictions;
}

} // namespace

nlohmann::ordered_json toJson(const ReplayReport& r)
{
    OJ out;
    out["signIns"] = r.signIns;
    tally(out, r.total);
    out["agreement"] = r.agreement();
    out["skipped"]
        = { { "withoutPolicyDetail", r.withoutPolicyDetail }, { "notEvaluatedByConditionalAccess", r.notEvaluated },
              { "policyNotLoaded", r.policyNotLoaded }, { "unknownLogResult", r.unknownLogResult } };
    OJ byPolicy = OJ::array();
    for (const auto& p : r.byPolicy) {
        OJ j { { "id", p.id }, { "displayName", p.displayName } };
        tally(j, p.tally);
        byPolicy.push_back(std::move(j));
    }
    out["byPolicy"] = std::move(byPolicy);
    OJ byCondition = OJ::object(), conditions = OJ::object();
    for (const auto& [reason, t] : r.byCondition) {
        if (t.decided) byCondition[reason] = t.decided;
        OJ j;
        tally(j, t);
        j["decided"] = t.decided;
        conditions[reason] = std::move(j);
    }
    out["byCondition"] = std::move(byCondition);
    out["conditions"] = std::move(conditions);
    OJ examples = OJ::array();
    for (const auto& e : r.examples)
        examples.push_back({ { "signInId", e.signInId }, { "policyId", e.policyId }, { "logged", e.logged },
            { "evaluated", e.evaluated }, { "decidedBy", e.decidedBy },
            { "kind", e.contradiction ? "contradiction" : "notEnoughInformation" }, { "displayName", e.policyName },
            { "details", e.details } });
    out["examples"] = std::move(examples);
    return out;
}

} // namespace calens::whatif
