// SPDX-License-Identifier: MIT
#pragma once

#include "logcompare.h"
#include "policyverdict.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace calens::whatif {

// `calens whatif --json`: { "policies": [ { id, displayName, state, applies, reasons, notEnoughInformation,
// grantControls, operator, sessionControls, + result, reportOnly, details } ], "disagreements": [...] }.
nlohmann::ordered_json toJson(const PolicyVerdict& v);
nlohmann::ordered_json toJson(const std::vector<PolicyVerdict>& verdicts);
nlohmann::ordered_json toJson(const Disagreement& d);

} // namespace calens::whatif
