// SPDX-License-Identifier: MIT
#pragma once

#include "model/capolicy.h"

#include <string>

namespace calens::synth {

struct PolicySpec;
class Tenant;

// The Graph conditionalAccessPolicy for a spec: struct fields filled and `json` set.
CaPolicy buildPolicy(const PolicySpec& spec, const std::string& id, const Tenant& tenant);

} // namespace calens::synth
