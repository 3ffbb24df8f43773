// SPDX-License-Identifier: MIT
#include "whatifjson.h"

namespace calens::whatif {

using J = nlohmann::ordered_json;

J toJson(const PolicyVerdict& v)
{
    J o;
    o["id"] = v.id;
    o["displayName"] = v.displayName;
    o["state"] = v.state;
    o["applies"] = v.applies();
    o["reasons"] = v.reasons;
    o["notEnoughInformation"] = v.notEnoughInformation;
    o["grantControls"] = v.grantControls;
    o["operator"] = v.operatorText.empty() ? J(nullptr) : J(v.operatorText);
    o["sessionControls"] = v.sessionControls;
    o["result"] = outcomeName(v.outcome);
    o["reportOnly"] = v.reportOnly;
    o["details"] = v.details;
    return o;
}

J toJson(const std::vector<PolicyVerdict>& verdicts)
{
    J a = J::array();
    for (const PolicyVerdict& v : verdicts) a.push_back(toJson(v));
    return a;
}

J toJson(const Disagreement& d)
{
    return J { { "id", d.policyId }, { "displayName", d.displayName }, { "logResult", d.logResult },
        { "evaluation", d.evaluation }, { "explanation", d.explanation } };
}

} // namespace calens::whatif
