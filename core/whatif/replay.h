// SPDX-License-Identifier: MIT
#pragma once

#include "replayreport.h"

#include <atomic>
#include <cstddef>

namespace calens {
class Dataset;
}

namespace calens::whatif {

// Evaluates every logged sign-in that carries per-policy results against the loaded policies, offline, and
// compares with the result the log gives each policy. A disagreement the input cannot settle (a group membership
// the log does not carry, a named location not loaded) is "not enough information", counted apart from a real
// contradiction. Sign-ins that failed before Conditional Access (a wrong password) are not compared: the log's
// policy list says nothing about them. `cancel` (may be null) stops early with what was counted so far.
ReplayReport replayLog(const Dataset& dataset, size_t maxExamples = 50, const std::atomic<bool>* cancel = nullptr);

// The Graph analysisReasons name of a condition kind, for a user or a workload identity.
const char* reasonName(int conditionKind, bool workload);

} // namespace calens::whatif
