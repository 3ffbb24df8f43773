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
// The "Windows Azure Service Management API" app covers Azure Resource Manager and the services bound to the Azure
// portal (the portal itself, which also serves the Entra admin center, Azure Data Lake, Log Analytics API).
Tri inServiceManagementApi(std::string_view appId);

inline constexpr std::string_view kMicrosoftGraphApp = "00000003-0000-0000-c000-000000000000";
inline constexpr std::string_view kAzureAdGraphApp = "00000002-0000-0000-c000-000000000000"; // Windows Azure AD
inline constexpr std::string_view kServiceManagementApp = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
inline constexpr std::string_view kAzurePortalApp = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
bool isMicrosoftTenant(std::string_view tenantId); // appOwnerOrganizationId of Microsoft's first-party apps

} // namespace calens::whatif
