// SPDX-License-Identifier: MIT
#pragma once

#include "model/capolicy.h"
#include "model/namedlocation.h"
#include "model/serviceprincipal.h"

#include <QString>

#include <optional>
#include <string_view>

namespace calens {

// Graph directory objects from their JSON (camelCase or PascalCase keys). Small documents: a DOM is fine.
std::optional<CaPolicy> parseCaPolicy(std::string_view json, QString* error);
std::optional<NamedLocation> parseNamedLocation(std::string_view json, QString* error);
std::optional<ServicePrincipal> parseServicePrincipal(std::string_view json, QString* error);

} // namespace calens
