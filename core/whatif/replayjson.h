// SPDX-License-Identifier: MIT
#pragma once

#include "replayreport.h"

#include <nlohmann/json.hpp>

namespace calens::whatif {

// `calens whatif --replay --json`: { signIns, pairs, agree, notEnoughInformation, contradictions,
// byPolicy: [ { id, displayName, agree, notEnoughInformation, contradictions } ], byCondition: { reason: N },
// examples: [ { signInId, policyId, logged, evaluated, decidedBy } ] } as the contract has it, plus
// agreement, skipped counts, per-condition tallies (conditions), and per example its kind and details.
nlohmann::ordered_json toJson(const ReplayReport& r);

} // namespace calens::whatif
