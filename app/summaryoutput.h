// SPDX-License-Identifier: MIT
#pragma once

#include "query/summary.h"

#include <nlohmann/json.hpp>

// What `calens analyze` prints about the sign-ins, shared with `calens la summary` and `calens adx summary`,
// which print the same keys for a workspace's sign-ins.
nlohmann::ordered_json summaryJson(
    const calens::Summary& summary, nlohmann::ordered_json inputs, uint64_t duplicatesDropped);
// The human summary after the input lines: totals by type, blocks, unmet controls, failing policies.
void printSummary(const calens::Summary& summary);
