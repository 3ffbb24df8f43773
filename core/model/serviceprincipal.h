// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace calens {

// A directory service principal (application, managed identity) as Graph lists it.
struct ServicePrincipal
{
    std::string id;
    std::string appId;
    std::string displayName;
    std::string servicePrincipalType; // "Application", "ManagedIdentity", "Legacy", ...
    std::string appOwnerOrganizationId;
    std::string signInAudience; // "AzureADMyOrg" for a single-tenant app, "AzureADMultipleOrgs", ...
    std::vector<std::string> tags;
    std::string json;
};

} // namespace calens
