// SPDX-License-Identifier: MIT
#include "wellknownapps.h"

#include "model/enums.h"

namespace calens::whatif {

namespace {

// Sources (read 2025): Microsoft Learn, "Apps included in Conditional Access Office 365 app suite"
// (entra/identity/conditional-access/reference-office-365-application-contents), "Conditional Access:
// Target resources" (Microsoft Admin Portals), and the first-party application ids Microsoft lists in
// "Verify first-party Microsoft applications in sign-in reports". Only ids we are sure of are listed;
// anything else is Unknown rather than guessed.
constexpr std::string_view kOffice365[] = {
    "00000002-0000-0ff1-ce00-000000000000", // Office 365 Exchange Online
    "00000003-0000-0ff1-ce00-000000000000", // Office 365 SharePoint Online (and OneDrive)
    "00000004-0000-0ff1-ce00-000000000000", // Skype for Business Online
    "00000005-0000-0ff1-ce00-000000000000", // Yammer / Viva Engage
    "00000006-0000-0ff1-ce00-000000000000", // Microsoft Office 365 Portal
    "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe", // Microsoft Teams Services
    "1fec8e78-bce4-4aaf-ab1b-5451cc387264", // Microsoft Teams
    "c9a559d2-7aab-4f13-a6ed-e7e9c52aec87", // Microsoft Forms
    "94c63fef-13a3-47bc-8074-75af8c65887a", // Office Delve
    "905fcf26-4eb7-48a0-9ff0-8dcc7194b5ba", // Sway
    "2d4d3d8e-2be3-4bef-9f87-7875a61c29de", // OneNote
    "475226c6-020e-4fb2-8a90-7a972cbfc1d4", // PowerApps Service
    "7df0a125-d3be-4c96-aa54-591f83ff541c", // Microsoft Flow Service
    "cf53fce8-def6-4aeb-8d30-b158e7b1cf83", // Microsoft Stream Portal
    "4345a7b9-9a63-4910-a426-35363201d503", // O365 Suite UX
};

constexpr std::string_view kAdminPortals[] = {
    "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", // Azure Portal
};

// Microsoft Learn, identity/conditional-access/concept-conditional-access-cloud-apps.md, "Windows Azure Service
// Management API": targeting it covers Azure Resource Manager, the Azure portal (which also serves the Microsoft
// Entra admin center), Azure Data Lake, Application Insights API and Log Analytics API. Application Insights API's
// id is not listed here because we could not confirm it; it stays Unknown.
constexpr std::string_view kServiceManagement[] = {
    "797f4846-ba00-4fd7-ba43-dac1f8f63013", // Windows Azure Service Management API (Azure Resource Manager)
    "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", // Azure Portal (and the Microsoft Entra admin center)
    "e9f49c6b-5ce5-44c8-925d-015017e9f7ad", // Azure Data Lake
    "ca7f3f0b-7d91-482c-8e09-c5d840d0eac5", // Log Analytics API
};

// First-party apps that are in neither group.
constexpr std::string_view kNeither[] = {
    "797f4846-ba00-4fd7-ba43-dac1f8f63013", // Windows Azure Service Management API
    "00000003-0000-0000-c000-000000000000", // Microsoft Graph
    "00000002-0000-0000-c000-000000000000", // Windows Azure Active Directory (Azure AD Graph)
    "00000009-0000-0000-c000-000000000000", // Power BI Service
    "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", // AzureDatabricks
    "e406a681-f3d4-42a8-90b6-c2b029497af1", // Azure Storage
    "022907d3-0f1b-48f7-badc-1ba6abab6d66", // Azure SQL Database
    "cfa8b339-82a2-471a-a3c9-0fc0be7a4093", // Azure Key Vault
    "499b84ac-1321-427f-aa17-267ca6975798", // Azure DevOps
};

template<size_t N> bool listed(const std::string_view (&list)[N], std::string_view id)
{
    for (std::string_view x : list)
        if (equalsIgnoreCase(x, id)) return true;
    return false;
}

} // namespace

Tri inOffice365(std::string_view appId)
{
    if (listed(kOffice365, appId)) return Tri::Yes;
    if (listed(kAdminPortals, appId) || listed(kNeither, appId)) return Tri::No;
    return Tri::Unknown;
}

Tri inServiceManagementApi(std::string_view appId)
{
    if (listed(kServiceManagement, appId)) return Tri::Yes;
    if (listed(kOffice365, appId) || listed(kNeither, appId)) return Tri::No;
    return Tri::Unknown;
}

Tri inAdminPortals(std::string_view appId)
{
    if (listed(kAdminPortals, appId)) return Tri::Yes;
    // The Office 365 portal doubles as the Microsoft 365 admin center: Office365 membership says nothing here.
    if (listed(kNeither, appId)) return Tri::No;
    return Tri::Unknown;
}

bool isMicrosoftTenant(std::string_view tenantId)
{
    return equalsIgnoreCase(tenantId, "f8cdef31-a31e-4b4a-93e4-5f571e91255a")
        || equalsIgnoreCase(tenantId, "72f988bf-86f1-41af-91ab-2d7cd011db47");
}

} // namespace calens::whatif
