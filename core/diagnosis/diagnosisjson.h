// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosis.h"

#include <nlohmann/json.hpp>

namespace calens {

// The `calens diagnose --json` object of the CLI contract (extra keys allowed, none renamed).
nlohmann::ordered_json toJson(const Diagnosis& d);

} // namespace calens
