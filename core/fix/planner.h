// SPDX-License-Identifier: MIT
#pragma once

#include "fixplan.h"

#include <optional>
#include <vector>

namespace calens {
class Dataset;
}

namespace calens::fix {

// Plans `change` on `live`, the object as just read from Graph: applies it to that copy, diffs, builds the PATCH
// and the blast radius over the loaded sign-ins, and adds the warnings an admin needs before sending it.
// Nothing when the change no longer applies to the live object; `error` says why.
std::optional<FixPlan> planFix(const Dataset& dataset, const std::string& fixId, const QString& title,
    const Change& change, const nlohmann::json& live, const std::vector<uint32_t>& diagnosed, QString* error);

} // namespace calens::fix
