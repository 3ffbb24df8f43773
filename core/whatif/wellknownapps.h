// SPDX-License-Identifier: MIT
#pragma once

#include "tri.h"

#include <string_view>

namespace calens::whatif {

// Membership of an app id in the Conditional Access app groups "Office365" and "MicrosoftAdminPortals".
// Yes / No for the first-party apps listed in wellknownapps.cpp, Unknown for any other app id (the caller
// may know better, e.g. a service principal owned by another tenant is in neither group).
Tri inOffice365(std::string_view appId);
Tri inAdminPortals(std::string_view appId);
bool isMicrosoftTenant(std::string_view tenantId); // appOwnerOrganizationId of Microsoft's first-party apps

} // namespace calens::whatif
