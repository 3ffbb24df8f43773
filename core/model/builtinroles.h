// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <string_view>

namespace calens {

// The name of a Microsoft Entra built-in role from its template ID, the id Conditional Access lists under
// includeRoles / excludeRoles: these ids are the same in every tenant, so the name needs no directory lookup.
// Empty for a custom role or an unknown id. The table is data (resources/directory/builtin-roles.tsv).
QString builtInRoleName(std::string_view templateId);

} // namespace calens
